import { useState } from 'react';
import type { JobState, JobView } from '../../../src-preload/contract';
import { Countdown } from './Countdown';
import { TimeAgo } from './TimeAgo';

const STATE_LABELS: Record<JobState, string> = {
  queued: 'Waiting',
  running: 'Sending',
  done: 'Sent',
  dead: 'Failed',
};

interface JobRowProps {
  job: JobView;
  /** No connection (or "Work offline"): waiting jobs run when it comes back, not at nextRunAt. */
  held: boolean;
  busy: boolean;
  onOpenSession: (id: string) => void;
  onRetry: (job: JobView) => void;
  onDiscard: (job: JobView) => void;
}

export function JobRow({ job, held, busy, onOpenSession, onRetry, onDiscard }: JobRowProps) {
  return (
    <tr className={`job-row job-row-${job.state}`}>
      <th scope="row" className="job-what">
        <span className="job-label" title={`${job.service} · ${job.kind}`}>
          {job.label}
        </span>
        {job.sessionId && (
          <button
            type="button"
            className="link job-session"
            title={`Open the session “${job.sessionTitle ?? 'Untitled session'}”`}
            onClick={() => onOpenSession(job.sessionId!)}
          >
            {job.sessionTitle ?? 'Untitled session'}
          </button>
        )}
      </th>
      <td className="job-state-cell">
        <span className={`badge job-state job-state-${job.state}`}>{STATE_LABELS[job.state]}</span>
        <span className="job-attempts muted">
          {job.attempts} of {job.maxAttempts} attempts
        </span>
      </td>
      <td className="job-next">
        <NextTry job={job} held={held} />
      </td>
      <td className="job-error">
        {job.lastError ? <ErrorText text={job.lastError} /> : <span className="muted">—</span>}
      </td>
      <td className="job-actions">
        {job.state === 'dead' && (
          <div className="job-buttons">
            <button type="button" className="small" disabled={busy} onClick={() => onRetry(job)}>
              Retry
            </button>
            <button
              type="button"
              className="small danger-quiet"
              disabled={busy}
              onClick={() => onDiscard(job)}
            >
              Discard
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

function NextTry({ job, held }: { job: JobView; held: boolean }) {
  switch (job.state) {
    case 'queued':
      return held ? <span className="muted">When online</span> : <Countdown at={job.nextRunAt} />;
    case 'running':
      return <span>Sending now</span>;
    case 'done':
      return (
        <span className="muted">
          Sent <TimeAgo at={job.updatedAt} />
        </span>
      );
    case 'dead':
      return <span className="muted">No more tries</span>;
  }
}

/** Long errors are clamped to three lines; the text is a button that shows all of it. */
function ErrorText({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= 100) return <span className="job-error-text">{text}</span>;
  return (
    <button
      type="button"
      className={`job-error-text job-error-toggle${expanded ? ' expanded' : ''}`}
      aria-expanded={expanded}
      title={expanded ? 'Show less' : text}
      onClick={() => setExpanded(!expanded)}
    >
      {text}
    </button>
  );
}

import type { Handoff, HandoffSnapshot } from '../../../../src-preload/contract';
import { TimeAgo } from '../TimeAgo';
import { AssessmentState, BranchChip, IntentBadge, PriorityBadge } from './Badges';

const STATUS: Record<HandoffSnapshot['status'], string> = {
  active: 'Active',
  paused: 'Parked',
  requesting_escalation: 'Needs a senior',
  escalated: 'Escalated',
  resolved: 'Resolved',
};

/** Everything a handoff carries: the problem, why it was handed off, the snapshot of the session at
 * that moment (with the hypothesis map) and the AI assessment once it is ready. Read-only. */
export function BriefingDetails({ handoff }: { handoff: Handoff }) {
  const { snapshot, assessment } = handoff;
  return (
    <div className="briefing">
      <section className="briefing-section" aria-labelledby={`${handoff.id}-problem`}>
        <h2 id={`${handoff.id}-problem`}>Problem</h2>
        <p className="briefing-summary">{snapshot.summary || handoff.sessionTitle}</p>
        <dl className="briefing-facts">
          <dt>Intent</dt>
          <dd>
            <IntentBadge intent={handoff.intent} /> <PriorityBadge priority={handoff.priority} />
          </dd>
          <dt>Reason</dt>
          <dd>{handoff.reason || <span className="muted">No reason given</span>}</dd>
          <dt>Handed off by</dt>
          <dd>
            {handoff.handedOffByName} · <TimeAgo at={handoff.createdAt} />
          </dd>
          {handoff.targetUserName && (
            <>
              <dt>Asked for</dt>
              <dd>{handoff.targetUserName}</dd>
            </>
          )}
          <dt>Ticket</dt>
          <dd className="ticket-number">{handoff.ticketNumber}</dd>
        </dl>
      </section>

      <section className="briefing-section" aria-labelledby={`${handoff.id}-notes`}>
        <h2 id={`${handoff.id}-notes`}>Engineer notes</h2>
        {handoff.engineerNotes ? (
          <p className="briefing-notes">{handoff.engineerNotes}</p>
        ) : (
          <p className="muted">No notes left.</p>
        )}
      </section>

      <section className="briefing-section" aria-labelledby={`${handoff.id}-snapshot`}>
        <h2 id={`${handoff.id}-snapshot`}>Snapshot</h2>
        <ul className="snapshot-stats">
          <li>
            <span className="stat-label">Status</span>
            <span className="stat-value">{STATUS[snapshot.status]}</span>
          </li>
          <li>
            <span className="stat-label">Steps</span>
            <span className="stat-value">{snapshot.stepCount}</span>
          </li>
          <li>
            <span className="stat-label">Facts</span>
            <span className="stat-value">{snapshot.factCount}</span>
          </li>
          <li>
            <span className="stat-label">Confidence</span>
            <span className="stat-value">{snapshot.confidence ?? '—'}</span>
          </li>
          {snapshot.domain && (
            <li>
              <span className="stat-label">Domain</span>
              <span className="stat-value">{snapshot.domain}</span>
            </li>
          )}
        </ul>
        <h3>Hypotheses</h3>
        {snapshot.branches.length ? (
          <BranchTree branches={snapshot.branches} parentId={null} label="Hypothesis map" />
        ) : (
          <p className="muted">No hypotheses were recorded.</p>
        )}
      </section>

      <section className="briefing-section" aria-labelledby={`${handoff.id}-assessment`} aria-live="polite">
        <h2 id={`${handoff.id}-assessment`}>AI assessment</h2>
        {assessment.state === 'ready' && assessment.data ? (
          <div className="assessment">
            <p className="assessment-prose">{assessment.data.summary_prose}</p>
            <h3>What we know</h3>
            <List items={assessment.data.what_we_know} />
            <h3>Likely cause</h3>
            <p>{assessment.data.likely_cause || <span className="muted">Not stated</span>}</p>
            <h3>Suggested steps</h3>
            <List items={assessment.data.suggested_steps} ordered />
            <p className="assessment-confidence">
              Confidence: <strong>{assessment.data.confidence}</strong>
              {assessment.draftedOffline && <span className="muted"> · drafted offline</span>}
            </p>
          </div>
        ) : (
          <AssessmentState state={assessment.state === 'ready' ? 'unavailable' : assessment.state} />
        )}
      </section>
    </div>
  );
}

function List({ items, ordered }: { items: string[]; ordered?: boolean }) {
  if (!items.length) return <p className="muted">Nothing listed.</p>;
  const children = items.map((item, i) => <li key={i}>{item}</li>);
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function BranchTree({
  branches,
  parentId,
  label,
}: {
  branches: HandoffSnapshot['branches'];
  parentId: string | null;
  label?: string;
}) {
  const known = new Set(branches.map((b) => b.id));
  const level = branches.filter((b) =>
    parentId === null ? b.parentId === null || !known.has(b.parentId) : b.parentId === parentId,
  );
  if (!level.length) return null;
  return (
    <ul className="branch-tree" aria-label={label}>
      {level.map((b) => (
        <li key={b.id}>
          <div className={`snapshot-branch branch-row-${b.status}`}>
            <span className="branch-label">{b.label}</span>
            <BranchChip status={b.status} />
          </div>
          {b.reason && <p className="branch-reason">{b.reason}</p>}
          <BranchTree branches={branches} parentId={b.id} />
        </li>
      ))}
    </ul>
  );
}

import { format } from 'date-fns';
import { useState } from 'react';
import { toast } from 'sonner';
import type { QueueStatus } from '../../../src-preload/contract';
import { useAppStore } from '../stores/app-store';
import { useUpdateStore } from '../stores/update-store';
import type { QueueFilter } from '../stores/queue-store';
import { errorMessage, useQueueStore } from '../stores/queue-store';
import '../queue.css';

type Tone = 'online' | 'offline' | 'paused' | 'unknown';

function connectionOf(status: QueueStatus | null): { tone: Tone; label: string; detail: string } {
  if (!status) return { tone: 'unknown', label: 'Checking connection…', detail: '' };
  const { online, workOffline, reason, since } = status.connection;
  if (workOffline)
    return {
      tone: 'paused',
      label: 'Working offline',
      detail: 'You chose to work offline. Nothing is sent until you turn it off.',
    };
  if (!online)
    return {
      tone: 'offline',
      label: 'Offline',
      detail: `Offline since ${format(since, 'p')}: ${reason ?? 'the last attempts could not connect'}`,
    };
  return { tone: 'online', label: 'Online', detail: `Connected since ${format(since, 'p')}` };
}

function outboxText(status: QueueStatus | null): string {
  if (!status) return '';
  const { waiting, running, dead, drain, connection } = status;
  if (drain) return `Sending ${Math.min(drain.done + 1, drain.total)} of ${drain.total}…`;
  if (waiting === 0) return running > 0 ? 'Sending…' : dead > 0 ? 'Nothing waiting' : 'All sent';
  const noConnection = !connection.online || connection.workOffline;
  return `${waiting} waiting${noConnection ? ' for connection' : ''}`;
}

/** The strip along the bottom of the window: connection, the outbox, failures, "Work offline". */
export function StatusBar() {
  const status = useQueueStore((s) => s.status);
  const setFilter = useQueueStore((s) => s.setFilter);
  const setView = useAppStore((s) => s.setView);
  const connection = connectionOf(status);
  const drain = status?.drain ?? null;
  const dead = status?.dead ?? 0;

  const openQueue = (filter: QueueFilter) => {
    setFilter(filter);
    setView('queue');
  };

  return (
    <section className={`statusbar statusbar-${connection.tone}`} aria-label="Status bar">
      <span role="status" aria-label="Connection" className="sb-item sb-connection" title={connection.detail}>
        <span className="sb-dot" aria-hidden="true" />
        {connection.label}
        {connection.tone !== 'online' && connection.detail && (
          <span className="visually-hidden"> — {connection.detail}</span>
        )}
      </span>
      {status && !status.connection.ai.reachable && (
        // The AI endpoint's own state: a local AI server that is off does not make Baton offline.
        <span
          role="status"
          aria-label="AI assistant"
          className="sb-item sb-ai-down"
          title={`The AI assistant does not answer: ${status.connection.ai.reason ?? 'no answer'}. Replies wait until it does; everything else still goes out.`}
        >
          <span className="sb-warn" aria-hidden="true">
            !
          </span>
          AI unreachable
          <span className="visually-hidden"> — {status.connection.ai.reason}</span>
        </span>
      )}
      <span role="status" aria-label="Outbox" className="sb-item">
        {status && (
          <button
            type="button"
            className="sb-button"
            onClick={() => openQueue('pending')}
            title="Open the queue"
          >
            {outboxText(status)}
          </button>
        )}
      </span>
      {drain && (
        <span
          className="sb-progress"
          role="progressbar"
          aria-label="Sending queued items"
          aria-valuemin={0}
          aria-valuemax={drain.total}
          aria-valuenow={drain.done}
          aria-valuetext={`${drain.done} of ${drain.total} sent`}
        >
          <span style={{ width: `${drain.total ? (100 * drain.done) / drain.total : 0}%` }} />
        </span>
      )}
      <span className="sb-spacer" />
      {dead > 0 && (
        <button type="button" className="sb-button sb-failed" onClick={() => openQueue('dead')}>
          <span className="sb-warn" aria-hidden="true">
            !
          </span>
          {dead} failed — review
        </button>
      )}
      <RestartToUpdate />
      <WorkOfflineSwitch status={status} />
    </section>
  );
}

/** Shown once the desktop app has downloaded an update; the restart waits for posts, claims and replies. */
function RestartToUpdate() {
  const update = useUpdateStore((s) => s.status);
  const restart = useUpdateStore((s) => s.restart);
  if (update?.state !== 'ready') return null;
  const label = update.restartPending ? 'Restarting when done…' : 'Restart to update';
  return (
    <button
      type="button"
      className="sb-button sb-update"
      disabled={update.restartPending}
      title={update.message ?? `Baton ${update.version ?? ''} is ready to install`}
      onClick={() =>
        void restart().catch((err: unknown) => toast.error(`Could not restart: ${errorMessage(err)}`))
      }
    >
      {label}
      {update.version && <span className="visually-hidden"> to Baton {update.version}</span>}
    </button>
  );
}

function WorkOfflineSwitch({ status }: { status: QueueStatus | null }) {
  const setWorkOffline = useQueueStore((s) => s.setWorkOffline);
  const [saving, setSaving] = useState(false);
  const checked = status?.connection.workOffline ?? false;

  async function toggle() {
    setSaving(true);
    try {
      await setWorkOffline(!checked);
    } catch (err) {
      toast.error(
        `Could not ${checked ? 'go back online' : 'switch to working offline'}: ${errorMessage(err)}`,
      );
    } finally {
      setSaving(false);
    }
  }

  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className="sb-button sb-switch"
      disabled={!status || saving}
      onClick={() => void toggle()}
      title={
        checked ? 'Turn off to send what is waiting' : 'Hold everything on this laptop until you turn it off'
      }
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      Work offline
    </button>
  );
}

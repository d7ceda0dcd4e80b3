import { format } from 'date-fns';
import { useState } from 'react';
import type { StartupStatus, StoreBackup } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import '../startup.css';

type Choice = { action: 'restore'; backup: string } | { action: 'start-fresh' } | { action: 'check-again' };

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function backupLabel(backup: StoreBackup): string {
  const when = format(backup.takenAt, "EEEE d MMMM yyyy 'at' p");
  return `${when} — ${backup.reason === 'daily' ? 'daily backup' : 'taken before an update'}, ${sizeOf(backup.sizeBytes)}`;
}

/**
 * Shown instead of the app when Baton's data file could not be opened (damaged, empty, another
 * program's, from a newer Baton): what was found, that nothing was changed, and the choices.
 */
export function StartupScreen({ initial, onReady }: { initial: StartupStatus; onReady: () => void }) {
  const [status, setStatus] = useState(initial);
  const [chosenBackup, setChosenBackup] = useState(initial.backups[0]?.name ?? '');
  const [busy, setBusy] = useState<Choice['action'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const problem = status.problem;

  async function choose(choice: Choice) {
    setBusy(choice.action);
    setError(null);
    try {
      const next = await unwrap(baton().startup.recover(choice));
      if (next.state === 'ready') return onReady();
      setStatus(next);
      setChosenBackup(next.backups[0]?.name ?? '');
      if (choice.action === 'check-again') setError('Still the same: nothing has changed yet.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
      setConfirmFresh(false);
    }
  }

  if (!problem) return null;
  const newest = status.backups[0];
  return (
    <main className="first-run startup" data-testid="startup-screen">
      <section className="card startup-card" aria-labelledby="startup-title">
        <div className="brand-mark" aria-hidden="true">
          B
        </div>
        <h1 id="startup-title">{problem.title}</h1>
        <p>{problem.explanation}</p>
        <p className="muted startup-file">
          Data file: <code>{problem.file}</code>
        </p>

        {status.backups.length > 0 && (
          <fieldset className="startup-choice">
            <legend>Restore a backup</legend>
            <p className="muted">
              The newest good backup is from {format(newest!.takenAt, "EEEE d MMMM 'at' p")}. Work done after
              it is not in it.
            </p>
            <label className="visually-hidden" htmlFor="startup-backup">
              Backup to restore
            </label>
            <select
              id="startup-backup"
              value={chosenBackup}
              onChange={(e) => setChosenBackup(e.target.value)}
            >
              {status.backups.map((backup) => (
                <option key={backup.name} value={backup.name}>
                  {backupLabel(backup)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              disabled={busy !== null || !chosenBackup}
              onClick={() => void choose({ action: 'restore', backup: chosenBackup })}
            >
              {busy === 'restore' ? 'Restoring…' : 'Restore this backup'}
            </button>
          </fieldset>
        )}
        {status.canStartFresh && status.backups.length === 0 && (
          <p className="muted">There is no backup of Baton's data on this computer.</p>
        )}

        <div className="startup-actions">
          {status.canStartFresh &&
            (confirmFresh ? (
              <span className="startup-confirm" role="group" aria-label="Confirm starting fresh">
                <span>Start with empty data? The current file is kept aside, renamed.</span>
                <button
                  type="button"
                  className="danger"
                  disabled={busy !== null}
                  onClick={() => void choose({ action: 'start-fresh' })}
                >
                  {busy === 'start-fresh' ? 'Starting…' : 'Yes, start fresh'}
                </button>
                <button type="button" disabled={busy !== null} onClick={() => setConfirmFresh(false)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" disabled={busy !== null} onClick={() => setConfirmFresh(true)}>
                Start fresh…
              </button>
            ))}
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void choose({ action: 'check-again' })}
          >
            {busy === 'check-again' ? 'Checking…' : 'Check again'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}

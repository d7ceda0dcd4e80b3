// Main never dies of one bad callback (issue 13): an uncaught exception or an unhandled rejection is
// logged and Baton keeps running. When it escaped from work started inside `runGuarded` (a job), that
// work is failed instead (so the outbox marks the job failed and retries it), not the process.
// Both entries call installProcessGuards once: the browser host (host/serve.ts) and Electron.
import { AsyncLocalStorage } from 'node:async_hooks';

type Log = (message: string, err?: unknown) => void;

interface GuardedWork {
  label: string;
  crashed(err: unknown): void;
}

// Node keeps the async context of the callback that threw while it calls the process handlers, so
// the store tells which guarded work an escaped error belongs to.
const guarded = new AsyncLocalStorage<GuardedWork>();

/**
 * Runs `work`; an error that escapes it asynchronously (a throw in a timer or event callback it set
 * up, a promise it forgot to await) rejects the returned promise instead of ending the process.
 */
export function runGuarded<T>(label: string, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const context: GuardedWork = { label, crashed: (err) => settle(() => reject(asError(err))) };
    guarded.run(context, () => {
      work().then(
        (value) => settle(() => resolve(value)),
        (err: unknown) => settle(() => reject(asError(err))),
      );
    });
  });
}

let installed: { remove(): void } | null = null;

/** Installs the process-wide handlers (idempotent); returns a function that removes them (tests). */
export function installProcessGuards(log: Log): () => void {
  installed?.remove();
  const onException = (err: unknown) => escaped('uncaught exception', err);
  const onRejection = (reason: unknown) => escaped('unhandled promise rejection', reason);
  let burst = 0;
  let burstStart = 0;
  function escaped(what: string, err: unknown) {
    try {
      const work = guarded.getStore();
      if (work) {
        log(`${what} in ${work.label}: it is marked failed, Baton keeps running`, err);
        work.crashed(err);
        return;
      }
      // A storm of the same failure would flood the log: at most 20 a minute are written.
      const now = Date.now();
      if (now - burstStart > 60_000) {
        burstStart = now;
        burst = 0;
      }
      if (++burst <= 20) log(`${what}: Baton keeps running`, err);
    } catch {
      // The handler itself must never throw: that would end the process after all.
    }
  }
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  const remove = () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
    if (installed === handle) installed = null;
  };
  const handle = { remove };
  installed = handle;
  return remove;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

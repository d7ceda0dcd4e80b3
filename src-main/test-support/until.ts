import type { Core } from '../core';

/**
 * Resolves once `predicate` holds, re-checked on every event the core pushes: tests wait on the
 * app's own signals instead of sleeping.
 */
export function until(
  core: Pick<Core, 'events'>,
  predicate: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = core.events.onAny(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

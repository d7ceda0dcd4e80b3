// The update state the UI shows ("Restart to update" in the status bar), kept in the core so both hosts
// answer the same channels. The Electron host reports what electron-updater does and attaches the
// installer; the browser host has none, so updates stay "unavailable" there. A restart never cuts a
// post, claim or AI reply short: it waits for the activity gate to be quiet.
import type { UpdateStatus } from '../../src-preload/contract';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { Activity } from './activity';

const NO_INSTALLER: UpdateStatus = {
  state: 'unavailable',
  version: null,
  percent: null,
  message: 'Updates are installed by the Baton desktop app.',
  restartPending: false,
};

export type Updates = ReturnType<typeof createUpdates>;

export function createUpdates(deps: {
  events: CoreEvents;
  activity: Activity;
  log: (message: string, err?: unknown) => void;
}) {
  let status: UpdateStatus = NO_INSTALLER;
  let install: (() => void) | null = null;
  let restarting = false;

  function set(next: UpdateStatus) {
    status = next;
    deps.events.emit('update_status', status);
  }

  return {
    status: () => status,
    /** The Electron updater says where it is (checking, downloading n %, ready, error). */
    report(patch: Partial<Omit<UpdateStatus, 'restartPending'>>): void {
      set({ ...status, restartPending: status.restartPending, ...patch });
    },
    /** The Electron host's installer (electron-updater's quitAndInstall); returns the detach. */
    attachInstaller(fn: () => void, initial: Partial<UpdateStatus> = {}): () => void {
      install = fn;
      set({ state: 'idle', version: null, percent: null, message: null, restartPending: false, ...initial });
      return () => {
        install = null;
        set(NO_INSTALLER);
      };
    },
    /** "Restart to update": at once when nothing is in flight, else as soon as it is. */
    requestRestart(): UpdateStatus {
      if (!install || status.state !== 'ready')
        throw new AppError('CONFLICT', 'No update is ready to install yet.');
      if (status.restartPending) return status;
      const busy = deps.activity.busyReason();
      set({ ...status, restartPending: true, message: busy ? `Restarts after ${busy} finishes.` : null });
      void deps.activity.whenIdle().then(() => {
        if (restarting || !install) return;
        restarting = true;
        try {
          install();
        } catch (err) {
          restarting = false;
          deps.log('installing the update failed', err);
          set({
            ...status,
            state: 'error',
            restartPending: false,
            message: 'The update could not be installed.',
          });
        }
      });
      return status;
    },
  };
}

// Whether Baton can reach the outside world. Learned from failures (connection refused, DNS, timeout)
// of the services that live out there (ConnectWise, Graph, webhooks), from the OS where Electron tells
// us, and overridden by the technician's "Work offline" switch. The AI endpoint keeps its own state:
// it is often a local server, so its silence says nothing about the network.
import type { ConnectionState } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { getSetting, putSetting } from '../store/repos/settings';

const WORK_OFFLINE_KEY = 'connection.workOffline';

export interface Connectivity {
  state(): ConnectionState;
  /** True when the worker may send: believed online and not working offline. */
  canSend(): boolean;
  reportNetworkFailure(reason: string): void;
  reportReachable(): void;
  /** The AI endpoint did not answer / answered: its own state, not the network's. */
  reportAiUnreachable(reason: string): void;
  reportAiReachable(): void;
  /** From the OS (Electron's net.isOnline). Going online means "try again now", not "surely online". */
  reportOs(online: boolean): void;
  setWorkOffline(workOffline: boolean, actorId: string | null): void;
  onChange(listener: (state: ConnectionState, previous: ConnectionState) => void): () => void;
}

export function createConnectivity(db: Db, clock: Clock): Connectivity {
  let current: ConnectionState = {
    online: true,
    workOffline: getSetting<boolean>(db, WORK_OFFLINE_KEY) ?? false,
    reason: null,
    since: clock.now(),
    ai: { reachable: true, reason: null },
  };
  const listeners = new Set<(state: ConnectionState, previous: ConnectionState) => void>();

  const update = (next: Partial<ConnectionState>) => {
    const previous = current;
    const changed = (Object.keys(next) as (keyof ConnectionState)[]).some((k) =>
      k === 'ai' ? JSON.stringify(next.ai) !== JSON.stringify(previous.ai) : next[k] !== previous[k],
    );
    if (!changed) return;
    const onlineFlipped = next.online !== undefined && next.online !== previous.online;
    current = { ...previous, ...next, since: onlineFlipped ? clock.now() : previous.since };
    listeners.forEach((listener) => listener(current, previous));
  };

  return {
    state: () => current,
    canSend: () => current.online && !current.workOffline,
    reportNetworkFailure: (reason) => update({ online: false, reason }),
    reportReachable: () => update({ online: true, reason: null }),
    reportAiUnreachable: (reason) => update({ ai: { reachable: false, reason } }),
    reportAiReachable: () => update({ ai: { reachable: true, reason: null } }),
    reportOs: (online) =>
      online
        ? update({ online: true, reason: null })
        : update({ online: false, reason: 'This computer has no network connection' }),
    setWorkOffline(workOffline, actorId) {
      putSetting(db, WORK_OFFLINE_KEY, workOffline, clock.now(), actorId);
      update({ workOffline });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

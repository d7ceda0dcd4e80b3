// Where Microsoft 365's non-secret settings live (the settings table) and how a change is recorded:
// one audit entry per changed key. Tokens never come here: they are in the encrypted token cache.
import type { User } from '../../src-preload/contract';
import type { Db } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { DEFAULT_GRAPH_BASE_URL, DEFAULT_MICROSOFT_AUTHORITY } from './settings-input';

export const MICROSOFT_SETTING_KEYS = {
  clientId: 'microsoft.clientId',
  authority: 'microsoft.authority',
  graphBaseUrl: 'microsoft.graphBaseUrl',
  /** The signed-in account, for display and for isConnected() without touching the keychain. */
  account: 'microsoft.account',
} as const;

export interface MicrosoftConfig {
  clientId: string | null;
  authority: string;
  graphBaseUrl: string;
}

export interface StoredMicrosoftAccount {
  /** msal's key for the account in the token cache ("{oid}.{tid}"). */
  homeAccountId: string;
  username: string;
  name: string;
  tenantId: string;
  signedInAt: number;
  signedInById: string;
  /** Set when Microsoft refused to renew the sign-in: an admin has to sign in again. */
  needsSignIn: boolean;
}

export function readMicrosoftConfig(db: Db): MicrosoftConfig {
  return {
    clientId: getSetting<string | null>(db, MICROSOFT_SETTING_KEYS.clientId) ?? null,
    authority: getSetting<string>(db, MICROSOFT_SETTING_KEYS.authority) ?? DEFAULT_MICROSOFT_AUTHORITY,
    graphBaseUrl: getSetting<string>(db, MICROSOFT_SETTING_KEYS.graphBaseUrl) ?? DEFAULT_GRAPH_BASE_URL,
  };
}

export function readStoredAccount(db: Db): StoredMicrosoftAccount | null {
  return getSetting<StoredMicrosoftAccount | null>(db, MICROSOFT_SETTING_KEYS.account) ?? null;
}

/** Call inside the caller's transaction. */
export function writeStoredAccount(
  db: Db,
  account: StoredMicrosoftAccount | null,
  now: number,
  actorId: string | null,
): void {
  putSetting(db, MICROSOFT_SETTING_KEYS.account, account, now, actorId);
}

/** Writes the keys whose value changes, each with its audit entry. Call inside a transaction. */
export function writeMicrosoftConfig(
  db: Db,
  actor: User,
  next: MicrosoftConfig,
  now: number,
): (keyof MicrosoftConfig)[] {
  const before = readMicrosoftConfig(db);
  const changed = (Object.keys(next) as (keyof MicrosoftConfig)[]).filter((k) => next[k] !== before[k]);
  for (const key of changed) {
    putSetting(db, MICROSOFT_SETTING_KEYS[key], next[key], now, actor.id);
    appendAudit(
      db,
      {
        actorId: actor.id,
        action: 'settings.microsoft.update',
        entityType: 'settings',
        entityId: MICROSOFT_SETTING_KEYS[key],
        details: { from: before[key], to: next[key] },
      },
      now,
    );
  }
  return changed;
}

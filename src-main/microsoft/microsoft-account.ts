// Microsoft 365 sign-in for sending escalation emails through Graph: one admin signs in once with the
// mailbox Baton sends from (auth code + PKCE on a loopback redirect, msal-node's PublicClientApplication);
// afterwards tokens come silently from the encrypted token cache and are renewed with the refresh token.
import type { AccountInfo, PublicClientApplication } from '@azure/msal-node';
import type { z } from 'zod';
import type { Channel, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { HttpClient } from '../net/http';
import { NetworkError } from '../net/http';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import type { SecretVault } from '../vault/secret-vault';
import { createEncryptedTokenCache } from './encrypted-token-cache';
import type { MicrosoftConfig, StoredMicrosoftAccount } from './microsoft-settings';
import {
  readMicrosoftConfig,
  readStoredAccount,
  writeMicrosoftConfig,
  writeStoredAccount,
} from './microsoft-settings';
import { busyAuthority, describeMsalError, isRefusedRefresh } from './msal-errors';
import { createMsalApp } from './msal-app';
import { signInInBrowser } from './interactive-sign-in';
import { createMsalNetwork } from './msal-network';
import type { MicrosoftSettings } from './settings-input';
import { MicrosoftSettingsInput } from './settings-input';
import { assertMayCall, mayCall } from '../ipc/authorization';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

/**
 * Delegated permissions: Mail.ReadWrite to create the email as a draft and read it back on a retry,
 * Mail.Send to send it (exactly once, graph-mail.ts); msal adds openid, profile and offline_access.
 */
export const MAIL_SCOPES = ['Mail.Send', 'Mail.ReadWrite'];
/** Also the escalation confirmation's skip reason for email. */
export const NOT_CONNECTED = 'Microsoft 365 is not connected';

export interface MicrosoftAccountDeps {
  db: Db;
  clock: Clock;
  vault: SecretVault;
  http: HttpClient;
  dataDir: string;
  /** Shows the sign-in page in the user's browser: Electron passes shell.openExternal; tests a fake browser. */
  openBrowser: (url: string) => Promise<void>;
  /** How long an interactive sign-in may wait for the browser (default 5 minutes). */
  signInTimeoutMs?: number;
  log?: (message: string, err?: unknown) => void;
  /** The app registration and endpoints the organization's managed settings lock (issue 17). */
  managed?: ManagedSettings;
}

export function createMicrosoftAccount(deps: MicrosoftAccountDeps) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const tokenCache = createEncryptedTokenCache({ vault: deps.vault, dataDir: deps.dataDir, log: deps.log });
  const network = createMsalNetwork(deps.http);
  let app: { key: string; pca: PublicClientApplication } | null = null;
  let signingIn: Promise<MicrosoftSettings> | null = null;

  /** One msal application per (client id, authority); a settings change builds the next one. */
  function msal(config: MicrosoftConfig): PublicClientApplication {
    if (!config.clientId)
      throw new AppError(
        'NOT_CONFIGURED',
        'Microsoft 365 is not set up: enter the app registration in Settings',
      );
    const key = `${config.clientId} ${config.authority}`;
    if (app?.key === key) return app.pca;
    const pca = createMsalApp({
      clientId: config.clientId,
      authority: config.authority,
      cachePlugin: tokenCache,
      networkClient: network.module,
      log: deps.log,
    });
    app = { key, pca };
    return pca;
  }

  function notConnectedReason(): string | null {
    if (!readMicrosoftConfig(db).clientId) return 'Microsoft 365 is not set up in Settings';
    const stored = readStoredAccount(db);
    if (!stored) return NOT_CONNECTED;
    if (stored.needsSignIn)
      return `Microsoft 365 sign-in for ${stored.username} has expired: an admin needs to sign in again in Settings`;
    return null;
  }

  function view(actor: User): MicrosoftSettings {
    const stored = readStoredAccount(db);
    const reason = notConnectedReason();
    return {
      ...readMicrosoftConfig(db),
      account: stored && { username: stored.username, name: stored.name, signedInAt: stored.signedInAt },
      connected: reason === null,
      notConnectedReason: reason,
      canEdit: mayCall(actor, 'settings:microsoft-save'),
      managed: managed.fields('microsoft', ['clientId', 'authority', 'graphBaseUrl'] as const),
    };
  }

  function requireAdmin(actor: User, channel: Channel = 'settings:microsoft-save'): void {
    assertMayCall(actor, channel);
  }

  async function save(
    actor: User,
    input: z.input<typeof MicrosoftSettingsInput>,
  ): Promise<MicrosoftSettings> {
    requireAdmin(actor);
    const parsed = MicrosoftSettingsInput.safeParse(input);
    if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]!.message);
    const before = readMicrosoftConfig(db);
    const next: MicrosoftConfig = {
      clientId: parsed.data.clientId === undefined ? before.clientId : parsed.data.clientId,
      authority: parsed.data.authority ?? before.authority,
      graphBaseUrl: parsed.data.graphBaseUrl ?? before.graphBaseUrl,
    };
    managed.assertUnchanged({
      'microsoft.clientId': next.clientId,
      'microsoft.authority': next.authority,
      'microsoft.graphBaseUrl': next.graphBaseUrl,
    });
    // Tokens belong to one app registration and authority: changing either signs Microsoft 365 out.
    const stored = readStoredAccount(db);
    const signsOut =
      stored !== null && (next.clientId !== before.clientId || next.authority !== before.authority);
    if (signsOut) await tokenCache.clear();
    inTransaction(db, () => {
      writeMicrosoftConfig(db, actor, next, clock.now());
      if (signsOut) recordSignOut(actor, stored, 'The app registration or sign-in authority changed');
    });
    return view(actor);
  }

  function recordSignOut(actor: User, stored: StoredMicrosoftAccount, reason: string): void {
    writeStoredAccount(db, null, clock.now(), actor.id);
    appendAudit(
      db,
      {
        actorId: actor.id,
        action: 'settings.microsoft.sign_out',
        entityType: 'settings',
        entityId: 'microsoft.account',
        details: { username: stored.username, reason },
      },
      clock.now(),
    );
  }

  /** Interactive sign-in in the browser; resolves once Microsoft sent Baton back its tokens. */
  function signIn(actor: User, signal?: AbortSignal): Promise<MicrosoftSettings> {
    requireAdmin(actor, 'settings:microsoft-sign-in');
    if (signingIn)
      throw new AppError(
        'CONFLICT',
        'A Microsoft 365 sign-in is already open in your browser: finish or close it first',
      );
    signingIn = interactiveSignIn(actor, signal).finally(() => (signingIn = null));
    return signingIn;
  }

  async function interactiveSignIn(actor: User, signal: AbortSignal | undefined): Promise<MicrosoftSettings> {
    const pca = msal(readMicrosoftConfig(db));
    const account = await signInInBrowser({
      pca,
      network,
      http: deps.http,
      scopes: MAIL_SCOPES,
      openBrowser: deps.openBrowser,
      timeoutMs: deps.signInTimeoutMs ?? 5 * 60_000,
      signal,
    });
    await forgetOtherAccounts(pca, account);
    const stored: StoredMicrosoftAccount = {
      homeAccountId: account.homeAccountId,
      username: account.username,
      name: account.name || account.username,
      tenantId: account.tenantId,
      signedInAt: clock.now(),
      signedInById: actor.id,
      needsSignIn: false,
    };
    inTransaction(db, () => {
      writeStoredAccount(db, stored, clock.now(), actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.microsoft.sign_in',
          entityType: 'settings',
          entityId: 'microsoft.account',
          details: { username: stored.username, tenantId: stored.tenantId },
        },
        clock.now(),
      );
    });
    return view(actor);
  }

  /** Baton sends from one mailbox: a new sign-in replaces whoever was signed in before. */
  async function forgetOtherAccounts(pca: PublicClientApplication, keep: AccountInfo): Promise<void> {
    const cache = pca.getTokenCache();
    for (const other of await cache.getAllAccounts())
      if (other.homeAccountId !== keep.homeAccountId) await cache.removeAccount(other);
  }

  /**
   * A Graph access token for the signed-in mailbox: from the cache, or renewed with the refresh token.
   * forceRefresh when Graph refused a token msal still thought valid.
   */
  async function accessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const config = readMicrosoftConfig(db);
    const stored = readStoredAccount(db);
    const reason = notConnectedReason();
    if (reason || !stored)
      throw new AppError(
        'NOT_CONFIGURED',
        reason === NOT_CONNECTED || !reason
          ? `${NOT_CONNECTED}: an admin signs in under Settings → Microsoft 365`
          : reason,
      );
    const pca = msal(config);
    const account = await pca.getTokenCache().getAccountByHomeId(stored.homeAccountId);
    if (!account)
      throw new AppError(
        'NOT_CONFIGURED',
        `Microsoft 365 sign-in for ${stored.username} is missing on this computer: an admin needs to sign in again in Settings`,
      );
    try {
      const result = await network.run(() =>
        pca.acquireTokenSilent({ account, scopes: MAIL_SCOPES, forceRefresh: options.forceRefresh ?? false }),
      );
      return result.accessToken;
    } catch (err) {
      if (err instanceof NetworkError) throw err;
      const busy = busyAuthority(err, config.authority);
      if (busy) throw busy;
      if (isRefusedRefresh(err)) {
        inTransaction(db, () => {
          writeStoredAccount(db, { ...stored, needsSignIn: true }, clock.now(), null);
          appendAudit(
            db,
            {
              actorId: null,
              action: 'settings.microsoft.sign_in_expired',
              entityType: 'settings',
              entityId: 'microsoft.account',
              details: { username: stored.username, reason: describeMsalError(err) },
            },
            clock.now(),
          );
        });
        throw new AppError(
          'NOT_CONFIGURED',
          `Microsoft 365 refused to renew the sign-in for ${stored.username} (${describeMsalError(err)}): an admin needs to sign in again in Settings`,
        );
      }
      throw new AppError(
        'NOT_CONFIGURED',
        `Microsoft 365 could not provide a token: ${describeMsalError(err)}`,
      );
    }
  }

  async function signOut(actor: User): Promise<MicrosoftSettings> {
    requireAdmin(actor, 'settings:microsoft-sign-out');
    const config = readMicrosoftConfig(db);
    if (config.clientId) {
      const cache = msal(config).getTokenCache();
      for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
    } else {
      await tokenCache.clear();
    }
    const stored = readStoredAccount(db);
    if (stored) inTransaction(db, () => recordSignOut(actor, stored, 'Signed out in Settings'));
    return view(actor);
  }

  return {
    view,
    save,
    signIn,
    signOut,
    accessToken,
    /** Synchronous (settings only): whether an escalation email would be queued or skipped. */
    isConnected: () => notConnectedReason() === null,
    notConnectedReason,
    graphBaseUrl: () => readMicrosoftConfig(db).graphBaseUrl,
    /** The encrypted cache file (tests check it holds no token in plain text). */
    tokenCacheFile: tokenCache.file,
  };
}

export type MicrosoftAccount = ReturnType<typeof createMicrosoftAccount>;

// Settings → ConnectWise: the connection (non-secret values in the settings table, the API key pair only
// in the OS keychain) and which statuses of which board mean resolved / escalated / claimed, checked
// live against the board. Owners and admins change them; everyone reads them (never the keys).
import type { z } from 'zod';
import type { User } from '../../../src-preload/contract';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { HttpClient } from '../../net/http';
import type { Db } from '../../store/database';
import { inTransaction } from '../../store/database';
import { appendAudit } from '../../store/repos/audit-log';
import { getSetting, putSetting } from '../../store/repos/settings';
import type { SecretVault } from '../../vault/secret-vault';
import type { ConnectWiseClient } from './client';
import { createConnectWiseClient } from './client';
import { normalizeCodebase, normalizeSite } from './config';
import { explain, interactive } from './errors';
import type {
  ConnectWiseBoardOption,
  ConnectWiseSettingsView,
  ConnectWiseStatusOption,
  ConnectWiseStatusRef,
  ConnectWiseTestResult,
  MappedStatus,
} from './settings-schemas';
import {
  ConnectWiseConnectionInput,
  ConnectWiseStatusMappingInput,
  MAPPED_STATUSES,
} from './settings-schemas';
import { assertMayCall, mayCall } from '../../ipc/authorization';
import type { ManagedSettings } from '../../managed/managed-settings';
import { noManagedSettings } from '../../managed/managed-settings';

export const CW_KEYS = {
  site: 'connectwise.site',
  companyId: 'connectwise.companyId',
  codebase: 'connectwise.codebase',
  clientId: 'connectwise.clientId',
  boardId: 'connectwise.boardId',
  resolved: 'connectwise.status.resolved',
  escalated: 'connectwise.status.escalated',
  claimed: 'connectwise.status.claimed',
  notifyContact: 'connectwise.notifyContactOnResolution',
} as const;
export const CW_VAULT_SERVICE = 'connectwise';
const SECRETS = ['publicKey', 'privateKey'] as const;

export function createConnectWiseSettings(deps: {
  db: Db;
  clock: Clock;
  vault: SecretVault;
  http: HttpClient;
  timeoutMs?: number;
  /** Values the organization's managed settings file locks (issue 17). */
  managed?: ManagedSettings;
}) {
  const { db, clock, vault } = deps;
  const managed = deps.managed ?? noManagedSettings();
  // Codebases found at /login/companyinfo, shared by every client this service builds.
  const codebaseCache = new Map<string, string>();
  const text = (key: string) => getSetting<string>(db, key) ?? '';

  function stored() {
    return {
      site: text(CW_KEYS.site),
      companyId: text(CW_KEYS.companyId),
      codebase: text(CW_KEYS.codebase),
      clientId: text(CW_KEYS.clientId),
    };
  }

  /** The posting and claim code reads the mapping from here (ids and names as saved). */
  function statusMapping(): { boardId: number | null } & Record<MappedStatus, ConnectWiseStatusRef | null> {
    const status = (k: MappedStatus) => getSetting<ConnectWiseStatusRef | null>(db, CW_KEYS[k]) ?? null;
    return {
      boardId: getSetting<number | null>(db, CW_KEYS.boardId) ?? null,
      resolved: status('resolved'),
      escalated: status('escalated'),
      claimed: status('claimed'),
    };
  }

  /** Whether ConnectWise's own workflow may email the ticket's contact about a resolution note. */
  const notifyContact = () => getSetting<boolean>(db, CW_KEYS.notifyContact) ?? true;

  const readKeys = async () => ({
    publicKey: await vault.get(CW_VAULT_SERVICE, 'publicKey'),
    privateKey: await vault.get(CW_VAULT_SERVICE, 'privateKey'),
  });

  /**
   * Stored keys go only to the stored site (issue 13): to use another site, both keys are typed with
   * it. Returns the refusal, or null when the stored keys may be used (or none would be).
   */
  function keysBoundToSite(
    input: { site: string; publicKey?: string | undefined; privateKey?: string | undefined },
    keys: { publicKey: string | null; privateKey: string | null },
  ): string | null {
    const storedSite = stored().site;
    const usesStored = (!input.publicKey && keys.publicKey) || (!input.privateKey && keys.privateKey);
    if (!usesStored || !storedSite || sameSite(input.site, storedSite)) return null;
    return `Type both API keys to use ${siteLabel(input.site)}: the stored keys are only sent to ${siteLabel(storedSite)}`;
  }

  async function view(actor: User): Promise<ConnectWiseSettingsView> {
    const connection = stored();
    const keys = await readKeys();
    const { boardId, ...statuses } = statusMapping();
    return {
      ...connection,
      hasPublicKey: keys.publicKey !== null,
      hasPrivateKey: keys.privateKey !== null,
      configured: missingPieces(connection, keys).length === 0,
      boardId,
      statuses,
      notifyContact: notifyContact(),
      canEdit: mayCall(actor, 'settings:connectwise-save'),
      managed: [
        ...managed.fields('connectwise', [
          'site',
          'companyId',
          'codebase',
          'clientId',
          'boardId',
          'notifyContact',
        ] as const),
        ...managed.fields('connectwise.statuses', MAPPED_STATUSES),
      ],
    };
  }

  function requireAdmin(actor: User): void {
    assertMayCall(actor, 'settings:connectwise-save');
  }

  /** Writes the settings that changed, one audit entry each (secrets appear only as "replaced"/"removed"). */
  function record(actor: User, changes: Record<string, unknown>, secrets: Record<string, string> = {}): void {
    const now = clock.now();
    inTransaction(db, () => {
      for (const [key, to] of Object.entries(changes)) {
        const from = getSetting<unknown>(db, key) ?? null;
        if (JSON.stringify(from) === JSON.stringify(to)) continue;
        putSetting(db, key, to, now, actor.id);
        audit(actor, key, { from, to }, now);
      }
      for (const [account, change] of Object.entries(secrets)) {
        audit(actor, `${CW_VAULT_SERVICE}.${account}`, { change, storedIn: 'keychain' }, now);
      }
    });
  }
  function audit(actor: User, entityId: string, details: Record<string, unknown>, at: number): void {
    appendAudit(
      db,
      { actorId: actor.id, action: 'settings.connectwise.update', entityType: 'settings', entityId, details },
      at,
    );
  }

  async function saveConnection(
    actor: User,
    raw: z.input<typeof ConnectWiseConnectionInput>,
  ): Promise<ConnectWiseSettingsView> {
    requireAdmin(actor);
    const input = parse(ConnectWiseConnectionInput, raw);
    managed.assertUnchanged({
      'connectwise.site': normalizeSite(input.site),
      'connectwise.companyId': input.companyId,
      'connectwise.codebase': normalizeCodebase(input.codebase) ?? '',
      'connectwise.clientId': input.clientId,
    });
    const boundTo = input.clearKeys ? null : keysBoundToSite(input, await readKeys());
    if (boundTo) throw invalid([{ path: input.publicKey ? 'privateKey' : 'publicKey', message: boundTo }]);
    // The keys first: if the keychain refuses, nothing changes.
    const secrets: Record<string, string> = {};
    for (const account of SECRETS) {
      const value = input[account];
      if (input.clearKeys) {
        if (await vault.delete(CW_VAULT_SERVICE, account)) secrets[account] = 'removed';
      } else if (value) {
        if ((await vault.get(CW_VAULT_SERVICE, account)) !== value) {
          await vault.set(CW_VAULT_SERVICE, account, value);
          secrets[account] = 'replaced';
        }
      }
    }
    record(
      actor,
      {
        [CW_KEYS.site]: normalizeSite(input.site),
        [CW_KEYS.companyId]: input.companyId,
        [CW_KEYS.codebase]: normalizeCodebase(input.codebase) ?? '',
        [CW_KEYS.clientId]: input.clientId,
      },
      secrets,
    );
    return view(actor);
  }

  /** A configured client, or NOT_CONFIGURED saying what is missing. */
  async function client(): Promise<ConnectWiseClient> {
    const connection = stored();
    const keys = await readKeys();
    const missing = missingPieces(connection, keys);
    if (missing.length > 0) {
      throw new AppError(
        'NOT_CONFIGURED',
        `ConnectWise is not connected: an owner or admin adds the ${missing.join(', ')} in Settings → ConnectWise`,
        { missing },
      );
    }
    return createConnectWiseClient({
      http: deps.http,
      connection: { ...connection, publicKey: keys.publicKey!, privateKey: keys.privateKey! },
      codebaseCache,
      timeoutMs: deps.timeoutMs,
    });
  }

  async function boards(): Promise<ConnectWiseBoardOption[]> {
    const all = await interactive(async () => (await client()).listBoards());
    return all
      .filter((b) => !b.inactiveFlag)
      .map((b) => ({ id: b.id, name: b.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function boardStatuses(boardId: number): Promise<ConnectWiseStatusOption[]> {
    const statuses = await interactive(async () => (await client()).listBoardStatuses(boardId));
    return statuses
      .filter((s) => !s.inactive)
      .map((s) => ({
        id: s.id,
        name: s.name,
        closed: s.closedStatus === true,
        isDefault: s.defaultFlag === true,
      }));
  }

  async function saveStatusMapping(
    actor: User,
    raw: z.input<typeof ConnectWiseStatusMappingInput>,
  ): Promise<ConnectWiseSettingsView> {
    requireAdmin(actor);
    const input = parse(ConnectWiseStatusMappingInput, raw);
    managed.assertUnchanged({
      'connectwise.boardId': input.boardId,
      ...Object.fromEntries(
        MAPPED_STATUSES.map((key) => [`connectwise.statuses.${key}`, input[key] ?? null]),
      ),
      ...(input.notifyContact !== undefined && { 'connectwise.notifyContact': input.notifyContact }),
    });
    // Checked live: a status id that is not on the board would fail every post later, far from here.
    const { board, statuses } = await interactive(async () => {
      const cw = await client();
      try {
        const found = await cw.getBoard(input.boardId);
        return { board: found, statuses: await cw.listBoardStatuses(input.boardId) };
      } catch (err) {
        if (err instanceof AppError && (err.details as { status?: number } | undefined)?.status === 404) {
          throw invalid([{ path: 'boardId', message: `ConnectWise has no service board ${input.boardId}` }]);
        }
        throw err;
      }
    });
    const fields: { path: string; message: string }[] = [];
    const chosen = {} as Record<MappedStatus, ConnectWiseStatusRef | null>;
    for (const key of MAPPED_STATUSES) {
      const id = input[key] ?? null;
      const status = id === null ? undefined : statuses.find((s) => s.id === id);
      chosen[key] = status ? { id: status.id, name: status.name } : null;
      if (id === null) continue;
      if (!status) fields.push({ path: key, message: `Status ${id} is not on the board "${board.name}"` });
      else if (status.inactive) {
        fields.push({
          path: key,
          message: `Status "${status.name}" is inactive on the board "${board.name}"`,
        });
      }
    }
    if (fields.length > 0) throw invalid(fields);
    record(actor, {
      [CW_KEYS.boardId]: input.boardId,
      ...Object.fromEntries(MAPPED_STATUSES.map((key) => [CW_KEYS[key], chosen[key]])),
      ...(input.notifyContact !== undefined ? { [CW_KEYS.notifyContact]: input.notifyContact } : {}),
    });
    return view(actor);
  }

  /**
   * Tries the form's values (stored keys unless new ones are typed) without saving; with no input, the
   * saved connection. Never throws.
   */
  async function test(raw?: z.input<typeof ConnectWiseConnectionInput>): Promise<ConnectWiseTestResult> {
    try {
      if (!raw) return await (await client()).testConnection();
      const input = parse(ConnectWiseConnectionInput, raw);
      const keys = await readKeys();
      const boundTo = keysBoundToSite(input, keys);
      if (boundTo) return { ok: false, message: boundTo, latencyMs: 0 };
      const connection = {
        site: input.site,
        companyId: input.companyId,
        codebase: input.codebase,
        clientId: input.clientId,
        publicKey: input.publicKey || keys.publicKey || '',
        privateKey: input.privateKey || keys.privateKey || '',
      };
      const missing = missingPieces(connection, connection);
      if (missing.length > 0) return { ok: false, message: `Enter the ${missing.join(', ')}`, latencyMs: 0 };
      const cw = createConnectWiseClient({
        http: deps.http,
        connection,
        codebaseCache,
        timeoutMs: deps.timeoutMs,
      });
      return await cw.testConnection();
    } catch (err) {
      return { ok: false, message: explain(err), latencyMs: 0 };
    }
  }

  return {
    view,
    saveConnection,
    saveStatusMapping,
    boards,
    boardStatuses,
    test,
    client,
    statusMapping,
    notifyContact,
    isConfigured: async () => missingPieces(stored(), await readKeys()).length === 0,
  };
}

export type ConnectWiseSettingsService = ReturnType<typeof createConnectWiseSettings>;

/** Whether two site entries name the same ConnectWise server (scheme, host and port). */
function sameSite(a: string, b: string): boolean {
  try {
    return normalizeSite(a) === normalizeSite(b);
  } catch {
    return false;
  }
}

function siteLabel(site: string): string {
  try {
    return new URL(normalizeSite(site)).host;
  } catch {
    return site;
  }
}

function missingPieces(
  connection: { site: string; companyId: string; clientId: string },
  keys: { publicKey: string | null; privateKey: string | null },
): string[] {
  const missing: string[] = [];
  if (!connection.site) missing.push('site');
  if (!connection.companyId) missing.push('company ID');
  if (!connection.clientId) missing.push('clientId');
  if (!keys.publicKey) missing.push('public key');
  if (!keys.privateKey) missing.push('private key');
  return missing;
}

function invalid(fields: { path: string; message: string }[]): AppError {
  return new AppError('VALIDATION', fields.map((f) => f.message).join('; '), { fields });
}

/** Same shape as the dispatcher's VALIDATION (services re-check what IPC already checked). */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

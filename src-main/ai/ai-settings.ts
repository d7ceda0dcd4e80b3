// Which model the assistant uses. Provider, base URL and model are plain settings; the API key lives
// only in the OS keychain. Owners and admins change them; everyone can read them (never the key).
import type { z } from 'zod';
import type { AiSettings, AiSettingsInput, AiTestResult, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { HttpStatusError, NetworkError } from '../net/http';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import type { SecretVault } from '../vault/secret-vault';
import { createAnthropicProvider } from './providers/anthropic-provider';
import { preloadSdk } from './providers/sdks';
import type { ChatProvider } from './providers/chat-provider';
import { createOpenAiCompatibleProvider } from './providers/openai-provider';
import { assertMayCall, mayCall } from '../ipc/authorization';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

export const AI_SETTINGS_KEY = 'ai.provider';
const VAULT_SERVICE = 'ai';

export interface StoredAiSettings {
  provider: AiSettings['provider'];
  baseUrl: string;
  model: string;
}

export const NONE: StoredAiSettings = { provider: 'none', baseUrl: '', model: '' };

export function createAiSettings(deps: {
  db: Db;
  clock: Clock;
  vault: SecretVault;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** Values the organization's managed settings file locks (issue 17). */
  managed?: ManagedSettings;
}) {
  const { db, clock, vault } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const stored = () => getSetting<StoredAiSettings>(db, AI_SETTINGS_KEY) ?? NONE;

  function build(settings: StoredAiSettings, apiKey: string | null): ChatProvider | null {
    if (settings.provider === 'none') return null;
    const config = {
      baseUrl: settings.baseUrl,
      model: settings.model,
      apiKey,
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs,
    };
    return settings.provider === 'anthropic'
      ? createAnthropicProvider(config)
      : createOpenAiCompatibleProvider(config);
  }

  /**
   * The stored key goes only to the stored endpoint (issue 13): for another provider or base URL the
   * key is typed with it. Returns the refusal, or null when the stored key may be used (or none would be).
   */
  async function keyBoundToEndpoint(input: {
    provider: 'anthropic' | 'openai-compatible';
    baseUrl: string;
    apiKey?: string | undefined;
  }): Promise<string | null> {
    if (input.apiKey) return null;
    const settings = stored();
    if (settings.provider === input.provider && sameEndpoint(settings.baseUrl, input.baseUrl)) return null;
    if ((await vault.get(VAULT_SERVICE, input.provider)) === null) return null;
    const storedAt = settings.provider === input.provider ? settings.baseUrl : 'the address it was saved for';
    return `Type the API key to use ${input.baseUrl}: the stored key is only sent to ${storedAt}`;
  }

  async function view(actor: User): Promise<AiSettings> {
    const settings = stored();
    const hasApiKey =
      settings.provider === 'none' ? false : (await vault.get(VAULT_SERVICE, settings.provider)) !== null;
    return {
      ...settings,
      hasApiKey,
      canEdit: mayCall(actor, 'settings:ai-save'),
      managed: managed.fields('ai', ['provider', 'baseUrl', 'model'] as const),
    };
  }

  async function save(actor: User, input: z.output<typeof AiSettingsInput>): Promise<AiSettings> {
    assertMayCall(actor, 'settings:ai-save');
    const next: StoredAiSettings =
      input.provider === 'none'
        ? NONE
        : { provider: input.provider, baseUrl: input.baseUrl, model: input.model };
    // Switching the assistant off leaves no address or model to compare.
    managed.assertUnchanged(
      next.provider === 'none'
        ? { 'ai.provider': 'none' }
        : { 'ai.provider': next.provider, 'ai.baseUrl': next.baseUrl, 'ai.model': next.model },
    );
    if (input.provider !== 'none' && !input.clearApiKey) {
      const boundTo = await keyBoundToEndpoint(input);
      if (boundTo)
        throw new AppError('VALIDATION', boundTo, { fields: [{ path: 'apiKey', message: boundTo }] });
    }
    // The key first: if the keychain refuses, nothing changes.
    if (input.provider !== 'none') {
      if (input.clearApiKey) await vault.delete(VAULT_SERVICE, input.provider);
      else if (input.apiKey) await vault.set(VAULT_SERVICE, input.provider, input.apiKey);
    }
    // The SDK loads on first use; load it now, so the first reply's time budget is not spent on it.
    if (next.provider !== 'none') await preloadSdk(next.provider);
    const previous = stored();
    inTransaction(db, () => {
      putSetting(db, AI_SETTINGS_KEY, next, clock.now(), actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.ai.update',
          entityType: 'settings',
          entityId: AI_SETTINGS_KEY,
          details: {
            from: previous,
            to: next,
            apiKey:
              input.provider === 'none'
                ? 'unchanged'
                : input.clearApiKey
                  ? 'removed'
                  : input.apiKey
                    ? 'replaced'
                    : 'unchanged',
          },
        },
        clock.now(),
      );
    });
    return view(actor);
  }

  /** Tries the form's values (with the stored key unless a new one is typed) without saving them. */
  async function test(input: z.output<typeof AiSettingsInput>): Promise<AiTestResult> {
    if (input.provider === 'none')
      return { ok: true, message: 'Offline drafts only: nothing to connect to.', latencyMs: 0 };
    const boundTo = await keyBoundToEndpoint(input);
    if (boundTo) return { ok: false, message: boundTo, latencyMs: 0 };
    const apiKey = input.apiKey || (await vault.get(VAULT_SERVICE, input.provider));
    const provider = build({ provider: input.provider, baseUrl: input.baseUrl, model: input.model }, apiKey);
    await preloadSdk(input.provider);
    const started = performance.now();
    try {
      await provider!.ping(AbortSignal.timeout(15_000));
      const latencyMs = Math.round(performance.now() - started);
      return {
        ok: true,
        message: `Connected to ${provider!.label} (${input.model}) in ${latencyMs} ms`,
        latencyMs,
      };
    } catch (err) {
      return { ok: false, message: explain(err), latencyMs: Math.round(performance.now() - started) };
    }
  }

  return {
    view,
    save,
    test,
    isConfigured: () => stored().provider !== 'none',
    /** The provider the ai.reply job uses now, with its key from the keychain; null when none is set up. */
    async current(): Promise<ChatProvider | null> {
      const settings = stored();
      if (settings.provider === 'none') return null;
      return build(settings, await vault.get(VAULT_SERVICE, settings.provider));
    },
  };
}

/** Same scheme, host, port and path (a trailing slash aside). */
function sameEndpoint(a: string, b: string): boolean {
  const key = (value: string) => {
    if (!URL.canParse(value)) return value.trim();
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  };
  return key(a) === key(b);
}

function explain(err: unknown): string {
  if (err instanceof NetworkError) return `Cannot reach the AI service: ${err.message}`;
  if (err instanceof HttpStatusError) {
    if (err.status === 401 || err.status === 403)
      return 'The service refused the API key (check it, and that it may use this model)';
    if (err.status === 404) return 'The service answered, but not at that address: check the base URL';
    return `The service answered with an error: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export type AiSettingsService = ReturnType<typeof createAiSettings>;

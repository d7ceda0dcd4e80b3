import type { AiProviderKind, AiSettings } from '../../../../src-preload/contract';
import type { AiSettingsDraft } from '../../stores/settings-store';

interface ProviderInfo {
  label: string;
  description: string;
  defaultBaseUrl: string;
  baseUrlHint: string;
  models: string[];
}

export const PROVIDERS: Record<AiProviderKind, ProviderInfo> = {
  none: {
    label: 'None — offline drafts only',
    description:
      'No model. Baton drafts summaries, handoff packages and notes from what you recorded, labelled as offline drafts.',
    defaultBaseUrl: '',
    baseUrlHint: '',
    models: [],
  },
  anthropic: {
    label: 'Anthropic',
    description: 'Claude, through the Anthropic Messages API.',
    defaultBaseUrl: 'https://api.anthropic.com',
    baseUrlHint: 'The server only, without /v1 — Baton adds the API path. Usually https://api.anthropic.com.',
    models: ['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5'],
  },
  'openai-compatible': {
    label: 'OpenAI-compatible (Azure OpenAI, Ollama, LM Studio)',
    description:
      'Any server that speaks the OpenAI chat API — a local one keeps the assistant working offline.',
    defaultBaseUrl: 'https://api.openai.com/v1',
    baseUrlHint:
      'Include /v1. Ollama: http://localhost:11434/v1 · LM Studio: http://localhost:1234/v1 · Azure: https://<resource>.openai.azure.com/openai/v1',
    models: ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o-mini', 'llama3.1:8b', 'qwen2.5:7b-instruct'],
  },
};

/** What happens to the stored key on save: kept, replaced by the typed one, or removed. */
export type KeyAction = 'keep' | 'replace' | 'remove';

export interface AiForm {
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  /** Typed here, sent with a save or a test, never read back. */
  apiKey: string;
  keyAction: KeyAction;
}

export function formFrom(settings: AiSettings): AiForm {
  return {
    provider: settings.provider,
    baseUrl: settings.baseUrl || PROVIDERS[settings.provider].defaultBaseUrl,
    model: settings.model,
    apiKey: '',
    keyAction: 'keep',
  };
}

/**
 * Whether the keychain holds a key for the provider chosen in the form. Main keeps one key per
 * provider and reports only the saved provider's, so for another provider it is unknown.
 */
export const keyStoredFor = (form: AiForm, settings: AiSettings) =>
  settings.hasApiKey && form.provider === settings.provider;

/** The form as the contract's AiSettingsInput (main trims and validates it). */
export function toInput(form: AiForm, settings: AiSettings): AiSettingsDraft {
  if (form.provider === 'none') return { provider: 'none' };
  const hasApiKey = keyStoredFor(form, settings);
  const sendKey = !hasApiKey || form.keyAction === 'replace';
  return {
    provider: form.provider,
    baseUrl: form.baseUrl,
    model: form.model,
    ...(sendKey && form.apiKey.trim() && { apiKey: form.apiKey }),
    ...(hasApiKey && form.keyAction === 'remove' && { clearApiKey: true }),
  };
}

/**
 * Switching provider swaps the base URL when it is still a default (or empty), and clears a model
 * that was one of the other provider's suggestions; anything typed by hand is kept. A typed key is
 * dropped: a key for one service is never sent to another.
 */
export function withProvider(form: AiForm, provider: AiProviderKind): AiForm {
  if (provider === form.provider) return form;
  const url = form.baseUrl.trim();
  const urlIsDefault = !url || Object.values(PROVIDERS).some((p) => p.defaultBaseUrl === url);
  const model = form.model.trim();
  const modelIsSuggestion = PROVIDERS[form.provider].models.includes(model);
  return {
    ...form,
    provider,
    baseUrl: urlIsDefault ? PROVIDERS[provider].defaultBaseUrl : form.baseUrl,
    model: modelIsSuggestion ? '' : form.model,
    apiKey: '',
    keyAction: 'keep',
  };
}

/** A nudge (not an error) when the URL looks wrong for the provider's /v1 convention. */
export function baseUrlWarning(provider: AiProviderKind, baseUrl: string): string | null {
  if (!URL.canParse(baseUrl.trim())) return null;
  const path = new URL(baseUrl.trim()).pathname.replace(/\/+$/, '');
  if (provider === 'anthropic' && path.endsWith('/v1'))
    return 'Leave /v1 off for Anthropic: Baton adds it, so this would call /v1/v1/messages.';
  if (provider === 'openai-compatible' && !/\/v1(\/|$)/.test(path))
    return 'OpenAI-compatible servers usually need /v1 at the end of the base URL.';
  return null;
}

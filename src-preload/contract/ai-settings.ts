// Settings → AI: the provider the assistant uses (the key stays in the keychain).
import { z } from 'zod';
import { httpsOrLoopback, ifUrl, urlOrNull } from './fields';

export const AI_PROVIDERS = ['none', 'anthropic', 'openai-compatible'] as const;
export type AiProviderKind = (typeof AI_PROVIDERS)[number];

export interface AiSettings {
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  /** Whether a key is stored in the keychain (the key itself never leaves main). */
  hasApiKey: boolean;
  /** Only owners and admins change settings; everyone else reads them. */
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('provider' | 'baseUrl' | 'model')[];
}

export interface AiTestResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}

const baseUrl = z
  .string()
  .trim()
  .min(1, 'Enter the base URL')
  .refine(
    (value) => value === '' || urlOrNull(value) !== null,
    'Enter a full URL, like https://api.anthropic.com',
  )
  .refine(
    ifUrl(httpsOrLoopback),
    'Use https:// (plain http only for a server on this computer, like Ollama)',
  );
export const AiSettingsInput = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({
    provider: z.enum(['anthropic', 'openai-compatible']),
    baseUrl,
    model: z.string().trim().min(1, 'Enter the model name').max(200),
    /** A new key to store; omitted or empty keeps the stored one. */
    apiKey: z.string().trim().max(500).optional(),
    clearApiKey: z.boolean().optional(),
  }),
]);

// The AI SDKs are about 2 MB of main's 3.3 MB bundle and no first screen needs them: they are
// imported when a provider first talks to its service (their own chunk), not at start-up.
import type * as AnthropicSdk from '@anthropic-ai/sdk';
import type * as OpenAiSdk from 'openai';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The connection error classes of the SDKs loaded so far (an error of an SDK not loaded cannot exist). */
export const sdkErrors: { timeout: ErrorClass[]; connection: ErrorClass[] } = { timeout: [], connection: [] };

let anthropic: Promise<typeof AnthropicSdk> | null = null;
let openai: Promise<typeof OpenAiSdk> | null = null;

export function loadAnthropicSdk(): Promise<typeof AnthropicSdk> {
  anthropic ??= import('@anthropic-ai/sdk').then((sdk) => {
    sdkErrors.timeout.push(sdk.APIConnectionTimeoutError);
    sdkErrors.connection.push(sdk.APIConnectionError);
    return sdk;
  });
  return anthropic;
}

export function loadOpenAiSdk(): Promise<typeof OpenAiSdk> {
  openai ??= import('openai').then((sdk) => {
    sdkErrors.timeout.push(sdk.APIConnectionTimeoutError);
    sdkErrors.connection.push(sdk.APIConnectionError);
    return sdk;
  });
  return openai;
}

/** Loads a provider's SDK ahead of its first request (when AI settings are saved or tested). */
export async function preloadSdk(provider: 'anthropic' | 'openai-compatible'): Promise<void> {
  await (provider === 'anthropic' ? loadAnthropicSdk() : loadOpenAiSdk());
}

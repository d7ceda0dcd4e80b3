import type Anthropic from '@anthropic-ai/sdk';
import type { ChatProvider, ProviderConfig } from './chat-provider';
import { assertFinished, toTransportError } from './chat-provider';
import { loadAnthropicSdk } from './sdks';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

export function createAnthropicProvider(config: ProviderConfig): ChatProvider {
  let client: Promise<Anthropic> | null = null;
  const connect = () =>
    (client ??= loadAnthropicSdk().then(
      (sdk) =>
        new sdk.default({
          apiKey: config.apiKey ?? '',
          baseURL: config.baseUrl.replace(/\/+$/, ''),
          maxRetries: 0,
          timeout: config.timeoutMs ?? 120_000,
          fetch: config.fetch,
        }),
    ));
  const url = `${config.baseUrl}/v1/messages`;
  return {
    label: 'Anthropic',
    model: config.model,
    async streamChat(request, onText) {
      let text = '';
      try {
        const stream = await (
          await connect()
        ).messages.create(
          {
            model: config.model,
            max_tokens: request.maxTokens ?? 2_048,
            system: request.system,
            messages: request.messages,
            stream: true,
          },
          { signal: request.signal },
        );
        let finished = false;
        for await (const event of stream) {
          if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
            text += event.delta.text;
            onText(event.delta.text);
          } else if (event.type === 'message_stop') finished = true;
        }
        // The SDK ends the loop quietly on an abort or a body that stops early: neither is a whole reply.
        assertFinished(finished, request.signal, url);
      } catch (err) {
        throw toTransportError(err, url);
      }
      return { text, model: config.model };
    },
    async ping(signal) {
      try {
        await (await connect()).models.list({ limit: 1 }, { signal });
      } catch (err) {
        throw toTransportError(err, `${config.baseUrl}/v1/models`);
      }
    },
  };
}

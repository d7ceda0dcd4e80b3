import type OpenAI from 'openai';
import type { ChatProvider, ProviderConfig } from './chat-provider';
import { assertFinished, toTransportError } from './chat-provider';
import { loadOpenAiSdk } from './sdks';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI, Ollama, LM Studio (base URL includes /v1). */
export function createOpenAiCompatibleProvider(config: ProviderConfig): ChatProvider {
  let client: Promise<OpenAI> | null = null;
  const connect = () =>
    (client ??= loadOpenAiSdk().then(
      (sdk) =>
        new sdk.default({
          // Local servers (Ollama, LM Studio) need no key, but the SDK insists on one.
          apiKey: config.apiKey ?? 'not-needed',
          baseURL: config.baseUrl.replace(/\/+$/, ''),
          maxRetries: 0,
          timeout: config.timeoutMs ?? 120_000,
          fetch: config.fetch,
        }),
    ));
  const url = `${config.baseUrl}/chat/completions`;
  return {
    label: 'OpenAI-compatible',
    model: config.model,
    async streamChat(request, onText) {
      let text = '';
      try {
        const stream = await (
          await connect()
        ).chat.completions.create(
          {
            model: config.model,
            stream: true,
            max_tokens: request.maxTokens ?? 2_048,
            messages: [{ role: 'system', content: request.system }, ...request.messages],
          },
          { signal: request.signal },
        );
        let finished = false;
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          const delta = choice?.delta?.content;
          if (delta) {
            text += delta;
            onText(delta);
          }
          if (choice?.finish_reason) finished = true;
        }
        assertFinished(finished, request.signal, url);
      } catch (err) {
        throw toTransportError(err, url);
      }
      return { text, model: config.model };
    },
    async ping(signal) {
      try {
        await (await connect()).models.list({ signal });
      } catch (err) {
        throw toTransportError(err, `${config.baseUrl}/models`);
      }
    },
  };
}

// OpenAI-compatible Chat Completions fake (API-NOTES.md, "AI providers"; also what Ollama and LM Studio
// serve) on the loopback fake server. Wire: POST /v1/chat/completions with Authorization: Bearer; SSE
// `data: {chat.completion.chunk}` lines, a last chunk with finish_reason, then `data: [DONE]`.
// GET /v1/models[/{id}]. Errors: {"error":{message,type,param,code}}.
import type { FakeResponse, RecordedRequest } from '../fake-http-server';
import { startFakeServer } from '../fake-http-server';
import type { AiCall, AiMessage, Reply, ReplyPlan, StreamOptions } from './script';
import { AiFakeBase } from './base';
import { AiScript, jsonObject, randomId, textOf, tokens } from './script';
import type { SseEncoder } from './sse';
import { responseFor, sseEvent, streamReply, watchResponses } from './sse';

export const DEFAULT_OPENAI_KEY = 'sk-proj-fake-key-0001';

export interface OpenAiModel {
  id: string;
  ownedBy?: string;
  /** Unix seconds. */
  created?: number;
}

export const DEFAULT_OPENAI_MODELS: readonly OpenAiModel[] = [
  { id: 'gpt-4o-mini', ownedBy: 'system', created: 1721172741 },
  { id: 'gpt-4.1', ownedBy: 'system', created: 1744316542 },
];

export interface OpenAiFakeOptions {
  /** The Bearer token the fake accepts; null accepts any or none (like Ollama / LM Studio). */
  apiKey?: string | null;
  /** Served by GET /v1/models. */
  models?: readonly OpenAiModel[];
  /** Answer 404 model_not_found to a model not in `models` (default: any model is accepted). */
  rejectUnknownModels?: boolean;
  defaultReply?: Reply;
  /** Defaults for every reply (chunkSize 8 unless set). */
  stream?: StreamOptions;
  port?: number;
  latencyMs?: number;
}

/** The body OpenAI sends with an error status. */
export function openAiErrorBody(
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
) {
  return { error: { message, type, param, code } };
}

/** Default body of an injected status fault: 429 rate_limit_exceeded, 5xx server_error… */
export function openAiFaultBody(status: number): unknown {
  if (status === 429) {
    return openAiErrorBody(
      'Rate limit reached for requests. Please try again in 1s.',
      'requests',
      'rate_limit_exceeded',
    );
  }
  if (status === 401)
    return openAiErrorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
  if (status === 404) return openAiErrorBody('Not found', 'invalid_request_error', null);
  if (status >= 500) {
    return openAiErrorBody(
      'The server had an error while processing your request. Sorry about that!',
      'server_error',
      null,
    );
  }
  return openAiErrorBody(`HTTP ${status}`, 'invalid_request_error', null);
}

export class OpenAiFake extends AiFakeBase {
  constructor(
    server: AiFakeBase['server'],
    script: AiScript,
    onClose: () => void,
    readonly apiKey: string | null,
    readonly models: readonly OpenAiModel[],
  ) {
    super(server, script, '/v1/chat/completions', onClose);
  }

  /** What the SDK takes as baseURL: http://127.0.0.1:PORT/v1. */
  get baseURL(): string {
    return `${this.server.url}/v1`;
  }
}

function error(status: number, message: string, type: string, code: string | null): FakeResponse {
  return { status, body: openAiErrorBody(message, type, code) };
}

function modelJson(model: OpenAiModel): unknown {
  return {
    id: model.id,
    object: 'model',
    created: model.created ?? 1700000000,
    owned_by: model.ownedBy ?? 'system',
  };
}

function usage(call: AiCall, plan: ReplyPlan) {
  const prompt = tokens(call.promptText);
  const completion = tokens(plan.text);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function encoder(call: AiCall, plan: ReplyPlan, id: string, created: number): SseEncoder {
  const options = call.body.stream_options;
  const withUsage =
    typeof options === 'object' &&
    options !== null &&
    (options as Record<string, unknown>).include_usage === true;
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    sseEvent({
      id,
      object: 'chat.completion.chunk',
      created,
      model: call.model,
      system_fingerprint: null,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(withUsage ? { usage: null } : {}),
    });
  return {
    open: () => chunk({ role: 'assistant', content: '', refusal: null }, null),
    text: (content) => chunk({ content }, null),
    close: (finish) =>
      chunk({}, finish) +
      (withUsage
        ? sseEvent({
            id,
            object: 'chat.completion.chunk',
            created,
            model: call.model,
            system_fingerprint: null,
            choices: [],
            usage: usage(call, plan),
          })
        : '') +
      sseEvent('[DONE]'),
    error: () =>
      sseEvent(
        openAiErrorBody('The server had an error while processing your request.', 'server_error', null),
      ),
  };
}

export async function startOpenAiFake(opts: OpenAiFakeOptions = {}): Promise<OpenAiFake> {
  const apiKey = opts.apiKey === undefined ? DEFAULT_OPENAI_KEY : opts.apiKey;
  const models = opts.models ?? DEFAULT_OPENAI_MODELS;
  const script = new AiScript('openai-fake', opts.stream, opts.defaultReply);
  let latencyMs = (): number => 0;

  const completions = async (request: RecordedRequest): Promise<FakeResponse> => {
    const body = jsonObject(request.body);
    if (!body)
      return error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    const { model, messages: sent } = body;
    if (typeof model !== 'string')
      return error(400, 'you must provide a model parameter', 'invalid_request_error', null);
    if (!Array.isArray(sent) || sent.length === 0) {
      return error(
        400,
        "Missing required parameter: 'messages'.",
        'invalid_request_error',
        'missing_required_parameter',
      );
    }
    if (opts.rejectUnknownModels && !models.some((m) => m.id === model)) {
      const message = `The model \`${model}\` does not exist or you do not have access to it.`;
      return error(404, message, 'invalid_request_error', 'model_not_found');
    }
    const list = sent as AiMessage[];
    const systemParts = list.filter((m) => m.role === 'system' || m.role === 'developer');
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    const call = script.record(request, {
      body,
      model,
      system: systemParts.length ? systemParts.map((m) => textOf(m.content)).join('\n') : undefined,
      messages: list,
      stream: body.stream === true,
      maxTokens: typeof maxTokens === 'number' ? maxTokens : undefined,
      promptText: list.map((m) => textOf(m.content)).join('\n'),
    });
    const plan = await script.plan(call);
    const id = randomId('chatcmpl-');
    const created = Math.floor(Date.now() / 1000);
    if (call.stream) {
      const enc = encoder(call, plan, id, created);
      return streamReply({ request, call, plan, encoder: enc, script, latencyMs: latencyMs() });
    }
    const res = responseFor(request);
    await script.beforeFirstByte(plan.options, res);
    call.outcome = res?.destroyed ? 'client-closed' : 'complete';
    script.notify();
    const completion = {
      id,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: null,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: plan.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: plan.options.finish ?? 'stop',
        },
      ],
      usage: usage(call, plan),
    };
    return { status: 200, body: completion };
  };

  const server = await startFakeServer(
    (request) => {
      const modelPath = /^\/v1\/models(?:\/([^/]+))?$/.exec(request.path);
      const known = (request.method === 'POST' && request.path === '/v1/chat/completions') || modelPath;
      if (!known || (modelPath && request.method !== 'GET')) {
        return error(404, `Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null);
      }
      const auth = request.headers.authorization;
      if (apiKey !== null && auth !== `Bearer ${apiKey}`) {
        const message = auth ? 'Incorrect API key provided.' : "You didn't provide an API key.";
        return error(401, message, 'invalid_request_error', 'invalid_api_key');
      }
      if (!modelPath) return completions(request);
      if (modelPath[1] === undefined)
        return { status: 200, body: { object: 'list', data: models.map(modelJson) } };
      const id = decodeURIComponent(modelPath[1]);
      const found = models.find((m) => m.id === id);
      const message = `The model '${id}' does not exist`;
      return found
        ? { status: 200, body: modelJson(found) }
        : error(404, message, 'invalid_request_error', 'model_not_found');
    },
    {
      name: 'openai-fake',
      port: opts.port,
      latencyMs: opts.latencyMs,
      faultBody: (status) => openAiFaultBody(status),
    },
  );
  latencyMs = () => server.latencyMs;
  return new OpenAiFake(server, script, watchResponses(server.port), apiKey, models);
}

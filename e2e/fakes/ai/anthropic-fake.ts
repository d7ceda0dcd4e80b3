// Anthropic Messages API fake (API-NOTES.md, "AI providers") on the loopback fake server.
// Wire: POST /v1/messages with x-api-key + anthropic-version; SSE events message_start,
// content_block_start, ping, content_block_delta (text_delta)…, content_block_stop, message_delta,
// message_stop. GET /v1/models[/{id}]. Errors: {"type":"error","error":{type,message},"request_id"}.
import type { FakeResponse, RecordedRequest } from '../fake-http-server';
import { startFakeServer } from '../fake-http-server';
import type { AiCall, Reply, ReplyPlan, StreamOptions } from './script';
import { AiFakeBase } from './base';
import { AiScript, jsonObject, randomId, textOf, tokens } from './script';
import type { SseEncoder } from './sse';
import { responseFor, sseEvent, streamReply, watchResponses } from './sse';

export const DEFAULT_ANTHROPIC_KEY = 'sk-ant-api03-fake-key-0001';

export interface AnthropicModel {
  id: string;
  displayName?: string;
  /** RFC 3339. */
  createdAt?: string;
}

export const DEFAULT_ANTHROPIC_MODELS: readonly AnthropicModel[] = [
  { id: 'claude-sonnet-4-6', displayName: 'Claude Sonnet 4.6', createdAt: '2026-02-17T00:00:00Z' },
  { id: 'claude-haiku-4-5-20251001', displayName: 'Claude Haiku 4.5', createdAt: '2025-10-15T00:00:00Z' },
];

export interface AnthropicFakeOptions {
  /**
   * The key the fake accepts, as `x-api-key: KEY` (the documented header, raw HTTP) or
   * `Authorization: Bearer KEY` (what @anthropic-ai/sdk 1.x sends). Default DEFAULT_ANTHROPIC_KEY.
   */
  apiKey?: string;
  /** Served by GET /v1/models. */
  models?: readonly AnthropicModel[];
  /** Answer 404 not_found_error to a model not in `models` (default: any model is accepted). */
  rejectUnknownModels?: boolean;
  /** Used when no reply is queued. */
  defaultReply?: Reply;
  /** Defaults for every reply (chunkSize 8 unless set). */
  stream?: StreamOptions;
  port?: number;
  latencyMs?: number;
}

const ERROR_TYPES: Record<number, [type: string, message: string]> = {
  400: ['invalid_request_error', 'Invalid request'],
  401: ['authentication_error', 'invalid x-api-key'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.'],
  500: ['api_error', 'Internal server error'],
  529: ['overloaded_error', 'Overloaded'],
};

/** The body Anthropic sends with an error status. */
export function anthropicErrorBody(type: string, message: string): unknown {
  return { type: 'error', error: { type, message }, request_id: randomId('req_011') };
}

/** Default body of an injected status fault: 429 rate_limit_error, 529 overloaded_error, 5xx api_error… */
export function anthropicFaultBody(status: number): unknown {
  const [type, message] =
    ERROR_TYPES[status] ?? (status >= 500 ? ERROR_TYPES[500]! : ['invalid_request_error', `HTTP ${status}`]);
  return anthropicErrorBody(type, message);
}

export class AnthropicFake extends AiFakeBase {
  constructor(
    server: AiFakeBase['server'],
    script: AiScript,
    onClose: () => void,
    readonly apiKey: string,
    readonly models: readonly AnthropicModel[],
  ) {
    super(server, script, '/v1/messages', onClose);
  }

  /** Headers for a raw-HTTP call (x-api-key, as documented; the SDK 1.x sends Authorization: Bearer instead). */
  headers(apiKey = this.apiKey): Record<string, string> {
    return { 'x-api-key': apiKey, 'anthropic-version': '2026-10-21', 'content-type': 'application/json' };
  }
}

function error(status: number, type: string, message: string): FakeResponse {
  return { status, headers: { 'request-id': randomId('req_011') }, body: anthropicErrorBody(type, message) };
}

/** Why the request's credentials are refused, or undefined when they are the expected key. */
function checkKey(request: RecordedRequest, apiKey: string): string | undefined {
  const header = request.headers['x-api-key'];
  const bearer = /^Bearer (.*)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (header) return header === apiKey ? undefined : 'invalid x-api-key';
  if (bearer !== undefined) return bearer === apiKey ? undefined : 'Invalid bearer token';
  return 'x-api-key header is required';
}

function modelJson(model: AnthropicModel): unknown {
  return {
    type: 'model',
    id: model.id,
    display_name: model.displayName ?? model.id,
    created_at: model.createdAt ?? '2026-01-01T00:00:00Z',
    capabilities: null,
    deprecated_at: null,
    lifecycle: 'active',
    line: null,
    max_input_tokens: null,
    max_tokens: null,
    retires_at: null,
  };
}

function listModels(models: readonly AnthropicModel[], request: RecordedRequest): FakeResponse {
  const after = request.query.after_id;
  const start = after === undefined ? 0 : models.findIndex((m) => m.id === after) + 1;
  const limit = Math.max(1, Math.min(1000, Number(request.query.limit ?? 20) || 20));
  const page = models.slice(start, start + limit);
  return {
    status: 200,
    body: {
      data: page.map(modelJson),
      has_more: start + limit < models.length,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    },
  };
}

function usage(call: AiCall, plan: ReplyPlan) {
  return {
    input_tokens: tokens(call.promptText),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: tokens(plan.text),
    service_tier: 'standard',
  };
}

function encoder(call: AiCall, plan: ReplyPlan, id: string): SseEncoder {
  const stopReason = (finish: string) => (finish === 'length' ? 'max_tokens' : 'end_turn');
  return {
    open: () =>
      sseEvent(
        {
          type: 'message_start',
          message: {
            id,
            type: 'message',
            role: 'assistant',
            model: call.model,
            content: [],
            container: null,
            stop_details: null,
            stop_reason: null,
            stop_sequence: null,
            usage: { ...usage(call, plan), output_tokens: 1 },
          },
        },
        'message_start',
      ) +
      sseEvent(
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        'content_block_start',
      ) +
      sseEvent({ type: 'ping' }, 'ping'),
    text: (text) =>
      sseEvent(
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
        'content_block_delta',
      ),
    close: (finish) =>
      sseEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop') +
      sseEvent(
        {
          type: 'message_delta',
          delta: {
            container: null,
            stop_details: null,
            stop_reason: stopReason(finish),
            stop_sequence: null,
          },
          usage: { output_tokens: usage(call, plan).output_tokens },
        },
        'message_delta',
      ) +
      sseEvent({ type: 'message_stop' }, 'message_stop'),
    error: () =>
      sseEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error'),
  };
}

export async function startAnthropicFake(opts: AnthropicFakeOptions = {}): Promise<AnthropicFake> {
  const apiKey = opts.apiKey ?? DEFAULT_ANTHROPIC_KEY;
  const models = opts.models ?? DEFAULT_ANTHROPIC_MODELS;
  const script = new AiScript('anthropic-fake', opts.stream, opts.defaultReply);
  let latencyMs = (): number => 0;

  const messages = async (request: RecordedRequest): Promise<FakeResponse> => {
    const body = jsonObject(request.body);
    if (!body) return error(400, 'invalid_request_error', 'The request body is not valid JSON.');
    const { model, max_tokens: maxTokens, messages: sent } = body;
    if (typeof model !== 'string') return error(400, 'invalid_request_error', 'model: Field required');
    if (typeof maxTokens !== 'number')
      return error(400, 'invalid_request_error', 'max_tokens: Field required');
    if (!Array.isArray(sent) || sent.length === 0) {
      return error(400, 'invalid_request_error', 'messages: at least one message is required');
    }
    if (opts.rejectUnknownModels && !models.some((m) => m.id === model)) {
      return error(404, 'not_found_error', `model: ${model}`);
    }
    const list = sent as AiCall['messages'];
    const system = body.system === undefined ? undefined : textOf(body.system);
    const call = script.record(request, {
      body,
      model,
      system,
      messages: list,
      stream: body.stream === true,
      maxTokens,
      promptText: [system ?? '', ...list.map((m) => textOf(m.content))].join('\n'),
    });
    const plan = await script.plan(call);
    const id = randomId('msg_01');
    const headers = { 'request-id': randomId('req_011') };
    if (call.stream) {
      const enc = encoder(call, plan, id);
      return streamReply({ request, call, plan, encoder: enc, script, latencyMs: latencyMs(), headers });
    }
    const res = responseFor(request);
    await script.beforeFirstByte(plan.options, res);
    call.outcome = res?.destroyed ? 'client-closed' : 'complete';
    script.notify();
    const message = {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: plan.text }],
      container: null,
      stop_details: null,
      stop_reason: plan.options.finish === 'length' ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: usage(call, plan),
    };
    return { status: 200, headers, body: message };
  };

  const server = await startFakeServer(
    (request) => {
      const modelPath = /^\/v1\/models(?:\/([^/]+))?$/.exec(request.path);
      const known = (request.method === 'POST' && request.path === '/v1/messages') || modelPath;
      if (!known || (modelPath && request.method !== 'GET'))
        return error(404, 'not_found_error', 'Not found');
      const denied = checkKey(request, apiKey);
      if (denied) return error(401, 'authentication_error', denied);
      if (!request.headers['anthropic-version']) {
        return error(400, 'invalid_request_error', 'anthropic-version: header is required');
      }
      if (!modelPath) return messages(request);
      if (modelPath[1] === undefined) return listModels(models, request);
      const found = models.find((m) => m.id === decodeURIComponent(modelPath[1] ?? ''));
      return found
        ? { status: 200, body: modelJson(found) }
        : error(404, 'not_found_error', `model: ${modelPath[1]}`);
    },
    {
      name: 'anthropic-fake',
      port: opts.port,
      latencyMs: opts.latencyMs,
      faultBody: (status) => anthropicFaultBody(status),
    },
  );
  latencyMs = () => server.latencyMs;
  return new AnthropicFake(server, script, watchResponses(server.port), apiKey, models);
}

import type { Core } from '../core';

/**
 * The renderer's view of a core in tests: `call` answers the envelope, `ok` the value (and throws
 * "CODE: message" for a refusal, so a test that expects success says why it did not get it).
 */
export function callers(core: Pick<Core, 'dispatch'>) {
  const call = (channel: string, input?: unknown) => core.dispatch(channel, input);
  const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
    const reply = await call(channel, input);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.value as T;
  };
  return { call, ok };
}

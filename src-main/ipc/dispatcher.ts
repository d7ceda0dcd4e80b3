// The one typed way main answers the contract: validate the input with the channel's zod schema,
// run the handler, and wrap the result (or the error) in an envelope, because Electron's invoke
// keeps only an error's message.
import type { z } from 'zod';
import type { Channel, Envelope, OutputOf, ParsedInputOf } from '../../src-preload/contract';
import { contract } from '../../src-preload/contract';
import { AppError } from '../errors';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

export interface DispatchHooks {
  /** Runs before every handler (the store's key is read once, on the first call). */
  before?: () => Promise<void>;
  /** The validated input as the handler gets it (typed free text redacted: redaction/inbound.ts). */
  input?: (channel: Channel, input: unknown) => unknown;
}

export function createDispatcher(
  handlers: Handlers,
  log: (message: string, err: unknown) => void,
  hooks: DispatchHooks = {},
): Dispatch {
  return async (channel, rawInput) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel ${channel}` } };
    }
    const ch = channel as Channel;
    const parsed = contract[ch].input.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      await hooks.before?.();
      const handler = handlers[ch] as (input: unknown) => unknown;
      const value = await handler(hooks.input ? hooks.input(ch, parsed.data) : parsed.data);
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      log(`handler ${ch} failed`, err);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong inside Baton. Nothing was lost; try again.',
        },
      };
    }
  };
}

function validationError(error: z.ZodError) {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return {
    code: 'VALIDATION' as const,
    message: fields.map((f) => f.message).join('; '),
    details: { fields },
  };
}

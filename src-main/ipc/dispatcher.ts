// The one typed way main answers the contract: check the caller may use the channel (authorization.ts),
// validate the input with the channel's zod schema, run the handler, and wrap the result (or the
// error) in an envelope, because Electron's invoke keeps only an error's message. Nothing a caller
// sends can make it throw: every failure, validation included, comes back as `{ ok: false }`.
import type { z } from 'zod';
import type {
  AppErrorShape,
  Channel,
  Envelope,
  OutputOf,
  ParsedInputOf,
  User,
} from '../../src-preload/contract';
import { contract } from '../../src-preload/contract';
import { AppError } from '../errors';
import { refusal } from './authorization';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** Who is calling (the current local profile); null before the first profile exists. */
  currentUser: () => User | null;
  /** Runs before every handler (the store's key is read once, on the first call). */
  before?: () => Promise<void>;
  /** The validated input as the handler gets it (typed free text redacted: redaction/inbound.ts). */
  input?: (channel: Channel, input: unknown) => unknown;
}

const INTERNAL: AppErrorShape = {
  code: 'INTERNAL',
  message: 'Something went wrong inside Baton. Nothing was lost; try again.',
};

export function createDispatcher(
  handlers: Handlers,
  log: (message: string, err: unknown) => void,
  options: DispatcherOptions,
): Dispatch {
  return async (channel, rawInput) => {
    // typeof check first: a non-string channel (from a hand-made WebSocket frame) is just unknown.
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', message: `Unknown channel ${String(channel).slice(0, 100)}` },
      };
    }
    const ch = channel as Channel;
    try {
      const refused = refusal(options.currentUser(), ch);
      if (refused) return { ok: false, error: refused.toShape() };
      const parsed = contract[ch].input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      await options.before?.();
      const handler = handlers[ch] as (input: unknown) => unknown;
      const value = await handler(options.input ? options.input(ch, parsed.data) : parsed.data);
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      log(`handler ${ch} failed`, err);
      return { ok: false, error: INTERNAL };
    }
  };
}

function validationError(error: z.ZodError) {
  // Capped: a message may quote what was sent (an unknown key), and hostile input can be huge.
  const fields = error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.map(String).join('.').slice(0, 200), message: i.message.slice(0, 500) }));
  return {
    code: 'VALIDATION' as const,
    message: fields.map((f) => f.message).join('; '),
    details: { fields },
  };
}

import type { BatonApi } from '../../../src-preload/api';
import type { AppErrorShape, Envelope, ErrorCode } from '../../../src-preload/contract';

declare global {
  interface Window {
    baton?: BatonApi;
  }
}

/** A failed contract call, thrown by `unwrap` so screens can try/catch and show the message. */
export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.details = shape.details;
  }

  /** Field messages of a VALIDATION error, keyed by field name. */
  fieldErrors(): Record<string, string> {
    const fields =
      (this.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    return Object.fromEntries(fields.map((f) => [f.path, f.message]));
  }
}

export async function unwrap<T>(reply: Promise<Envelope<T>>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new BatonError(envelope.error);
  return envelope.value;
}

let api: BatonApi | null = null;
export function setApi(value: BatonApi): void {
  api = value;
}
export function baton(): BatonApi {
  if (!api) throw new Error('window.baton is not ready');
  return api;
}

import type { AppErrorShape, ErrorCode } from '../src-preload/contract';

/** An error with a code the renderer understands; crosses the contract as `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} not found`, { id });

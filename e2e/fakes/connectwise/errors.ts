// ConnectWise error bodies: {code, message, errors?:[{code, message, resource, field}]}.
import { STATUS_CODES } from 'node:http';
import type { FakeResponse } from '../fake-http-server';

export interface CwFieldError {
  code: string;
  message: string;
  resource: string;
  field: string;
}

export interface CwErrorBody {
  code: string;
  message: string;
  errors?: CwFieldError[];
}

/** Thrown by route handlers; the router turns it into the response. */
export class CwHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: CwErrorBody,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
  }

  toResponse(): FakeResponse {
    return { status: this.status, body: this.body };
  }
}

export const cwErrors = {
  unauthorized: (message: string) => new CwHttpError(401, { code: 'Unauthorized', message }),
  /** Unconfirmed code; CW is reported to answer 400 mentioning clientId when it is missing. */
  badRequest: (message: string) => new CwHttpError(400, { code: 'BadRequest', message }),
  notFound: (message: string) => new CwHttpError(404, { code: 'NotFound', message }),
  security: () =>
    new CwHttpError(403, {
      code: 'Security',
      message: 'You do not have security permission to perform this action.',
    }),
  invalidObject: (resource: string, errors: CwFieldError[]) =>
    new CwHttpError(400, { code: 'InvalidObject', message: `${resource} object is invalid`, errors }),
};

/** Body for injected status faults (429, 500, 503, …): a CW-shaped error. Codes are unconfirmed. */
export function cwFaultBody(status: number): CwErrorBody {
  if (status === 403) return cwErrors.security().body;
  const reason = STATUS_CODES[status] ?? 'Error';
  return { code: reason.replace(/[^A-Za-z]/g, ''), message: `${reason} (injected by the fake)` };
}

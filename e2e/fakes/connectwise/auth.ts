// Every API call: `Authorization: Basic base64("{companyId}+{publicKey}:{privateKey}")` and `clientId`.
// Order: a missing clientId is 400 (a client bug, not bad credentials); then the Basic credentials are
// checked (401), then the clientId value (401). companyId and keys compare exactly (case-sensitive).
import type { RecordedRequest } from '../fake-http-server';
import { cwErrors } from './errors';
import type { CwCredentials } from './types';

export function basicAuthorization(credentials: CwCredentials): string {
  const { companyId, publicKey, privateKey } = credentials;
  return `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`;
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function checkAuth(request: RecordedRequest, expected: CwCredentials): void {
  const clientId = header(request, 'clientId')?.trim();
  if (!clientId) {
    throw cwErrors.badRequest(
      'A clientId header is required. Register a clientId at developer.connectwise.com.',
    );
  }
  const authorization = header(request, 'authorization') ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(authorization);
  if (!match) throw cwErrors.unauthorized('Authorization header with Basic credentials is required.');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const privateKey = colon < 0 ? '' : decoded.slice(colon + 1);
  const plus = user.indexOf('+');
  const companyId = plus < 0 ? '' : user.slice(0, plus);
  const publicKey = plus < 0 ? user : user.slice(plus + 1);
  if (companyId !== expected.companyId) throw cwErrors.unauthorized(`Unknown company '${companyId}'.`);
  if (publicKey !== expected.publicKey || privateKey !== expected.privateKey) {
    throw cwErrors.unauthorized('Incorrect public/private key.');
  }
  if (clientId !== expected.clientId)
    throw cwErrors.unauthorized(`clientId '${clientId}' is not recognised.`);
}

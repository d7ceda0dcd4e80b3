// How Baton reaches one ConnectWise Manage company (API-NOTES, ConnectWise): the site, the company ID,
// the codebase (looked up when not given), the integration's clientId and the API member's key pair.
import { AppError } from '../../errors';
import { assertAllowedUrl } from '../../net/http';

export interface ConnectWiseConnection {
  /** Bare host (api-na.myconnectwise.net) or a URL; only its origin is used. */
  site: string;
  companyId: string;
  /** e.g. v4_6_release; empty/undefined = ask /login/companyinfo. */
  codebase?: string | undefined;
  clientId: string;
  publicKey: string;
  privateKey: string;
}

/** 2021.1 is the oldest API version whose ticket/note shapes Baton reads; CW answers newer sites in it. */
export const CW_API_VERSION = '2021.1';

/**
 * `api-na.myconnectwise.net`, `https://api-na.myconnectwise.net/v4_6_release/...` → the https origin.
 * Plain http only to this computer (the loopback fakes), as the http module enforces everywhere.
 */
export function normalizeSite(site: string): string {
  const trimmed = site.trim();
  if (!trimmed) throw new AppError('VALIDATION', 'Enter the ConnectWise site, like api-na.myconnectwise.net');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(withScheme)) {
    throw new AppError('VALIDATION', `"${trimmed}" is not a site address, like api-na.myconnectwise.net`);
  }
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('VALIDATION', 'The ConnectWise site must be an https:// address');
  }
  try {
    return assertAllowedUrl(url.origin).origin;
  } catch {
    throw new AppError(
      'VALIDATION',
      'Use https:// for the ConnectWise site (plain http only for this computer)',
    );
  }
}

/** `v4_6_release/` (companyinfo's spelling) or `/v4_6_release` → `v4_6_release`. */
export function normalizeCodebase(codebase: string | undefined): string | undefined {
  const trimmed = codebase?.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? trimmed : undefined;
}

/** The headers every API call carries. */
export function cwHeaders(connection: ConnectWiseConnection): Record<string, string> {
  const user = `${connection.companyId}+${connection.publicKey}:${connection.privateKey}`;
  return {
    Authorization: `Basic ${Buffer.from(user, 'utf8').toString('base64')}`,
    clientId: connection.clientId,
    Accept: `application/vnd.connectwise.com+json; version=${CW_API_VERSION}`,
    'Content-Type': 'application/json',
  };
}

/** A value for `conditions`: a double-quoted string with \ and " escaped. */
export function cwString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

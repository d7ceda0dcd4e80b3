// Vendor tokens recognisable by their documented prefix and shape, wherever they appear (issue 14): the
// formats secretlint's recommended preset knows (Docker Hub, Shopify, Linear, Groq, Vault, Tailscale,
// Grafana, Databricks, Figma, Notion, Cloudflare, Vercel, 1Password…), and ones MSPs paste that it does not
// (Meraki, Duo, IT Glue, Twilio, Mailgun, Atlassian, Postman). Written here rather than running secretlint
// at run time: its rules report ranges through a linting pipeline (async, per file, with config loading)
// too heavy for every chat message; the tests run secretlint over the corpus as a second opinion.
import type { Rule } from './rule';
import { fixedRule, patternRule } from './rule';
import type { SecretKind } from './types';

// Start only where a token starts (letters, digits, _ and - continue a token).
const TB = String.raw`(?<![A-Za-z0-9_-])`;
const END = String.raw`(?![A-Za-z0-9_-])`;
const re = (source: string) => new RegExp(source, 'dg');

/** One prefixed token format: the prefix is the needle, the whole token the secret. */
function token(prefix: string, body: string, kind: SecretKind, label: string, needle = prefix): Rule {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return fixedRule(re(`${TB}(${escaped}${body})${END}`), [needle.toLowerCase()], 90, kind, label);
}

const hasDigit = (v: string) => /\d/.test(v);

export const VENDOR_RULES: readonly Rule[] = [
  token('dckr_pat_', '[A-Za-z0-9_-]{27,64}', 'token', 'Docker Hub access token'),
  token('dckr_oat_', '[A-Za-z0-9_-]{27,64}', 'token', 'Docker Hub organization token'),
  fixedRule(
    re(`${TB}(shp(?:at|ca|pa|ss)_[A-Fa-f0-9]{32,64})${END}`),
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    90,
    'token',
    'Shopify access token',
  ),
  token('lin_api_', '[A-Za-z0-9_]{32,128}', 'api_key', 'Linear API key'),
  token('lin_oauth_', '[A-Za-z0-9_]{32,128}', 'token', 'Linear OAuth token'),
  token('gsk_', '[A-Za-z0-9]{52}', 'api_key', 'Groq API key'),
  fixedRule(
    re(`${TB}(hv[sbr]\\.[A-Za-z0-9_-]{90,300})${END}`),
    ['hvs.', 'hvb.', 'hvr.'],
    90,
    'token',
    'HashiCorp Vault token',
  ),
  // Vault's older service tokens: "s." and 24 characters; only where Vault is named, "s.xxx" is common.
  patternRule({
    re: /(?:vault|x-vault-token)[\w\s"':=>-]{0,40}?(?<![A-Za-z0-9_.-])(s\.[A-Za-z0-9]{24})(?![A-Za-z0-9])/dgi,
    needles: ['vault'],
    priority: 85,
    groups: [1],
    judge: (v) => (hasDigit(v) ? { kind: 'token', label: 'HashiCorp Vault token' } : null),
  }),
  fixedRule(
    re(`${TB}(tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60})(?![0-9A-Za-z_])`),
    ['tskey-'],
    90,
    'api_key',
    'Tailscale key',
  ),
  fixedRule(
    re(String.raw`(?<![A-Za-z0-9_-])(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])`),
    ['glc_'],
    90,
    'token',
    'Grafana Cloud token',
  ),
  token('glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', 'token', 'Grafana service account token'),
  fixedRule(re(`${TB}(dapi[a-f0-9]{32}(?:-\\d)?)(?![A-Za-z0-9])`), ['dapi'], 90, 'token', 'Databricks token'),
  token('figd_', '[A-Za-z0-9_-]{40,200}', 'token', 'Figma token'),
  token('ntn_', '[0-9]{11}[A-Za-z0-9]{35}', 'token', 'Notion token'),
  fixedRule(
    re(`${TB}((?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9])`),
    ['cfk_', 'cfut_', 'cfat_'],
    90,
    'token',
    'Cloudflare token',
  ),
  fixedRule(
    re(`${TB}((?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60})(?![A-Za-z0-9])`),
    ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    90,
    'token',
    'Vercel token',
  ),
  fixedRule(
    re(String.raw`(?<![A-Za-z0-9_-])(ops_ey[A-Za-z0-9+/=]{100,1280})(?![A-Za-z0-9+/=])`),
    ['ops_ey'],
    90,
    'token',
    '1Password service account token',
  ),
  token('pypi-', 'AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}', 'token', 'PyPI token'),
  fixedRule(re(`${TB}(PMAK-[a-f0-9]{24}-[a-f0-9]{34})${END}`), ['pmak-'], 90, 'api_key', 'Postman API key'),
  token('ATATT3', '[A-Za-z0-9_=-]{100,300}', 'token', 'Atlassian API token'),
  fixedRule(
    re(`${TB}(ITG\\.[a-f0-9]{32}\\.[A-Za-z0-9_-]{40,100})${END}`),
    ['itg.'],
    90,
    'api_key',
    'IT Glue API key',
  ),
  // Twilio API key secrets (SK…); account SIDs (AC…) are identifiers and stay.
  fixedRule(re(`${TB}(SK[a-f0-9]{32})${END}`), ['sk'], 70, 'api_key', 'Twilio API key'),
  fixedRule(re(`${TB}(key-[a-f0-9]{32})${END}`), ['key-'], 80, 'api_key', 'Mailgun API key'),
  token('sl.', '[A-Za-z0-9_-]{130,1400}', 'token', 'Dropbox access token'),
  fixedRule(
    re(`${TB}(A3T[A-Z0-9]{17}|(?:AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16})(?![A-Z0-9])`),
    ['a3t', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva'],
    80,
    'aws_key',
    'AWS key ID',
  ),
  // Duo Admin/Auth API: the integration key names the app (DI + 18), the secret key (40) is the secret.
  patternRule({
    re: /\b(?:skey|secret[ _-]?key|duo[ _-]?secret)\b["']?[ \t]{0,10}[:=][ \t]{0,10}["']?([A-Za-z0-9]{40})(?![A-Za-z0-9])/dgi,
    needles: ['skey', 'secret', 'duo'],
    priority: 80,
    groups: [1],
    judge: (v) => (hasDigit(v) && /[A-Za-z]/.test(v) ? { kind: 'secret', label: 'Duo secret key' } : null),
  }),
  // Meraki Dashboard API keys: 40 hex characters next to the word Meraki or its header.
  patternRule({
    re: /meraki[\w\s"':=>.-]{0,60}?(?<![A-Fa-f0-9])([a-f0-9]{40})(?![A-Fa-f0-9])/dgi,
    needles: ['meraki'],
    priority: 85,
    groups: [1],
    judge: (v) => (/[a-f]/i.test(v) && hasDigit(v) ? { kind: 'api_key', label: 'Meraki API key' } : null),
  }),
];

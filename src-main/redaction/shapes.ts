// Secrets recognisable by their shape alone, wherever they appear: vendor-prefixed keys and tokens, JWTs,
// private key blocks, BitLocker recovery keys, webhook URLs. These win over the context rules on overlap
// because they name the secret precisely ("GitHub token" rather than "password").
import { isPlaceholder } from './classify';
import type { Rule } from './rule';
import { fixedRule } from './rule';

// Start only where a token starts, so a long run of token characters is scanned once, not once per position.
const TB = String.raw`(?<![A-Za-z0-9_-])`;
const re = (source: string, flags = 'dg') => new RegExp(source, flags);
const mixed = (v: string) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
const hasLetterAndDigit = (v: string) => /[A-Za-z]/.test(v) && /\d/.test(v);

// One line of key material: Base64 (also with "\n" spelled out, as in JSON) or a PEM header like DEK-Info.
const KEY_LINE = /[ \t]*(?:(?:[A-Za-z0-9+/=]|\\n)*|[A-Za-z-]{1,40}: [^\r\n]*)[ \t\r]*(?:\n|$)/y;

/** End of the run of key-material lines starting at from: where a truncated key body stops. */
function keyLinesEnd(text: string, from: number): number {
  let at = from;
  KEY_LINE.lastIndex = at;
  while (at < text.length && KEY_LINE.test(text)) at = KEY_LINE.lastIndex;
  return at;
}

function onOneLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return false;
  return true;
}

const BEGIN_PRIVATE = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/** PEM/OpenSSH/PGP private keys: the body goes, the BEGIN/END lines stay so the reader knows what it was. */
const privateKeyBlock: Rule = {
  needles: ['private key'],
  find(text, out) {
    BEGIN_PRIVATE.lastIndex = 0;
    let endMarker = -2; // next "-----END" at or after the current body; -1 once none is left (found once, reused)
    for (let m = BEGIN_PRIVATE.exec(text); m !== null; m = BEGIN_PRIVATE.exec(text)) {
      const bodyStart = m.index + m[0].length;
      if (endMarker !== -1 && endMarker < bodyStart) endMarker = text.indexOf('-----END', bodyStart);
      // The body runs to END, or, for a truncated paste, over the key-like lines after BEGIN — not into an
      // unrelated key's END further down. A key flattened onto one line ends at the END on that line.
      const keyEnd = keyLinesEnd(text, bodyStart);
      let end =
        endMarker !== -1 && (endMarker <= keyEnd || onOneLine(text, bodyStart, endMarker))
          ? endMarker
          : keyEnd;
      let start = bodyStart;
      while (start < end && (/\s/.test(text.charAt(start)) || text.startsWith('\\n', start)))
        start += text.charAt(start) === '\\' ? 2 : 1;
      while (end > start && /\s/.test(text.charAt(end - 1))) end--;
      if (text.endsWith('\\n', end)) end -= 2;
      if (end > start && !isPlaceholder(text.slice(start, end)))
        out.push({ kind: 'private_key', label: 'Private key', start, end, priority: 100 });
      BEGIN_PRIVATE.lastIndex = Math.max(BEGIN_PRIVATE.lastIndex, end);
    }
  },
};

const PUTTY_PRIVATE = /^Private-Lines:[ \t]*(\d{1,3})[ \t]*\r?\n/gm;

/** PuTTY .ppk files carry the private part as N base64 lines after "Private-Lines: N". */
const puttyKey: Rule = {
  needles: ['private-lines:'],
  find(text, out) {
    PUTTY_PRIVATE.lastIndex = 0;
    for (let m = PUTTY_PRIVATE.exec(text); m !== null; m = PUTTY_PRIVATE.exec(text)) {
      const start = m.index + m[0].length;
      let end = start;
      for (let line = 0; line < Number(m[1]) && end < text.length; line++) {
        const nl = text.indexOf('\n', end);
        end = nl === -1 ? text.length : nl + 1;
      }
      while (end > start && /\s/.test(text.charAt(end - 1))) end--;
      if (end > start && !isPlaceholder(text.slice(start, end)))
        out.push({ kind: 'private_key', label: 'PuTTY private key', start, end, priority: 100 });
    }
  },
};

export const SHAPE_RULES: readonly Rule[] = [
  privateKeyBlock,
  puttyKey,
  fixedRule(re(`${TB}(sk-ant-[A-Za-z0-9_-]{20,300})`), ['sk-ant-'], 91, 'anthropic_key'),
  // Legacy sk-… and project/service-account keys; random keys mix cases and digits, "sk-" words do not.
  fixedRule(
    re(`${TB}(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300})`),
    ['sk-'],
    90,
    'openai_key',
    undefined,
    mixed,
  ),
  fixedRule(
    re(String.raw`(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])`),
    ['akia', 'asia'],
    90,
    'aws_key',
    'AWS access key ID',
  ),
  fixedRule(
    re(`${TB}((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,251})`),
    ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    90,
    'github_token',
  ),
  fixedRule(
    re(`${TB}(xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\\d-[A-Za-z0-9-]{10,250})`),
    ['xox', 'xapp-'],
    90,
    'slack_token',
  ),
  fixedRule(
    re(`${TB}((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,250}|whsec_[A-Za-z0-9]{24,250})`),
    ['_live_', '_test_', 'whsec_'],
    90,
    'stripe_key',
  ),
  fixedRule(re(`${TB}(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])`), ['aiza'], 90, 'google_api_key'),
  fixedRule(re(`${TB}(ya29\\.[0-9A-Za-z_-]{20,2048})`), ['ya29.'], 90, 'token', 'Google OAuth access token'),
  fixedRule(
    re(`${TB}(GOCSPX-[A-Za-z0-9_-]{20,40})`),
    ['gocspx-'],
    90,
    'client_secret',
    'Google OAuth client secret',
  ),
  fixedRule(re(`${TB}(glpat-[A-Za-z0-9_-]{20,100})`), ['glpat-'], 90, 'token', 'GitLab token'),
  fixedRule(re(`${TB}(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])`), ['npm_'], 90, 'token', 'npm token'),
  fixedRule(re(`${TB}(hf_[A-Za-z0-9]{30,40})(?![A-Za-z0-9])`), ['hf_'], 90, 'token', 'Hugging Face token'),
  fixedRule(
    re(`${TB}(SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64})`),
    ['sg.'],
    90,
    'api_key',
    'SendGrid API key',
  ),
  // Microsoft Entra (Azure AD) app secrets: three characters, a digit, "Q~", then 31–34 more.
  fixedRule(
    re(String.raw`(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`),
    ['q~'],
    90,
    'client_secret',
    'Microsoft Entra client secret',
  ),
  fixedRule(
    re(`${TB}(eyJ[A-Za-z0-9_-]{8,8192}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{0,8192})`),
    ['eyj'],
    85,
    'jwt',
  ),
  // 48 digits in 8 groups of 6 is distinctive enough; the mod-11 check is skipped so a mistyped key still hides.
  fixedRule(re(String.raw`(?<![\d-])(\d{6}(?:-\d{6}){7})(?![\d-])`), ['-'], 90, 'bitlocker_key'),
  // Incoming-webhook URLs are credentials in themselves: keep the host, hide the path that grants access.
  fixedRule(
    re(String.raw`https://hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{20,300})`, 'dgi'),
    ['hooks.slack.com'],
    80,
    'webhook_url',
    'Slack webhook URL',
  ),
  fixedRule(
    re(
      String.raw`https://[\w.-]{1,100}\.webhook\.office\.com/(?:webhookb2|IncomingWebhook)/([^\s"'<>[\]]{20,600})`,
      'dgi',
    ),
    ['webhook.office.com'],
    80,
    'webhook_url',
    'Microsoft Teams webhook URL',
  ),
  fixedRule(
    re(
      String.raw`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/([^\s"'<>[\]]{20,300})`,
      'dgi',
    ),
    ['discord'],
    80,
    'webhook_url',
    'Discord webhook URL',
  ),
  // ConnectWise Manage API credentials as they look before Base64: companyId+publicKey:privateKey.
  fixedRule(
    re(String.raw`(?<![\w+.-])[A-Za-z0-9_-]{2,40}\+[A-Za-z0-9]{8,40}:([A-Za-z0-9]{8,40})(?![\w])`),
    ['+'],
    75,
    'connectwise_key',
    undefined,
    hasLetterAndDigit,
  ),
];

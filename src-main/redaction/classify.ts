// Deciding whether a `name = value` pair holds a secret: the name says what kind, the value must not be
// a placeholder, a mask, a variable, code, or prose. Kept separate from the patterns so both stay readable.
import type { SecretKind } from './types';

export interface KeyClass {
  kind: SecretKind;
  label: string;
  /** Human-chosen (passwords, passphrases): any non-trivial value counts. Otherwise it must look random. */
  humanChosen: boolean;
  /** "pass"/"pw" also mean pass/fail or pixel widths, so their values need a little more evidence. */
  weak: boolean;
}

/** "DB_PASSWORD" → [db, password]; "SMTPPassword" → [smtp, password]; "x-api-key" → [x, api, key]. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const PASSWORD_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pswd',
  'passphrase',
  'passcode',
  'passwort',
  'kennwort',
  'pass',
  'pw',
  'passin',
  'passout',
]);
const WEAK_WORDS = new Set(['pass', 'pw']);
// A leading word that turns the name into a setting about the secret: `PasswordNeverExpires` is handled
// by the last word, these by the first (`CannotChangePassword`, `--ask-pass`, `nextPageToken`).
const SETTING_PREFIXES = new Set(
  'no ask prompt use require requires reset forgot forgotten cannot must show hide min max allow enable disable next page continuation sync expire expired'.split(
    ' ',
  ),
);
const API_KEY_SUFFIXES = [
  'apikey',
  'subscriptionkey',
  'functionskey',
  'functionkey',
  'appkey',
  'accesskey',
  'authkey',
  'clientkey',
  'integrationkey',
];
const SECRET_KEY_SUFFIXES = ['secretkey', 'masterkey', 'encryptionkey', 'signingkey'];

const cls = (kind: SecretKind, label: string, humanChosen = false, weak = false): KeyClass => ({
  kind,
  label,
  humanChosen,
  weak,
});

// Logs repeat the same few names thousands of times; remember the answers (bounded, cleared when full).
const classCache = new Map<string, KeyClass | null>();

/** What kind of secret a setting/field/flag/header name holds, or null when it holds none. */
export function classifyKey(key: string): KeyClass | null {
  const cached = classCache.get(key);
  if (cached !== undefined) return cached;
  if (classCache.size >= 2048) classCache.clear();
  const k = classifyUncached(key);
  classCache.set(key, k);
  return k;
}

function classifyUncached(key: string): KeyClass | null {
  const words = keyWords(key);
  const first = words[0];
  const last = words.at(-1);
  if (first === undefined || last === undefined) return null;
  if (words.length > 1 && SETTING_PREFIXES.has(first)) return null;
  const joined = words.join('');
  const has = (w: string) => words.includes(w);

  if (joined === 'keymaterial' || joined === 'psk' || joined.endsWith('wpapsk'))
    return cls('wifi_key', 'Wi-Fi key', true);
  if ((has('wpa') || has('wifi') || has('wlan')) && (PASSWORD_WORDS.has(last) || last === 'key'))
    return cls('wifi_key', 'Wi-Fi key', true);
  if (joined.endsWith('presharedkey') || (words.length > 1 && last === 'psk'))
    return cls('psk', 'Pre-shared key', true);
  if (last === 'community' || joined.endsWith('communitystring'))
    return cls('snmp_community', 'SNMP community string', true);
  if (joined.endsWith('secretaccesskey') || (has('aws') && has('secret')))
    return cls('aws_key', 'AWS secret access key');
  if (has('aws') && last === 'token') return cls('aws_key', 'AWS session token');
  // One lower-case run ("dbpassword", "smtppasswd", "clientsecret"): the ending says what it holds.
  const runOn = /(?:password|passwd|passphrase|passcode)$/.test(last) && last.length > 8;
  if (PASSWORD_WORDS.has(last) || runOn) return cls('password', 'Password', true, WEAK_WORDS.has(last));
  if (last === 'secret' || last === 'secrets' || (last.endsWith('secret') && last.length > 6)) {
    return has('client') ||
      has('consumer') ||
      has('app') ||
      has('application') ||
      /^(?:client|app)/.test(last)
      ? cls('client_secret', 'Client secret', true)
      : cls('secret', 'Secret', true);
  }
  if (joined.endsWith('accountkey') || joined.endsWith('storagekey'))
    return cls('azure_key', 'Azure storage key');
  if (joined.endsWith('sharedaccesskey')) return cls('azure_key', 'Azure shared access key');
  if (joined === 'sig') return cls('sas_token', 'SAS signature');
  if (joined.endsWith('token') || joined.endsWith('tokens') || last === 'pat')
    return cls('token', 'Access token');
  if (joined.endsWith('privatekey')) return cls('private_key', 'Private key');
  if (API_KEY_SUFFIXES.some((s) => joined.endsWith(s))) return cls('api_key', 'API key');
  if (SECRET_KEY_SUFFIXES.some((s) => joined.endsWith(s))) return cls('secret', 'Secret key');
  return null;
}

// Masks, placeholders, template/variable references and literals that stand for "no secret here".
const PLACEHOLDER = new RegExp(
  [
    String.raw`\[REDACTED[^\]]*\]`,
    String.raw`<[^<>]*>`,
    String.raw`\([A-Za-z _:-]*\)`,
    String.raw`\[[A-Za-z _:-]*\]`,
    String.raw`\{\{[^}]*\}\}`,
    String.raw`\{[A-Za-z_][\w.-]*\}`,
    String.raw`\$\{[^}]*\}`,
    String.raw`\$\(.*`,
    String.raw`%[\w.-]+%`,
    String.raw`\$env:[\w.]+`,
    String.raw`\$[A-Za-z_][\w.:]*`,
    String.raw`[*xX•#._-]{3,}`,
    String.raw`…`,
    String.raw`your[_ -]?(?:password|pass|pwd|secret|token|key|api[_ -]?key)(?:[_ -]?here)?`,
    String.raw`(?:null|nil|none|undefined|true|false|yes|no|on|off|n/a|empty|hidden|masked|redacted|removed|not set|unset)`,
  ].join('|'),
  'i',
);
const PLACEHOLDER_FULL = new RegExp(`^(?:${PLACEHOLDER.source})[.,;]?$`, 'i');

// Words that make "password: …" a sentence or a type annotation rather than a value.
const STOP_WORDS = new Set(
  `is was has have had will would should must can cannot could may might not never expires expired expiring
  required optional reset changed updated set ok okay incorrect invalid wrong missing blank same unchanged sent
  see stored saved the a an your my our their for from to in on of with by and or too does did needs need
  policy length complexity mismatch accepted rejected denied failed succeeded please enter prompt prompted
  string str text bytes char int number boolean bool object any securestring pscredential`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

// Words that make a multi-word value a status message ("passwd: all authentication tokens updated
// successfully") rather than a passphrase, wherever they appear in it.
const STATUS_WORDS = new Set(
  'updated changed expired expires successfully failed required incorrect invalid reset missing denied accepted rejected attempts must should cannot not never'.split(
    ' ',
  ),
);

/** Code where a value would be: calls, sub-expressions, dotted member access, PowerShell cmdlets. */
function looksLikeCode(v: string): boolean {
  return (
    v.startsWith('(') ||
    /^[A-Za-z_$][\w.$]*[([]/.test(v) ||
    /^[a-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+;?$/.test(v) ||
    /^(?:Get|Read|ConvertTo|ConvertFrom|New|Import|Export|Invoke|Select)-[A-Za-z]+$/i.test(v) ||
    /(?:^|\.)(?:Secure)?String$/.test(v)
  );
}

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_FULL.test(value.trim());
}

/** A human-chosen secret (password, passphrase): reject placeholders, prose and code, allow anything else. */
export function plausiblePassword(value: string, weak = false): boolean {
  const v = value.trim();
  if (v.length < 3 || isPlaceholder(v) || looksLikeCode(v)) return false;
  const firstWord = (v.split(/\s/)[0] ?? '').toLowerCase().replace(/[.,:;!?]+$/, '');
  if (STOP_WORDS.has(firstWord)) return false;
  const words = v.toLowerCase().split(/\s+/);
  if (words.length > 2 && words.some((w) => STATUS_WORDS.has(w.replace(/[^a-z]/g, '')))) return false;
  if (weak && (v.length < 4 || /^\d+$/.test(v))) return false;
  return true;
}

/** A generated credential (token, API key): long, no spaces, and mixed like random output rather than a word. */
export function plausibleToken(value: string, minLength = 8): boolean {
  const v = value.trim();
  if (v.length < minLength || /\s/.test(v) || isPlaceholder(v) || looksLikeCode(v)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) && !/\d/.test(v)) return false; // YOUR_API_KEY-style names
  const letters = /[A-Za-z]/.test(v);
  const digits = /\d/.test(v);
  return (letters && digits) || (v.length >= 16 && /[a-z]/.test(v) && /[A-Z]/.test(v));
}

export function plausibleFor(k: KeyClass, value: string): boolean {
  return k.humanChosen ? plausiblePassword(value, k.weak) : plausibleToken(value);
}

// `name = value` in all the forms technicians paste: .env and INI lines, YAML, JSON, log fields, URL query
// strings, ADO/ODBC connection strings, command-line flags (--password x, -Password "x", /pass:x), XML
// elements and appSettings, `reg query` output and netsh's "Key Content". The name decides the kind
// (classify.ts), the value must be plausible for it.
import type { KeyClass } from './classify';
import { classifyKey, isPlaceholder, keyWords, plausibleFor } from './classify';
import type { Rule, Verdict } from './rule';
import { lineAt, patternRule } from './rule';
import { KIND_INFO } from './types';

// Only names containing one of these can classify, so other identifiers fail fast inside the regex.
const hint = (nameChars: string) =>
  String.raw`(?=${nameChars}{0,60}?(?:pass|pw|secret|token|key|sig|psk|pat|wort|communit))`;

// Two phases: find `name<sep>` cheaply, classify the name, and only then read a value at that spot
// (sticky regex). Values of names that classify as nothing are never scanned, which keeps 100k "key="
// linear and cheap.
const NAME = new RegExp(
  String.raw`(?<![\w.-])(--?|/)?` + // 1: flag prefix
    hint(String.raw`[\w.-]`) +
    String.raw`([A-Za-z_][\w.-]{0,60})(["']?)` + // 2: name, 3: closing quote of a quoted name
    String.raw`(?:[ \t]{0,40}(:=|=>|[:=])[ \t]{0,3}|([ \t]{1,3}))`, // 4: separator, 5: blank separator
  'gi',
);
// 1: quoted with escaped quotes (text that is itself inside a JSON string: `pw \\"x\\"`), 2: double-quoted
// (JSON escapes allowed), 3: single-quoted, 4: bare. A bare value runs to a blank or quote; , ; & end it
// only when the next `name=` follows, so "Tr0ub4dor&3" stays whole but "…;Server=" splits.
const VALUE =
  /\\"((?:[^"\\\r\n]|\\[^"\r\n]){1,1024}?)\\"|"((?:[^"\\\r\n]|\\.){1,1024})"|'([^'\r\n]{1,1024})'|["'\x60]?((?:[^\s"'\x60\\,;&<>]|\\(?!")|[,;&](?![ \t]*[\w.-]{1,40}[ \t]*=)){1,512})/y;

const CONNECTION_FIELDS =
  /\b(?:server|data source|host|hostname|initial catalog|database|uid|user id|username|user|provider|driver|dsn|address|addr)[ \t]*=/i;

/** Whether the field at nameStart..end sits in an ADO/ODBC/JDBC-style `k=v;k=v` string. The `;` check
 * next to the field comes first: it is O(1), and the line lookup only runs when it passes. */
function inConnectionString(text: string, nameStart: number, end: number): boolean {
  if (text[nameStart - 1] !== ';' && text[end] !== ';') return false;
  return CONNECTION_FIELDS.test(lineAt(text, nameStart, 400));
}

/** Only indentation, list/quote/comment markers between the line start and index (walks back, stops early). */
function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (ch === '\n') return true;
    if (!' \t>#*"\'-'.includes(ch)) return false;
  }
  return true;
}

/** End of the line from `from`, without trailing blanks, at most 512 characters on. */
function endOfLine(text: string, from: number): number {
  let end = from;
  const limit = Math.min(text.length, from + 512);
  while (end < limit && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > from && /[ \t]/.test(text.charAt(end - 1))) end--;
  return end;
}

function verdictFor(
  k: KeyClass,
  text: string,
  start: number,
  end: number,
  name: string,
  nameStart: number,
): Verdict | null {
  const value = text.slice(start, end);
  if (!plausibleFor(k, value)) return null;
  // "public" is the community every device ships with: naming it leaks nothing.
  if (k.kind === 'snmp_community' && /^public$/i.test(value)) return null;
  // $PWD/OLDPWD in an environment dump is the working directory, not a password.
  if (/^(?:~?\/|[A-Za-z]:\\|\\\\)/.test(value) && keyWords(name).join('') === 'pwd') return null;
  if (k.kind === 'password' && inConnectionString(text, nameStart, end))
    return { kind: 'connection_string', start, end };
  return { kind: k.kind, label: k.label, start, end };
}

function judgeAssignment(text: string, m: RegExpExecArray): Verdict | null {
  const prefix = m[1];
  const name = m[2] ?? '';
  const sep = m[4];
  const blank = m[5];
  const k = classifyKey(name);
  if (!k) return null;
  VALUE.lastIndex = m.index + m[0].length;
  const v = VALUE.exec(text);
  if (!v) return null;
  const quoted = v[1] ?? v[2] ?? v[3];
  const value = quoted ?? v[4] ?? '';
  // "the password has expired": a bare blank separates a name from a value only for flags or quoted values.
  if (blank !== undefined && (prefix === undefined || prefix === '/') && quoted === undefined) return null;
  if (prefix !== undefined && quoted === undefined && value.startsWith('-')) return null;
  let start = v.index + (quoted !== undefined ? (v[1] !== undefined ? 2 : 1) : v[0].length - value.length);
  // A dangling , ; & at the end of a bare value is punctuation.
  let end = start + (quoted !== undefined ? value.length : value.replace(/[,;&]+$/, '').length);
  // openssl -passin pass:secret / env:VAR / file:path — only the pass: form carries the secret itself.
  if (/^pass(?:in|out)?$/i.test(name)) {
    if (/^(?:env|file|fd|stdin):/i.test(value)) return null;
    if (value.startsWith('pass:')) start += 5;
  }
  // "Password: correct horse battery staple" on its own line: passphrases have spaces, take the line.
  if (
    k.humanChosen &&
    sep === ':' &&
    quoted === undefined &&
    prefix === undefined &&
    startsLine(text, m.index)
  )
    end = endOfLine(text, start);
  return verdictFor(k, text, start, end, name, m.index);
}

const assignment: Rule = {
  needles: ['pass', 'pw', 'secret', 'token', 'key', 'sig', 'psk', 'pat', 'wort', 'communit'],
  find(text, out) {
    NAME.lastIndex = 0;
    for (let m = NAME.exec(text); m !== null; m = NAME.exec(text)) {
      const v = judgeAssignment(text, m);
      if (!v || v.start === undefined || v.end === undefined || v.end <= v.start) continue;
      out.push({
        kind: v.kind,
        label: v.label ?? KIND_INFO[v.kind].label,
        start: v.start,
        end: v.end,
        priority: 50,
      });
      NAME.lastIndex = Math.max(NAME.lastIndex, v.end);
    }
  },
};

/** Rules where the name and the value are found by a regex and the name is classified like an assignment. */
function namedValue(
  source: string,
  flags: string,
  nameGroup: number,
  valueGroups: number[],
  needles: string[],
): Rule {
  return patternRule({
    re: new RegExp(source, flags),
    needles,
    priority: 55,
    groups: valueGroups,
    judge: (value, m, text, start) => {
      const name = (m[nameGroup] ?? '').replace(/^.*:/, ''); // drop an XML namespace prefix
      const k = classifyKey(name);
      return k ? verdictFor(k, text, start, start + value.length, name, m.index) : null;
    },
  });
}

// Two-word labels as people type them: "private key: …", "shared secret = …", "app password: …".
const LABEL_FIRST =
  'api|private|secret|access|client|shared|app|application|auth|recovery|master|encryption|integration|admin|enable|bind|service|smtp|vpn|wifi|wi-fi|root';
const LABEL_LAST = 'key|secret|token|password|passphrase|psk';

export const ASSIGNMENT_RULES: readonly Rule[] = [
  assignment,
  namedValue(
    String.raw`\b((?:${LABEL_FIRST})[ \t]+(?:${LABEL_LAST}))[ \t]*[:=][ \t]*(?:"([^"\r\n]{1,512})"|'([^'\r\n]{1,512})'|([^\s"']{3,512}))`,
    'dgi',
    1,
    [2, 3, 4],
    ['key', 'secret', 'token', 'pass', 'psk'],
  ),
  // <Password>…</Password>, <keyMaterial>…</keyMaterial> (exported Wi-Fi profiles), <ApiKey>…</ApiKey>
  namedValue(
    String.raw`<${hint(String.raw`[\w:.-]`)}([A-Za-z][\w:.-]{0,60})(?:[ \t][^<>\r\n]{0,200})?>([^<\r\n]{1,1024})</\1>`,
    'dgi',
    1,
    [2],
    ['<'],
  ),
  // .NET appSettings: <add key="SmtpPassword" value="…" />
  namedValue(
    String.raw`\b(?:key|name)[ \t]*=[ \t]*(["'])([^"'\r\n]{1,100})\1[ \t]+value[ \t]*=[ \t]*(?:"([^"\r\n]{1,1024})"|'([^'\r\n]{1,1024})')`,
    'dgi',
    2,
    [3, 4],
    ['value'],
  ),
  // reg query …\Winlogon /v DefaultPassword →    DefaultPassword    REG_SZ    S3cret
  namedValue(
    String.raw`^[ \t]*([\w.-]{1,80})[ \t]+REG_(?:SZ|EXPAND_SZ)[ \t]+([^\r\n]{0,511}\S)`,
    'dgm',
    1,
    [2],
    ['reg_'],
  ),
  // unattend.xml: <AdministratorPassword><Value>…</Value> (Base64 when PlainText is false — still the password).
  patternRule({
    re: /<(\w{0,40}Password)>\s{0,200}<Value>([^<]{1,1024})<\/Value>/dgi,
    needles: ['<value>'],
    priority: 55,
    groups: [2],
    judge: (value) => (isPlaceholder(value) ? null : { kind: 'password', label: 'Password (unattend.xml)' }),
  }),
  // netsh wlan show profile name=… key=clear →    Key Content            : the passphrase
  patternRule({
    re: /^[ \t]*Key Content[ \t]*:[ \t]*([^\r\n]{0,255}\S)/dgim,
    needles: ['key content'],
    priority: 60,
    groups: [1],
    judge: (value) => (isPlaceholder(value) ? null : { kind: 'wifi_key', label: 'Wi-Fi key (netsh)' }),
  }),
];

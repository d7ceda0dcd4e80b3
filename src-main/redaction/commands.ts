// Secrets identified by the syntax around them: HTTP auth headers, credentials in URLs, and passwords on
// command lines (PowerShell, net user/use, mysql, sqlcmd, curl, psexec, schtasks, Cisco IOS). Passwords in
// sentences are in prose.ts, more command lines in shell.ts.
import { isPlaceholder, plausiblePassword, plausibleToken } from './classify';
import type { Rule, Verdict } from './rule';
import { lineAt, patternRule } from './rule';
import type { SecretKind } from './types';

const re = (source: string, flags = 'dg') => new RegExp(source, flags);
const DQ = String.raw`"([^"\r\n]{1,256})"`;
const SQ = String.raw`'([^'\r\n]{1,256})'`;
const PATH_LIKE = /^(?:~?\/|\.{1,2}[\\/]|[A-Za-z]:[\\/]|\\\\)/;

/** A password-on-the-command-line rule, active only when the line names one of the given programs. */
export function commandPassword(
  needles: string[],
  source: string,
  flags: string,
  groups: number[],
  programs: RegExp | null,
  label: string,
): Rule {
  return patternRule({
    re: re(source, flags),
    needles,
    priority: 60,
    groups,
    judge: (value, _m, text, start) => {
      const line = lineAt(text, start);
      if (programs && !programs.test(line)) return null;
      // -p also means port (ssh, docker -p 8080:80) and parents (mkdir -p /x): those values are not secrets.
      if (/^\d{1,5}(?::\d{1,5})+(?:\/\w+)?$/.test(value) || PATH_LIKE.test(value)) return null;
      if (/^\d{1,5}$/.test(value)) return null;
      // "<hash from your config>": a guide's stand-in, not a value.
      if (/^<[A-Za-z]/.test(value)) return null;
      return plausiblePassword(value) ? { kind: 'password', label } : null;
    },
  });
}

const AUTH_SCHEMES: Record<string, SecretKind> = { bearer: 'bearer', basic: 'basic_auth' };

/** Decoded Basic credentials in ConnectWise's companyId+publicKey:privateKey form get a precise label. */
function basicLabel(value: string): string {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[^\s:+]{1,64}\+[^\s:]{1,64}:\S+$/.test(decoded)
    ? 'ConnectWise API credentials (Basic)'
    : 'Basic auth credentials';
}

const DATA_SCHEMES =
  /^(?:jdbc:)?(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|redis|rediss|amqps?|mqtts?|smtps?|submission|imaps?|pop3s?|ldaps?|kafka|nats|couchdb|neo4j|clickhouse|oracle|sftp|ftps?)$/i;

export const COMMAND_RULES: readonly Rule[] = [
  // Authorization: Bearer …, Basic …, token …; also inside curl -H "…" and JSON/hashtable header maps.
  patternRule({
    re: re(
      String.raw`(?<![\w-])(?:Proxy-)?Authorization["']?[ \t]*[:=][ \t]*["']?(?:(Bearer|Basic|Token|SSWS|SharedKey|Negotiate|NTLM|ApiKey|Splunk|OAuth)[ \t]+)?([A-Za-z0-9\-._~+/=:%]{8,4096})`,
      'dgi',
    ),
    needles: ['authorization'],
    priority: 60,
    groups: [2],
    judge: (value, m): Verdict | null => {
      if (isPlaceholder(value)) return null;
      const scheme = m[1]?.toLowerCase();
      if (scheme === undefined)
        return plausibleToken(value, 16) ? { kind: 'token', label: 'Authorization header' } : null;
      const kind = AUTH_SCHEMES[scheme] ?? 'token';
      return kind === 'basic_auth' ? { kind, label: basicLabel(value) } : { kind };
    },
  }),
  // A bearer token quoted outside a header ("using Bearer 9f8e…"): must look generated, not be a word.
  patternRule({
    re: re(String.raw`(?<![\w-])Bearer[ \t]+([A-Za-z0-9\-._~+/]{20,4096}=*)`, 'dgi'),
    needles: ['bearer'],
    priority: 40,
    groups: [1],
    judge: (value) => (plausibleToken(value, 20) ? { kind: 'bearer' } : null),
  }),
  // scheme://user:password@host — databases, brokers and mail servers count as connection strings.
  patternRule({
    re: re(
      String.raw`(?<![\w+.-])((?:jdbc:)?[a-z][a-z0-9+.-]{1,30})://[^\s:/?#@"'<>]{0,128}:([^\s/?#"'<>]{1,256})@`,
      'dgi',
    ),
    needles: ['://'],
    priority: 70,
    groups: [2],
    judge: (value, m) => {
      // Also skip "https://[REDACTED:github_token]@host" from an earlier pass: the user part was the secret.
      if (isPlaceholder(value) || m[0].includes('[REDACTED')) return null;
      return DATA_SCHEMES.test(m[1] ?? '') ? { kind: 'connection_string' } : { kind: 'url_credentials' };
    },
  }),
  // ConvertTo-SecureString "P@ss" -AsPlainText -Force, with -String/-AsPlainText/-Force in any order first.
  commandPassword(
    ['convertto-securestring'],
    String.raw`ConvertTo-SecureString(?:[ \t]+-(?:String|AsPlainText|Force)\b)*[ \t]+(?:${DQ}|${SQ})`,
    'dgi',
    [1, 2],
    null,
    'Password (PowerShell)',
  ),
  // net user bob S3cret! /add — only where the line starts with the command, so prose about it is left alone.
  commandPassword(
    ['net'],
    String.raw`(?:^|>)[ \t]*net[ \t]+user[ \t]+(?:"[^"\r\n]{1,64}"|[^\s"/]{1,64})[ \t]+(?:${DQ}|([^\s"/*]\S{0,255}))`,
    'dgim',
    [1, 2],
    null,
    'Password (net user)',
  ),
  commandPassword(
    ['net'],
    String.raw`(?:^|>)[ \t]*net[ \t]+use\b[^\r\n]{0,300}?[ \t]/u(?:ser)?:\S{1,128}[ \t]+(?:${DQ}|([^\s"/*]\S{0,255}))`,
    'dgim',
    [1, 2],
    null,
    'Password (net use)',
  ),
  commandPassword(
    ['net'],
    String.raw`(?:^|>)[ \t]*net[ \t]+use[ \t]+(?:[A-Za-z]:[ \t]+)?\\\\\S{1,250}[ \t]+(?:${DQ}|([^\s"/*]\S{0,255}))`,
    'dgim',
    [1, 2],
    null,
    'Password (net use)',
  ),
  // -p 'secret' anywhere; -pSecret only for the MySQL family and 7-Zip; -p secret only for sshpass/psexec.
  commandPassword(
    ['-p'],
    String.raw`(?<=[ \t])-p[ \t]*(?:${DQ}|${SQ})`,
    'dg',
    [1, 2],
    null,
    'Password (command line)',
  ),
  commandPassword(
    ['-p'],
    String.raw`(?<=[ \t])-p([^\s"'-]\S{0,255})`,
    'dg',
    [1],
    /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|7z|7za|7zr)\b/i,
    'Password (command line)',
  ),
  commandPassword(
    ['-p'],
    String.raw`(?<=[ \t])-p[ \t]+([^\s"'-]\S{0,255})`,
    'dg',
    [1],
    /\b(?:sshpass|psexec|psexec64|paexec)\b/i,
    'Password (command line)',
  ),
  commandPassword(
    ['-p'],
    String.raw`(?<=[ \t])-P(?!assword\b)[ \t]*(?:${DQ}|${SQ}|([^\s"'-]\S{0,255}))`,
    'dg',
    [1, 2, 3],
    /\b(?:sqlcmd|bcp|osql|zip|unzip)\b/i,
    'Password (sqlcmd)',
  ),
  commandPassword(
    ['curl'],
    String.raw`(?<=[ \t])(?:-u|--user)[ \t]+(?:"[^"\r\n:]{1,128}:([^"\r\n]{1,256})"|'[^'\r\n:]{1,128}:([^'\r\n]{1,256})'|[^\s:"']{1,128}:([^\s"']{1,256}))`,
    'dg',
    [1, 2, 3],
    /\bcurl\b/i,
    'Password (curl)',
  ),
  commandPassword(
    ['%'],
    String.raw`(?<=[ \t])(?:-U|--user(?:name)?)[ \t=]+["']?[^\s%"']{1,128}%([^\s"']{1,256})`,
    'dg',
    [1],
    null,
    'Password (smbclient)',
  ),
  commandPassword(
    ['/rp'],
    String.raw`(?<=[ \t])/RP[ \t]+(?:${DQ}|([^\s"/*]\S{0,255}))`,
    'dgi',
    [1, 2],
    /\bschtasks\b/i,
    'Password (schtasks)',
  ),
  // Cisco IOS: enable secret …, username bob privilege 15 password 0 … (type 7 is trivially reversible).
  commandPassword(
    ['secret', 'password'],
    String.raw`^[ \t]*(?:enable[ \t]+(?:secret|password)|username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]+(?:secret|password))(?:[ \t]+\d)?[ \t]+(\S{1,256})`,
    'dgim',
    [1],
    null,
    'Password (Cisco IOS)',
  ),
  commandPassword(
    ['/p:'],
    String.raw`(?<=[ \t])/p:(?:${DQ}|([^\s"]\S{0,255}))`,
    'dgi',
    [1, 2],
    /\b(?:x|w)freerdp\b|\bwlfreerdp\b/i,
    'Password (FreeRDP)',
  ),
  patternRule({
    re: re(String.raw`\bAUTH[ \t]+PLAIN[ \t]+([A-Za-z0-9+/]{8,512}={0,2})`),
    needles: ['auth plain'],
    priority: 60,
    groups: [1],
    judge: () => ({ kind: 'basic_auth', label: 'SMTP AUTH credentials' }),
  }),
];

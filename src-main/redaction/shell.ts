// More command lines that carry a password (issue 14), beside commands.ts: registry writes of Winlogon's
// DefaultPassword, Sysinternals Autologon, PuTTY's -pw, ssh-keygen passphrases, LDAP and out-of-band tools
// (ldapsearch -w, racadm -p, ipmitool -P), Oracle's user/password@db, redis-cli -a, winrs -p:, htpasswd,
// and passwords piped into passwd/chpasswd.
import { plausiblePassword } from './classify';
import { commandPassword } from './commands';
import type { Rule } from './rule';
import { patternRule } from './rule';

const DQ = String.raw`"([^"\r\n]{1,256})"`;
const SQ = String.raw`'([^'\r\n]{1,256})'`;
const BARE = String.raw`([^\s"'][^\s]{0,255})`;

export const SHELL_RULES: readonly Rule[] = [
  // reg add "HKLM\…\Winlogon" /v DefaultPassword /t REG_SZ /d "K1osk!" /f
  patternRule({
    re: /\/v[ \t]+"?\w{0,40}(?:password|passwd|pwd)\w{0,20}"?(?:[ \t]+\/t[ \t]+\w+)?[ \t]+\/d[ \t]+(?:"([^"\r\n]{1,256})"|([^\s"/]\S{0,255}))/dgi,
    needles: ['/d'],
    priority: 60,
    groups: [1, 2],
    judge: (v) => (plausiblePassword(v) ? { kind: 'password', label: 'Password (reg add)' } : null),
  }),
  // Autologon64.exe kiosk CONTOSO K1osk!Auto  (user, domain, password)
  commandPassword(
    ['autologon'],
    String.raw`(?:^|[\\/ \t>"])autologon(?:64)?(?:\.exe)?"?(?:[ \t]+-accepteula)?[ \t]+(?:"[^"\r\n]{1,64}"|[^\s"/-]\S{0,63})[ \t]+(?:"[^"\r\n]{1,64}"|\S{1,64})[ \t]+(?:${DQ}|${BARE})`,
    'dgim',
    [1, 2],
    null,
    'Password (Autologon)',
  ),
  // plink / pscp / psftp -pw X; WinSCP /password= is an assignment already.
  commandPassword(
    ['-pw'],
    String.raw`(?<=[ \t])-pw[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dgi',
    [1, 2, 3],
    /\b(?:plink|pscp|psftp|putty)(?:\.exe)?\b/i,
    'Password (PuTTY)',
  ),
  // ssh-keygen -N "new passphrase" / -P "old passphrase"
  commandPassword(
    ['ssh-keygen'],
    String.raw`(?<=[ \t])-[NP][ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    /\bssh-keygen\b/,
    'Passphrase (ssh-keygen)',
  ),
  // ldapsearch/ldapmodify/ldapadd -w X; racadm -p X; ipmitool -P X; rdesktop -p X; redis-cli -a X
  commandPassword(
    ['ldap'],
    String.raw`(?<=[ \t])-w[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    /\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn)\b/,
    'Password (LDAP bind)',
  ),
  commandPassword(
    ['racadm', 'rdesktop'],
    String.raw`(?<=[ \t])-p[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    /\b(?:racadm|rdesktop)\b/i,
    'Password (command line)',
  ),
  commandPassword(
    ['ipmitool'],
    String.raw`(?<=[ \t])-P[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    /\bipmitool\b/,
    'Password (ipmitool)',
  ),
  commandPassword(
    ['redis-cli'],
    String.raw`(?<=[ \t])-a[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    /\bredis-cli\b/,
    'Password (redis-cli)',
  ),
  // winrs -r:host -u:CONTOSO\admin -p:X cmd
  commandPassword(
    ['-p:'],
    String.raw`(?<=[ \t])[-/]p:(?:${DQ}|${BARE})`,
    'dgi',
    [1, 2],
    /\bwinrs\b/i,
    'Password (winrs)',
  ),
  // sqlplus system/Oracle123@ORCL, expdp scott/tiger@db, rman target sys/X
  commandPassword(
    ['sqlplus', 'expdp', 'impdp', 'rman', 'sqlldr'],
    String.raw`\b(?:sqlplus(?:[ \t]+-[sSlL])*|expdp|impdp|exp|imp|sqlldr|rman[ \t]+target)[ \t]+"?[\w$#]{1,64}/([^\s@/"]{1,128})(?=[@\s"]|$)`,
    'dgi',
    [1],
    null,
    'Password (Oracle)',
  ),
  // htpasswd -b[c] file user X
  commandPassword(
    ['htpasswd'],
    String.raw`\bhtpasswd[ \t]+-[a-zA-Z]*b[a-zA-Z]*[ \t]+\S+[ \t]+\S+[ \t]+(?:${DQ}|${SQ}|${BARE})`,
    'dg',
    [1, 2, 3],
    null,
    'Password (htpasswd)',
  ),
  // echo 'X' | passwd --stdin user;  echo "user:X" | chpasswd
  commandPassword(
    ['passwd'],
    String.raw`\becho[ \t]+(?:-[en][ \t]+)?(?:${DQ}|${SQ}|${BARE})[ \t]*\|[ \t]*(?:sudo[ \t]+)?passwd[ \t]+--stdin`,
    'dg',
    [1, 2, 3],
    null,
    'Password (passwd --stdin)',
  ),
  commandPassword(
    ['chpasswd'],
    String.raw`\becho[ \t]+(?:-[en][ \t]+)?["']?[\w.-]{1,64}:([^\s"']{1,128})["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd`,
    'dg',
    [1],
    null,
    'Password (chpasswd)',
  ),
];

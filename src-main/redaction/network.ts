// Secrets in network device configs and the tools around them (issue 14): VPN pre-shared keys (Cisco IOS
// and ASA, FortiGate, strongSwan, Windows), SNMP community strings and v3 passphrases, RADIUS/TACACS keys,
// SMTP AUTH exchanges and Postfix's sasl_passwd, TOTP seeds and otpauth:// URIs.
import { isPlaceholder, plausiblePassword } from './classify';
import type { Rule, Verdict } from './rule';
import { lineAt, patternRule } from './rule';
import type { SecretKind } from './types';

const re = (source: string, flags = 'dgim') => new RegExp(source, flags);
// A config value: "quoted", 'quoted' or one bare word.
const VALUE = String.raw`(?:"([^"\r\n]{1,256})"|'([^'\r\n]{1,256})'|([^\s"']{1,256}))`;
const VALUE_GROUPS = [1, 2, 3];

/** The default read-only community every device ships with: naming it leaks nothing. */
const DEFAULT_COMMUNITY = /^public$/i;

function configSecret(
  needles: string[],
  source: string,
  kind: SecretKind,
  label: string,
  groups = VALUE_GROUPS,
  accept: (value: string) => boolean = (v) => !isPlaceholder(v),
): Rule {
  return patternRule({
    re: re(source),
    needles,
    priority: 65,
    groups,
    judge: (value): Verdict | null => (accept(value) ? { kind, label } : null),
  });
}

const community = (v: string) => !isPlaceholder(v) && !DEFAULT_COMMUNITY.test(v) && v.length >= 3;
const base32Seed = (v: string) => v.replace(/[\s-]/g, '').length >= 16;

export const NETWORK_RULES: readonly Rule[] = [
  // Cisco IOS: crypto isakmp key K address 0.0.0.0; ASA/IOS: [ikev1|ikev2 …] pre-shared-key [0|6|8] K
  configSecret(
    ['isakmp key'],
    String.raw`^[ \t]*crypto[ \t]+isakmp[ \t]+key[ \t]+(?:[06][ \t]+)?${VALUE}(?=[ \t]+(?:address|hostname)\b)`,
    'psk',
    'VPN pre-shared key (Cisco)',
  ),
  configSecret(
    ['pre-shared-key'],
    String.raw`^[ \t]*(?:ikev[12][ \t]+)?(?:(?:local|remote)-authentication[ \t]+)?pre-shared-key[ \t]+(?:(?:local|remote)[ \t]+)?(?:[0-9][ \t]+)?${VALUE}[ \t]*$`,
    'psk',
    'VPN pre-shared key (Cisco)',
  ),
  // FortiGate: set psksecret K, set passphrase K (Wi-Fi), set password K, with ENC for the stored form.
  configSecret(
    ['set '],
    String.raw`^[ \t]*set[ \t]+(?:psksecret|psksecret-remote)[ \t]+(?:ENC[ \t]+)?${VALUE}[ \t]*$`,
    'psk',
    'VPN pre-shared key (FortiGate)',
  ),
  configSecret(
    ['set '],
    String.raw`^[ \t]*set[ \t]+(?:password|passwd|passphrase|secret|sae-password|auth-password|priv-password|key)[ \t]+(?:ENC[ \t]+)?${VALUE}[ \t]*$`,
    'password',
    'Password (device config)',
  ),
  // strongSwan / libreswan ipsec.secrets: [ids] : PSK "K"
  configSecret(['psk'], String.raw`:[ \t]*PSK[ \t]+${VALUE}`, 'psk', 'VPN pre-shared key (IPsec)'),
  // Windows: Add-VpnConnection … -L2tpPsk "K"; rasphone / netsh ras: shared secret.
  configSecret(
    ['psk'],
    String.raw`-L2tpPsk[ \t]+${VALUE}`,
    'psk',
    'VPN pre-shared key (Windows)',
    VALUE_GROUPS,
    (v) => !isPlaceholder(v) && !v.startsWith('$'),
  ),
  // SNMP on devices: snmp-server community C [view V] RO|RW [acl]; snmp-server host H [version 2c] C
  configSecret(
    ['snmp-server community'],
    String.raw`^[ \t]*snmp-server[ \t]+community[ \t]+${VALUE}`,
    'snmp_community',
    'SNMP community string',
    VALUE_GROUPS,
    community,
  ),
  configSecret(
    ['snmp-server host'],
    String.raw`^[ \t]*snmp-server[ \t]+host[ \t]+\S+[ \t]+(?:(?:informs|traps)[ \t]+)?(?:version[ \t]+(?:1|2c)[ \t]+)?${VALUE}`,
    'snmp_community',
    'SNMP community string',
    VALUE_GROUPS,
    community,
  ),
  // snmp-server user U G v3 auth sha A priv aes 128 P: both passphrases.
  patternRule({
    re: re(
      String.raw`^[ \t]*snmp-server[ \t]+user[ \t]+\S+[ \t]+\S+[ \t]+v3[ \t]+(?:encrypted[ \t]+)?auth[ \t]+\S+[ \t]+(\S+)(?:[ \t]+priv[ \t]+(?:\S+[ \t]+)?(?:128|192|256[ \t]+)?(\S+))?`,
    ),
    needles: ['snmp-server user'],
    priority: 65,
    groups: [1],
    judge: (v) => (isPlaceholder(v) ? null : { kind: 'password', label: 'SNMPv3 passphrase' }),
  }),
  patternRule({
    re: re(
      String.raw`^[ \t]*snmp-server[ \t]+user[ \t]+\S+[ \t]+\S+[ \t]+v3[ \t]+(?:encrypted[ \t]+)?auth[ \t]+\S+[ \t]+\S+[ \t]+priv[ \t]+\S+(?:[ \t]+(?:128|192|256))?[ \t]+(\S+)`,
    ),
    needles: ['snmp-server user'],
    priority: 65,
    groups: [1],
    judge: (v) => (isPlaceholder(v) ? null : { kind: 'password', label: 'SNMPv3 passphrase' }),
  }),
  // snmpwalk/snmpget … -c C host; SNMPv3 -A authpass -X privpass.
  patternRule({
    re: re(String.raw`(?<=[ \t])-([cAX])[ \t]*${VALUE}`, 'dg'),
    needles: ['snmp', 'check_'],
    priority: 65,
    groups: [2, 3, 4],
    judge: (value, m, text, start) => {
      if (
        !/\b(?:snmp(?:walk|get|getnext|set|bulkwalk|bulkget|table|trap|status|df|netstat|check)|check_snmp\w*)\b/i.test(
          lineAt(text, start),
        )
      )
        return null;
      if (m[1] === 'c')
        return community(value) ? { kind: 'snmp_community', label: 'SNMP community string' } : null;
      return plausiblePassword(value) ? { kind: 'password', label: 'SNMPv3 passphrase' } : null;
    },
  }),
  // RADIUS / TACACS+ shared keys on devices: radius-server key K, tacacs-server key 7 K, key K in a block.
  configSecret(
    ['radius', 'tacacs', 'key'],
    String.raw`^(?:[ \t]*(?:radius|tacacs)-server[ \t]+(?:host[ \t]+\S+[ \t]+(?:auth-port[ \t]+\d+[ \t]+acct-port[ \t]+\d+[ \t]+)?)?key|[ \t]+key)[ \t]+(?:[067][ \t]+)?${VALUE}[ \t]*$`,
    'secret',
    'RADIUS/TACACS+ shared key',
    VALUE_GROUPS,
    (v) => !isPlaceholder(v) && v.length >= 4 && !/^(?:chain|config|string|management|ring)$/i.test(v),
  ),
  // Wireless on IOS/WLC: wpa-psk ascii 0 K
  configSecret(
    ['wpa-psk'],
    String.raw`wpa-psk[ \t]+(?:ascii|hex)[ \t]+(?:[07][ \t]+)?${VALUE}`,
    'wifi_key',
    'Wi-Fi key',
  ),
  // SMTP AUTH LOGIN transcript: after "334 UGFzc3dvcmQ6" ("Password:") comes the Base64 password.
  patternRule({
    re: /334[ \t]+UGFzc3dvcmQ6[ \t]*\r?\n(?:[ \t]*(?:C:|>|<<<|>>>|->)?[ \t]*)([A-Za-z0-9+/]{4,256}={0,2})[ \t]*$/dgim,
    needles: ['ugfzc3dvcmq6'],
    priority: 65,
    groups: [1],
    judge: () => ({ kind: 'basic_auth', label: 'SMTP AUTH password (Base64)' }),
  }),
  // Postfix sasl_passwd: [smtp.example.com]:587 user@example.com:password
  patternRule({
    re: /^[ \t]*\[[\w.-]{1,253}\](?::\d{1,5})?[ \t]+[^\s:]{1,128}:(\S{1,256})[ \t]*$/dgm,
    needles: ['['],
    priority: 65,
    groups: [1],
    judge: (v) =>
      plausiblePassword(v) ? { kind: 'password', label: 'SMTP relay password (sasl_passwd)' } : null,
  }),
  // otpauth://totp/Label?secret=BASE32&issuer=… (QR code contents)
  patternRule({
    re: /otpauth:\/\/[th]otp\/[^\s?"'<>]{0,200}\?(?:[^\s#"'<>]{0,300}?&)?secret=([A-Za-z2-7]{8,128}=*)/dgi,
    needles: ['otpauth://'],
    priority: 75,
    groups: [1],
    judge: () => ({ kind: 'totp_seed', label: 'TOTP seed (otpauth URI)' }),
  }),
  // "TOTP seed: JBSW Y3DP EHPK 3PXP …", "2FA secret key is …", "authenticator key: abcd efgh …"
  patternRule({
    re: /\b(?:totp|2fa|mfa|otp|authenticator|google[ \t]+authenticator)(?:[ \t]+|-)?(?:seed|secret(?:[ \t]+key)?|setup[ \t]+key|key|code)[ \t]*(?:is|was|:|=)?[ \t]*[:=]?[ \t]*([A-Za-z2-7]{4}(?:[ -]?[A-Za-z2-7]{4}){3,24}=*)(?![A-Za-z0-9])/dgi,
    needles: ['totp', '2fa', 'mfa', 'otp', 'authenticator'],
    priority: 70,
    groups: [1],
    judge: (v) => (base32Seed(v) && /[2-7]/.test(v) ? { kind: 'totp_seed', label: 'TOTP seed' } : null),
  }),
];

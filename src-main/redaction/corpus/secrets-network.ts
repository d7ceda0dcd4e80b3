// Network gear and the protocols around it: VPN pre-shared keys, Wi-Fi keys, SNMP, RADIUS/TACACS+, SMTP
// credentials, TOTP seeds.
import { fake, sample } from './samples';
import type { SecretSample } from './samples';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const TOTP_SEED = fake('', 32, 301, BASE32);
const TOTP_SPACED = fake('', 32, 302, BASE32)
  .toLowerCase()
  .replace(/(.{4})(?=.)/g, '$1 ');
const WG_PRIVATE = `${fake('', 43, 303)}=`;
const WG_PSK = `${fake('', 43, 304)}=`;

export const NETWORK_SECRETS: SecretSample[] = [
  sample(
    'Cisco IOS isakmp key',
    'crypto isakmp policy 10\n encr aes 256\n authentication pre-share\ncrypto isakmp key V9n!Branch2026 address 203.0.113.10',
    ['V9n!Branch2026', 'psk'],
  ),
  sample(
    'ASA tunnel-group pre-shared key',
    'tunnel-group 198.51.100.7 type ipsec-l2l\ntunnel-group 198.51.100.7 ipsec-attributes\n ikev1 pre-shared-key S1te2Site!Key',
    ['S1te2Site!Key', 'psk'],
  ),
  sample(
    'ASA IKEv2 local and remote keys',
    'tunnel-group 192.0.2.44 ipsec-attributes\n ikev2 remote-authentication pre-shared-key R3mote!Psk\n ikev2 local-authentication pre-shared-key L0cal!Psk',
    ['R3mote!Psk', 'psk'],
    ['L0cal!Psk', 'psk'],
  ),
  sample(
    'FortiGate phase1 psksecret',
    'config vpn ipsec phase1-interface\n    edit "to-branch"\n        set interface "wan1"\n        set psksecret F0rti!Tunnel88\n    next\nend',
    ['F0rti!Tunnel88', 'psk'],
  ),
  sample(
    'FortiGate Wi-Fi passphrase',
    'config wireless-controller vap\n    edit "corp-wifi"\n        set passphrase C0rpWifi!2026\n    next',
    ['C0rpWifi!2026', 'password'],
  ),
  sample(
    'strongSwan ipsec.secrets',
    '# /etc/ipsec.secrets\n203.0.113.10 198.51.100.7 : PSK "Str0ng!Swan-PSK"',
    ['Str0ng!Swan-PSK', 'psk'],
  ),
  sample(
    'Windows L2TP VPN with a PSK',
    'Add-VpnConnection -Name "Contoso VPN" -ServerAddress vpn.contoso.example -TunnelType L2tp -L2tpPsk "L2tp!Shared2026" -AuthenticationMethod MSChapv2 -Force',
    ['L2tp!Shared2026', 'psk'],
  ),
  sample(
    'WireGuard interface and peer keys',
    `[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = ${WG_PRIVATE}\n\n[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nPresharedKey = ${WG_PSK}\nEndpoint = vpn.contoso.example:51820`,
    [WG_PRIVATE, 'private_key'],
    [WG_PSK, 'psk'],
  ),
  sample('Meraki PSK in a note', 'Meraki MX client VPN shared secret: MxClient!Vpn9', [
    'MxClient!Vpn9',
    'secret',
  ]),
  sample(
    'Cisco snmp-server community',
    'snmp-server community Mon1tor!RO RO 10\nsnmp-server location Server room B',
    ['Mon1tor!RO', 'snmp_community'],
  ),
  sample('snmp-server host with a community', 'snmp-server host 10.0.0.50 version 2c TrapC0mm!2026', [
    'TrapC0mm!2026',
    'snmp_community',
  ]),
  sample(
    'SNMPv3 user passphrases',
    'snmp-server user librenms NMSGROUP v3 auth sha Auth!Pass2026 priv aes 128 Priv!Pass2026',
    ['Auth!Pass2026', 'password'],
    ['Priv!Pass2026', 'password'],
  ),
  sample('snmpwalk -c', 'snmpwalk -v2c -c c0ntoso-RO 10.0.0.1 1.3.6.1.2.1.1', [
    'c0ntoso-RO',
    'snmp_community',
  ]),
  sample(
    'snmpget v3 with -A and -X',
    'snmpget -v3 -l authPriv -u monitor -a SHA -A Sn3mp!Auth -x AES -X Sn3mp!Priv 10.0.0.2 sysUpTime.0',
    ['Sn3mp!Auth', 'password'],
    ['Sn3mp!Priv', 'password'],
  ),
  sample('SNMP community in a monitoring config', 'snmp_community = N3tw0rk!Mon', [
    'N3tw0rk!Mon',
    'snmp_community',
  ]),
  sample(
    'radius-server key',
    'radius-server host 10.0.0.12 auth-port 1812 acct-port 1813 key Rad1us!Shared',
    ['Rad1us!Shared', 'secret'],
  ),
  sample(
    'tacacs server key in a block',
    'tacacs server ISE01\n address ipv4 10.0.0.14\n key T4cacs!Key2026',
    ['T4cacs!Key2026', 'secret'],
  ),
  sample(
    'FreeRADIUS client secret',
    'client office-ap {\n    ipaddr = 10.0.30.0/24\n    secret = Fr33Rad!us\n}',
    ['Fr33Rad!us', 'secret'],
  ),
  sample(
    'IOS wpa-psk',
    'dot11 ssid CONTOSO-STAFF\n authentication open\n authentication key-management wpa version 2\n wpa-psk ascii 0 St4ff!Wireless',
    ['St4ff!Wireless', 'wifi_key'],
  ),
  sample(
    'SMTP AUTH LOGIN transcript',
    'S: 250 AUTH LOGIN PLAIN XOAUTH2\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxlcnRzQGNvbnRvc28uY29t\nS: 334 UGFzc3dvcmQ6\nC: U210cCFSZWxheTIwMjY=\nS: 235 2.7.0 Authentication successful',
    ['U210cCFSZWxheTIwMjY=', 'basic_auth'],
  ),
  sample(
    'Postfix sasl_passwd',
    '# /etc/postfix/sasl_passwd\n[smtp.office365.com]:587 scanner@contoso.com:Sc4nner!Relay',
    ['Sc4nner!Relay', 'password'],
  ),
  sample(
    'swaks with --auth-password',
    'swaks --to it@contoso.com --server smtp.contoso.com:587 --auth LOGIN --auth-user alerts@contoso.com --auth-password "Sw4ks!Test" -tls',
    ['Sw4ks!Test', 'password'],
  ),
  sample(
    'SMTP settings on a printer',
    'SMTP server: smtp.office365.com port 587 STARTTLS\nSMTP username: mfp@contoso.com\nSMTP password: Mfp!Smtp2026',
    ['Mfp!Smtp2026', 'password'],
  ),
  sample(
    'otpauth URI from a QR code',
    `otpauth://totp/Contoso:jdoe@contoso.com?secret=${TOTP_SEED}&issuer=Contoso&algorithm=SHA1&digits=6&period=30`,
    [TOTP_SEED, 'totp_seed'],
  ),
  sample(
    'TOTP seed in the spaced form authenticator apps show',
    `Shared MFA for the vendor portal, authenticator key: ${TOTP_SPACED}`,
    [TOTP_SPACED, 'totp_seed'],
  ),
  sample('2FA secret in a runbook', `Break-glass account 2FA secret: ${fake('', 16, 305, BASE32)}`, [
    fake('', 16, 305, BASE32),
    'totp_seed',
  ]),
];

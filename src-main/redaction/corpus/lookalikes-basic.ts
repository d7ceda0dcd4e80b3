// Look-alikes from everyday support text: hashes, GUIDs, addresses, codes, prompts and masked values.
import { fake, BASE64_ALPHABET as BASE64 } from './samples';
import type { InnocentSample } from './samples';

export const BASIC_LOOKALIKES: InnocentSample[] = [
  { name: 'password reset sentence', text: 'Password reset link sent to bob.smith@contoso.com at 09:14.' },
  {
    name: 'password expired sentence',
    text: 'The password has expired for user jsmith; they need to change it at next logon.',
  },
  { name: 'masked (hidden)', text: 'Username: jsmith\nPassword: (hidden)' },
  { name: 'masked asterisks', text: 'password: ********' },
  { name: 'masked <redacted>', text: 'password: <redacted>' },
  { name: 'prompt', text: 'Please enter your password:\nenter your password to continue' },
  {
    name: 'git commit hash',
    text: 'commit 3f786850e387550fdab836ed7e6dc881de23001b\nAuthor: Bob <bob@contoso.com>',
  },
  { name: 'short SHA', text: 'Fixed in a1b2c3d, deployed with 9f8e7d6.' },
  {
    name: 'GUIDs',
    text: 'TenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47 Device {3F2504E0-4F89-11D3-9A0C-0305E82C3301}',
  },
  {
    name: 'MAC addresses',
    text: 'Physical Address. . . . . . . . . : 00-1A-2B-3C-4D-5E (also 00:1a:2b:3c:4d:5f)',
  },
  {
    name: 'IPv4 and IPv6',
    text: 'IPv4 Address: 192.168.10.24 Link-local IPv6 Address: fe80::1c2d:3e4f:5a6b:7c8d%12',
  },
  {
    name: 'Windows event IDs',
    text: 'Event ID 4625: An account failed to log on. Failure Reason: Unknown user name or bad password.',
  },
  {
    name: 'KB number and error code',
    text: 'Installing KB5034441 failed with error 0x80070643; earlier 0x80070005 (access denied).',
  },
  {
    name: 'file paths',
    text: 'See C:\\Users\\bob\\AppData\\Local\\Temp\\setup.log and /var/log/auth.log for details.',
  },
  {
    name: 'registry keys',
    text: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\AutoAdminLogon is 0; HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop',
  },
  { name: 'ticket number', text: 'Escalated as BTN-20261128-0042, see also ticket #48213.' },
  { name: 'serial number', text: 'Serial: 5CG1234XYZ, Service Tag 7XK9Q2J, model HP EliteBook 840 G8' },
  { name: 'Base64 of a harmless word', text: 'Decoded aGVsbG8gd29ybGQ= and dGVzdA== from the header.' },
  {
    name: 'sentence with key',
    text: 'The license key is on the box; the product key sticker was under the battery.',
  },
  {
    name: 'sentence with token',
    text: 'Old token ring network in the warehouse; the token expired at 10:00 so please sign in again.',
  },
  {
    name: 'URL without credentials',
    text: 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/Overview?tenant=contoso',
  },
  { name: 'email addresses', text: 'Contact helpdesk@contoso.com or j.smith+alerts@contoso.co.uk.' },
  {
    name: 'sk- inside ordinary words',
    text: 'Moved the desk-top icons; risk-based conditional access; task-sequence failed; kiosk-mode PCs.',
  },
  { name: 'phone numbers', text: 'Call the user back on +1 (555) 012-3456 or 555-012-3457 ext 204.' },
  {
    name: 'dates and times',
    text: 'Last seen 2026-11-28T09:14:03Z (11/28/2026 9:14 AM), uptime 3d 04:12:55.',
  },
  { name: 'version strings', text: 'Agent v2.14.3-beta.1 on Chrome 131.0.6778.86, build 10.0.22631.4602.' },
  {
    name: 'Get-ADUser password properties',
    text: 'PasswordLastSet      : 11/28/2026 9:14:03 AM\nPasswordNeverExpires : False\nPasswordExpired      : True\nCannotChangePassword : False',
  },
  {
    name: 'net user output',
    text: 'User name                    jsmith\nPassword last set            11/28/2026 9:14:03 AM\nPassword expires             Never\nPassword required            Yes\nUser may change password     Yes',
  },
  {
    name: 'netsh profile without key=clear',
    text: 'netsh wlan show profile name="Contoso-Guest" key=clear\n    Authentication         : WPA2-Personal\n    Security key           : Present',
  },
  {
    name: '-p that is not a password',
    text: 'ssh -p 2222 admin@10.0.0.5\nmkdir -p /var/backups\ndocker run -d -p 8080:80 nginx',
  },
  {
    name: 'type annotations',
    text: 'interface Login { username: string; password: string; token?: string }',
  },
  {
    name: 'variables and references instead of values',
    text: '$cred = Get-Credential\nNew-LocalUser -Name bob -Password $securePass\nDB_PASSWORD=${DB_PASSWORD}\nset PASS=%VAULT_PASS%',
  },
  {
    name: 'placeholder API key',
    text: 'api_key=YOUR_API_KEY\nAuthorization: Bearer <token>\ntoken: xxxxxxxxxxxx',
  },
  {
    name: 'docker login --password-stdin',
    text: 'echo $PW | docker login -u bob --password-stdin registry.contoso.example',
  },
  { name: 'pass/fail counts', text: 'Tests pass: 42, fail: 0; pass=120 in the last run' },
  { name: 'environment PWD', text: 'PWD=/home/bob\nOLDPWD=/etc/ssh\nSHELL=/bin/bash' },
  {
    name: 'OAuth response without secrets',
    text: '{"token_type": "Bearer", "expires_in": 3599, "scope": "User.Read"}',
  },
  {
    name: 'Bearer in a sentence',
    text: 'The API says Bearer token required, so set the Authorization header.',
  },
  {
    name: 'GUID near a BitLocker word',
    text: 'BitLocker Key Protector ID: {8F2C4B1A-3D5E-4F60-9A7B-1C2D3E4F5A6B}, order 123456-654321',
  },
  {
    name: 'password policy wording',
    text: 'Password policy: minimum length 14, complexity enabled. pwd changes are audited.',
  },
  {
    name: 'ansible --ask-pass',
    text: 'ansible-playbook -i inventory.ini site.yml --ask-pass --ask-become-pass',
  },
  {
    name: 'dsregcmd /status excerpt',
    text: '             AzureAdJoined : YES\n                  DeviceId : 5b9c3d2e-1f4a-4b6c-8d7e-9f0a1b2c3d4e\n                Thumbprint : 8E1F4A2B3C5D6E7F8091A2B3C4D5E6F708192A3B\n            KeyContainerId : 0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5\n               KeyProvider : Microsoft Platform Crypto Provider\n    TokenBroker ErrorCode : 0x0\n                 NgcKeyId : {A1B2C3D4-E5F6-4718-9A0B-C1D2E3F4A5B6}',
  },
  {
    name: 'Security event 4625 details',
    text: 'Failure Information:\n\tFailure Reason:\t\tUnknown user name or bad password.\n\tStatus:\t\t\t0xC000006D\nDetailed Authentication Information:\n\tAuthentication Package:\tNTLM\n\tKey Length:\t\t0',
  },
  {
    name: 'passwd and ssh prompts',
    text: "passwd: all authentication tokens updated successfully.\npasswd: password updated successfully\nEnter passphrase for key '/home/bob/.ssh/id_ed25519':\nPermission denied (publickey,password).",
  },
  {
    name: 'prose about a password',
    text: 'The password is user-specific, the password was reset to the default, and the password is 14 characters long.',
  },
  {
    name: 'status fields',
    text: 'Token: expired. Key: missing. Secret: not configured. Password: not set.',
  },
  {
    name: 'public SSH key',
    text: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl tech@laptop',
  },
  { name: 'masked product key', text: 'Product Key: XXXXX-XXXXX-XXXXX-XXXXX-XXXXX' },
  {
    name: 'certificate block (public)',
    text: `-----BEGIN CERTIFICATE-----\n${fake('MIID', 60, 40, BASE64)}\n-----END CERTIFICATE-----`,
  },
];

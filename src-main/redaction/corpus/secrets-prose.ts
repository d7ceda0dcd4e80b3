// Passwords written in sentences: chat messages, ticket notes, handoff reasons.
import { sample } from './samples';
import type { SecretSample } from './samples';

export const PROSE_SECRETS: SecretSample[] = [
  sample('temp password without a verb', 'Gave her a temp password Winter2026!x and told her to change it', [
    'Winter2026!x',
    'password',
  ]),
  sample('pw is', 'fyi pw is Tr0ub4dor&3 for the scanner account', ['Tr0ub4dor&3', 'password']),
  sample(
    'the local admin password is',
    'The local admin password is Lap$Admin-4471 on PC-0412 (LAPS did not rotate it).',
    ['Lap$Admin-4471', 'password'],
  ),
  sample(
    'changed it to',
    "Reset Bob's password in AD and changed it to Bl0ssom!May, he will change it at next logon.",
    ['Bl0ssom!May', 'password'],
  ),
  sample('reset it to', 'Mailbox password expired, reset it to Outlook#2026 for now.', [
    'Outlook#2026',
    'password',
  ]),
  sample('new pw with a colon', 'user locked out again, unlocked + new pw: Qwerty!2026x', [
    'Qwerty!2026x',
    'password',
  ]),
  sample(
    'password for an account is',
    'The password for svc_backup is Veeam#Backup2026 (it is in the runbook too)',
    ['Veeam#Backup2026', 'password'],
  ),
  sample(
    'camelCase setting with was',
    'Kiosk autologon broke; DefaultPassword was K1oskAuto2026x in the Winlogon key',
    ['K1oskAuto2026x', 'password'],
  ),
  sample(
    'password has been reset to',
    'Your password has been reset to Ch@ngeMe2026 - please sign in and pick a new one.',
    ['Ch@ngeMe2026', 'password'],
  ),
  sample('wifi password is now', 'Guest Wi-Fi password is now Visitors-2026! (changed at the front desk)', [
    'Visitors-2026!',
    'password',
  ]),
  sample('creds with a slash', 'creds: admin / P@ssw0rd1 for the old NAS web UI', ['P@ssw0rd1', 'password']),
  sample('login user/password', 'login for the printer EWS is admin/Xerox!7845', ['Xerox!7845', 'password']),
  sample('credentials are user:password', 'credentials are scan2mail:Sc4n2Mail! on the Konica', [
    'Sc4n2Mail!',
    'password',
  ]),
  sample(
    'quoted password in a sentence',
    'She said the password is "Purple Monkey 77" — sticky note on the monitor.',
    ['Purple Monkey 77', 'password'],
  ),
  sample(
    'password in backticks',
    'first login: the password is `Pr0v!sion-77` (backticks so Teams keeps it)',
    ['Pr0v!sion-77', 'password'],
  ),
  sample('root password on a line', 'Proxmox host pve01\nroot password: Pve!Root2026\nweb UI on 8006', [
    'Pve!Root2026',
    'password',
  ]),
  sample('guest wifi password', 'guest wifi password CafeGuest2026 printed on the tent cards', [
    'CafeGuest2026',
    'password',
  ]),
  sample('password was set to', 'The password was set to Tmp4821!x by the previous tech', [
    'Tmp4821!x',
    'password',
  ]),
  sample(
    'service account password',
    'service account password Svc!Print2026 is also used by the scan-to-folder profile',
    ['Svc!Print2026', 'password'],
  ),
  sample(
    'password in an email to a user',
    'Hi Priya,\nYour new account is ready. Username: pnair\nTemporary password: Welcome!8832\nYou will be asked to change it.',
    ['Welcome!8832', 'password'],
  ),
  sample('PIN code for a door panel', 'Alarm panel pin code is 48#21A7 (front door keypad)', [
    '48#21A7',
    'password',
  ]),
  sample(
    'admin password on a switch',
    'Switch admin password HPE!Aruba2930 — do not change, the monitoring uses it',
    ['HPE!Aruba2930', 'password'],
  ),
  sample('password to the portal', 'Vendor portal login: support@contoso.com pass: P0rtal!Vendor', [
    'P0rtal!Vendor',
    'password',
  ]),
  sample('password prompt answer', 'Password for user root: Sup3r!Root', ['Sup3r!Root', 'password']),
  sample('my password is', "I tried again, my password is Summer2026! and it still says it's wrong", [
    'Summer2026!',
    'password',
  ]),
  sample('passphrase in prose', 'The BitLocker startup passphrase was set to Blue-Train-Window-9 last week', [
    'Blue-Train-Window-9',
    'password',
  ]),
  sample('set it to after mentioning the creds', 'Reset the voicemail login creds and set it to Vm!2026pin', [
    'Vm!2026pin',
    'password',
  ]),
  sample(
    'two passwords in one note',
    'Old password was Autumn2025! and the new password is Winter2026?z — both tested.',
    ['Autumn2025!', 'password'],
    ['Winter2026?z', 'password'],
  ),
  sample(
    'password with a trailing full stop',
    'For the record the vault recovery password is Gr33n-Lantern-5.',
    ['Gr33n-Lantern-5', 'password'],
  ),
  sample(
    'account password in a handoff reason',
    'Escalating: needs Exchange admin rights; admin password Exch!Adm1n-2026 did not work on the hybrid box',
    ['Exch!Adm1n-2026', 'password'],
  ),
];

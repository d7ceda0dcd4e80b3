// Look-alikes from commands and sentences that name a password without giving one: prompts, flags,
// references to variables or vaults, masked values, and everyday words that share a secret's context.
import { innocent } from './samples';
import type { InnocentSample } from './samples';

export const COMMAND_LOOKALIKES: InnocentSample[] = [
  innocent('net user with a prompt', 'net user jdoe * /domain\nType a password for the user:'),
  innocent('runas without a password', 'runas /user:CONTOSO\\helpdesk2 /savecred "mmc dsa.msc"'),
  innocent(
    'cmdkey listing',
    'cmdkey /list\nTarget: Domain:target=TERMSRV/rds01\nType: Domain Password\nUser: CONTOSO\\rdsadmin',
  ),
  innocent('psexec without credentials', 'psexec \\\\PC-042 -s -i cmd.exe'),
  innocent(
    'Get-Credential prompt',
    '$cred = Get-Credential -UserName CONTOSO\\svc_wmi -Message "Password for the WMI account"',
  ),
  innocent('secure string read from host', '$pw = Read-Host -AsSecureString "New password"'),
  innocent('password from a vault', '$pw = (Get-Secret -Name SqlAdmin -Vault ContosoVault)'),
  innocent('environment variable reference', 'mysql -u root -p"$MYSQL_ROOT_PASSWORD" < dump.sql'),
  innocent('batch variable reference', 'net use Z: \\\\fs01\\share %SHARE_PASS% /user:CONTOSO\\svc_map'),
  innocent(
    'PowerShell variable as the password',
    'New-LocalUser -Name kiosk -Password $kioskPassword -NoPassword:$false',
  ),
  innocent(
    'password file flag',
    'openssl pkcs12 -export -in cert.pem -inkey key.pem -out site.pfx -passout file:pass.txt',
  ),
  innocent('mysql prompting', 'mysql -u root -p\nEnter password:'),
  innocent('sqlcmd with Windows auth', 'sqlcmd -S sql01 -E -Q "SELECT name FROM sys.databases"'),
  innocent('ssh with a port and an identity file', 'ssh -p 2222 -i ~/.ssh/id_ed25519 admin@10.0.20.1'),
  innocent('docker port mappings', 'docker run -d -p 443:443 -p 8080:80 --name proxy traefik:v3.1'),
  innocent(
    'ssh-keygen without a passphrase value',
    'ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -C tech@laptop',
  ),
  innocent(
    'reg query without a password',
    'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v AutoAdminLogon',
  ),
  innocent(
    'reg add of a non-secret value',
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /v PasswordManagerEnabled /t REG_DWORD /d 0 /f',
  ),
  innocent(
    'schtasks without /RP',
    'schtasks /Create /TN "Cleanup" /TR C:\\Scripts\\clean.cmd /SC WEEKLY /RU SYSTEM',
  ),
  innocent('winrs without credentials', 'winrs -r:fs01 ipconfig /all'),
  innocent(
    'ldapsearch with a password file',
    'ldapsearch -x -H ldaps://dc01 -D "CN=svc_ldap,DC=contoso,DC=local" -y /etc/ldap.secret -b "DC=contoso,DC=local"',
  ),
  innocent('redis-cli without auth', 'redis-cli -h cache01 -p 6379 PING'),
  innocent(
    'passwd interactive',
    'sudo passwd helpdesk\nNew password:\nRetype new password:\npasswd: password updated successfully',
  ),
  innocent('git credential helper', 'git config --global credential.helper manager'),
  innocent(
    'npm token list output',
    'npm token list\n┌────────┬─────────┬────────────┐\n│ id     │ token   │ created    │\n│ 4f2a1c │ npm_…   │ 2026-11-01 │',
  ),
  innocent(
    'AWS CLI profile names',
    'aws configure list --profile prod\n      Name                    Value             Type    Location\n   profile                     prod           manual    --profile\naccess_key     ****************ABCD shared-credentials-file',
  ),
  innocent('Azure CLI login', 'az login --tenant contoso.onmicrosoft.com --use-device-code'),
  innocent(
    'kubectl secret listing',
    'kubectl get secrets -n prod\nNAME                  TYPE                                  DATA   AGE\ntls-contoso           kubernetes.io/tls                     2      41d',
  ),
  innocent(
    'terraform sensitive output',
    'Outputs:\n\nsql_admin_password = <sensitive>\nsql_server_fqdn = "sql-contoso.database.windows.net"',
  ),
  innocent('ansible vault reference', 'ansible_become_password: "{{ vault_become_password }}"'),
  innocent('env file template', 'DB_HOST=\nDB_USER=\nDB_PASSWORD=\nAPI_KEY=changeme'),
  innocent(
    'docker compose secret reference',
    'environment:\n  - POSTGRES_PASSWORD_FILE=/run/secrets/pg_password\nsecrets:\n  - pg_password',
  ),
  innocent(
    'connection string without a password',
    'Server=sql01;Database=PSA;Trusted_Connection=True;Encrypt=True;',
  ),
  innocent(
    'URL with a user but no password',
    'git clone https://jdoe@dev.azure.com/contoso/Infra/_git/scripts',
  ),
  innocent(
    'FortiGate config without secrets',
    'config system interface\n    edit "wan1"\n        set mode dhcp\n        set allowaccess ping https ssh\n    next\nend',
  ),
  innocent(
    'Cisco config without secrets',
    'interface GigabitEthernet1/0/12\n switchport access vlan 20\n spanning-tree portfast\n!\nip domain-name contoso.local',
  ),
  innocent(
    'Cisco type 8 hash shown in a guide',
    'username admin privilege 15 secret 8 <hash from your config>',
  ),
  innocent(
    'snmp-server without community',
    'snmp-server location Server room B\nsnmp-server contact noc@contoso.com',
  ),
  innocent(
    'crypto map settings',
    'crypto map OUTSIDE_MAP 10 match address VPN-ACL\ncrypto map OUTSIDE_MAP 10 set peer 203.0.113.10\ncrypto map OUTSIDE_MAP 10 set ikev2 ipsec-proposal AES256',
  ),
  innocent(
    'WireGuard public key only',
    '[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nAllowedIPs = 10.8.0.0/24',
  ),
  innocent(
    'sentence: password must contain',
    'The password must contain 14 characters, a digit and a symbol, like the policy says.',
  ),
  innocent(
    'sentence: password was changed',
    'Her password was changed yesterday by the self-service portal, so the phone needs the new one.',
  ),
  innocent(
    'sentence: reset it to the default',
    'I reset the router to the default settings and changed it to DHCP.',
  ),
  innocent(
    'sentence: password is the same',
    'The password is the same as the one on the sticker, so nothing to note here.',
  ),
  innocent('sentence: login is working', 'Login is working again after the time sync; credentials are fine.'),
  innocent('sentence: creds in the vault', 'Creds are in IT Glue under Contoso > Network > Firewall.'),
  innocent('sentence: temp password sent', 'Temp password sent to the manager by SMS, not written here.'),
  innocent(
    'sentence: new password required',
    'New password required at next logon is ticked for the account.',
  ),
  innocent(
    'sentence: enter your password',
    'Enter your password to continue, then approve the sign-in in Authenticator.',
  ),
  innocent(
    'sentence: admin password unknown',
    'The admin password is unknown; the previous MSP never handed it over.',
  ),
  innocent('sentence: password expires', 'Password expires in 3 days; user notified.'),
  innocent('sentence: pin reset', 'Windows Hello PIN reset from Settings > Accounts > Sign-in options.'),
  innocent('sentence: key in the lock', 'The key is in the lock box at reception, code given by phone.'),
  innocent('sentence: secret santa', 'Secret Santa list is on the fridge; the token reader battery is flat.'),
  innocent('sentence: set to Enabled', 'Password writeback was set to Enabled in Entra Connect.'),
  innocent(
    'sentence: changed it to Automatic',
    'The service startup type was Manual, changed it to Automatic.',
  ),
  innocent('masked in a screenshot description', 'Password field shows •••••••• and Show is greyed out.'),
  innocent('masked with asterisks in config', 'set password ENC ******** (hidden by the export)'),
  innocent('redacted by another tool', 'DB_PASSWORD=[REDACTED] from the old log export'),
  innocent(
    'Baton placeholder pasted back',
    'From the ticket: password is [REDACTED:password] per the last note',
  ),
];

// Windows and server command lines as technicians paste them from a console or a runbook.
import { sample } from './samples';
import type { SecretSample } from './samples';

export const WINDOWS_SECRETS: SecretSample[] = [
  sample(
    'net user reset from an elevated prompt',
    'C:\\Users\\tech> net user jdoe Spring2026#Reset /domain',
    ['Spring2026#Reset', 'password'],
  ),
  sample('net user with a quoted password', 'net user "Front Desk" "Fr0nt Desk!" /add', [
    'Fr0nt Desk!',
    'password',
  ]),
  sample(
    'net use with the password before /user',
    'net use X: \\\\nas02\\scans Sc4nner!2026 /user:NAS02\\scanner /persistent:yes',
    ['Sc4nner!2026', 'password'],
  ),
  sample(
    'cmdkey /generic',
    'cmdkey /generic:TERMSRV/rds01.contoso.local /user:CONTOSO\\rdsadmin /pass:Rds!Gateway77',
    ['Rds!Gateway77', 'password'],
  ),
  sample(
    'psexec with -p and -accepteula',
    'PsExec64.exe -accepteula \\\\LT-0193 -u .\\localadmin -p L0cal!Admin9 -s cmd',
    ['L0cal!Admin9', 'password'],
  ),
  sample(
    'runas password typed at its prompt',
    'C:\\> runas /user:CONTOSO\\helpdesk2 /savecred "mmc dsa.msc"\nEnter the password for CONTOSO\\helpdesk2: H3lpdesk!22',
    ['H3lpdesk!22', 'password'],
  ),
  sample(
    'ConvertTo-SecureString -String',
    'Set-ADAccountPassword -Identity mlopez -Reset -NewPassword (ConvertTo-SecureString -AsPlainText "Welcome2Contoso!" -Force)',
    ['Welcome2Contoso!', 'password'],
  ),
  sample(
    'New-LocalUser with a secure string',
    "New-LocalUser -Name kiosk -Password (ConvertTo-SecureString 'K10sk-Local#1' -AsPlainText -Force) -PasswordNeverExpires",
    ['K10sk-Local#1', 'password'],
  ),
  sample(
    'reg add Winlogon DefaultPassword',
    'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v DefaultPassword /t REG_SZ /d "Auto!Logon2026" /f',
    ['Auto!Logon2026', 'password'],
  ),
  sample('Sysinternals Autologon', 'Autologon64.exe -accepteula kiosk CONTOSO Kiosk#Display1', [
    'Kiosk#Display1',
    'password',
  ]),
  sample(
    'unattend.xml administrator password',
    '<UserAccounts>\n  <AdministratorPassword>\n    <Value>Deploy!Admin2026</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n</UserAccounts>',
    ['Deploy!Admin2026', 'password'],
  ),
  sample(
    'unattend.xml local account password in Base64',
    '<LocalAccount wcm:action="add">\n  <Password>\n    <Value>UABhAHMAcwB3AG8AcgBkADEAMgAzAA==</Value>\n    <PlainText>false</PlainText>\n  </Password>\n  <Name>support</Name>\n</LocalAccount>',
    ['UABhAHMAcwB3AG8AcgBkADEAMgAzAA==', 'password'],
  ),
  sample(
    'unattend.xml domain join credentials',
    '<Credentials>\n  <Domain>contoso.local</Domain>\n  <Password>J0in!Domain55</Password>\n  <Username>svc_join</Username>\n</Credentials>',
    ['J0in!Domain55', 'password'],
  ),
  sample(
    'schtasks with /RU and /RP',
    'schtasks /Create /TN "Nightly backup" /TR C:\\Scripts\\backup.cmd /SC DAILY /ST 02:00 /RU CONTOSO\\svc_backup /RP B@ckup!Night',
    ['B@ckup!Night', 'password'],
  ),
  sample(
    'sc.exe service logon password',
    'sc.exe config "Veeam Agent" obj= "CONTOSO\\svc_veeam" password= "V33am!Service"',
    ['V33am!Service', 'password'],
  ),
  sample(
    'dsadd user -pwd',
    'dsadd user "CN=Temp User,OU=Staff,DC=contoso,DC=local" -pwd Tmp!User2026 -mustchpwd yes',
    ['Tmp!User2026', 'password'],
  ),
  sample('winrs with -p:', 'winrs -r:fs01.contoso.local -u:CONTOSO\\admin -p:W1nRM!remote ipconfig /all', [
    'W1nRM!remote',
    'password',
  ]),
  sample('plink with -pw', 'plink.exe -ssh admin@10.10.1.1 -pw Sw!tchCore01 -batch "show vlan brief"', [
    'Sw!tchCore01',
    'password',
  ]),
  sample('pscp with -pw', 'pscp -pw Backup#Pull9 root@10.0.5.20:/var/log/messages C:\\Temp\\', [
    'Backup#Pull9',
    'password',
  ]),
  sample(
    'sshpass in a cron line',
    '0 3 * * * sshpass -p "Cr0n!Sync" rsync -az /srv/share/ backup@nas01:/volume1/share/',
    ['Cr0n!Sync', 'password'],
  ),
  sample('mysql -p attached', 'mysql -u root -pR00t!Maria wordpress < restore.sql', [
    'R00t!Maria',
    'password',
  ]),
  sample(
    'mysqladmin with -p',
    'mysqladmin -u root -pDbAdm1n!x password "NewR00t!2026"',
    ['DbAdm1n!x', 'password'],
    ['NewR00t!2026', 'password'],
  ),
  sample('sqlplus user/password@db', 'sqlplus system/Oracl3!Sys@ORCLPDB1 @purge_audit.sql', [
    'Oracl3!Sys',
    'password',
  ]),
  sample(
    'ldapsearch bind password',
    'ldapsearch -x -H ldaps://dc01.contoso.local -D "CN=svc_ldap,OU=Service,DC=contoso,DC=local" -w Ld@pBind2026 -b "DC=contoso,DC=local" "(sAMAccountName=jdoe)"',
    ['Ld@pBind2026', 'password'],
  ),
  sample('iDRAC racadm', 'racadm -r 10.0.99.21 -u root -p Idr@cRoot7 getsysinfo', ['Idr@cRoot7', 'password']),
  sample('ipmitool -P', 'ipmitool -I lanplus -H 10.0.99.30 -U ADMIN -P Ipm1Adm!n chassis power status', [
    'Ipm1Adm!n',
    'password',
  ]),
  sample('redis-cli -a', 'redis-cli -h cache01 -p 6379 -a R3dis!Auth2026 INFO replication', [
    'R3dis!Auth2026',
    'password',
  ]),
  sample(
    'ssh-keygen new passphrase',
    'ssh-keygen -t ed25519 -f ~/.ssh/deploy_key -N "Deploy key phrase 42" -C deploy@build01',
    ['Deploy key phrase 42', 'password'],
  ),
  sample('htpasswd -bc', 'htpasswd -bc /etc/nginx/.htpasswd monitor M0nitor!Web', [
    'M0nitor!Web',
    'password',
  ]),
  sample('password piped to passwd --stdin', "echo 'Rhel!Reset2026' | passwd --stdin helpdesk", [
    'Rhel!Reset2026',
    'password',
  ]),
  sample('chpasswd from echo', 'echo "svc_app:AppS3rv!ce" | sudo chpasswd', ['AppS3rv!ce', 'password']),
  sample('smbclient user%password', 'smbclient //fs01/finance -U CONTOSO/jdoe%Fin@nce2026 -c "ls"', [
    'Fin@nce2026',
    'password',
  ]),
  sample(
    'mount.cifs options',
    'mount -t cifs //nas01/backup /mnt/backup -o username=backup,password=N@sMount1,vers=3.0',
    ['N@sMount1', 'password'],
  ),
  sample(
    'wget with --password',
    'wget --user=deploy --password=Wg3t!Fetch https://repo.contoso.example/builds/agent.msi',
    ['Wg3t!Fetch', 'password'],
  ),
  sample(
    'Invoke-Sqlcmd -Password',
    'Invoke-Sqlcmd -ServerInstance sql02 -Username sa -Password "Sql!Inv0ke" -Query "DBCC CHECKDB"',
    ['Sql!Inv0ke', 'password'],
  ),
  sample(
    'Get-WmiObject with a plain PSCredential',
    '$cred = New-Object System.Management.Automation.PSCredential("CONTOSO\\svc_wmi", (ConvertTo-SecureString "Wm1!Query" -AsPlainText -Force))',
    ['Wm1!Query', 'password'],
  ),
];

// Config files, connection strings, HTTP headers, keys and the first command lines of the corpus.
import { ALNUM, BASE64_ALPHABET as BASE64, fake, p } from './samples';
import type { SecretSample } from './samples';

const OPENAI = fake(p('sk', '-proj-'), 48, 1) + '_' + fake('', 40, 2);
const ANTHROPIC = p('sk', '-ant-', 'api03-') + fake('', 93, 3) + 'AA';
const AWS_ID = fake(p('AK', 'IA'), 16, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const AWS_SECRET = fake('', 40, 5, BASE64);
const AWS_SESSION_ID = fake(p('AS', 'IA'), 16, 6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const AWS_SESSION = fake('IQoJb3JpZ2luX2Vj', 180, 7, BASE64);
const GH_CLASSIC = fake(p('gh', 'p_'), 36, 8);
const GH_FINE = fake(p('github', '_pat_'), 22, 9) + '_' + fake('', 59, 10);
const SLACK_BOT = p('xo', 'xb-', '2384710293-', '5720394857120-') + fake('', 24, 11);
const SLACK_APP = p('xa', 'pp-1-', 'A07QX2LMN4R-', '7391028475610-') + fake('', 64, 12, '0123456789abcdef');
const STRIPE = fake(p('sk', '_live_'), 99, 13);
const GOOGLE = fake(p('AI', 'za'), 35, 14);
const AZURE_ACCOUNT_KEY = fake('', 86, 15, BASE64) + '==';
const SAS_SIG = fake('', 40, 16) + '%2B' + fake('', 3, 17) + '%3D';
const ENTRA_SECRET = fake('', 3, 18) + '8Q~' + fake('', 34, 19);
const JWT = p(
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.',
  'eyJzdWIiOiJqc21pdGhAY29udG9zby5jb20iLCJleHAiOjE3OTQwMDAwMDB9.',
  fake('', 86, 20, `${ALNUM}-_`),
);
const BEARER_OPAQUE = fake('', 40, 21, '0123456789abcdef');
const PEM_BODY = [
  fake('MIIEowIBAAKCAQEA', 48, 22, BASE64),
  fake('', 64, 23, BASE64),
  fake('', 40, 24, BASE64),
].join('\n');
const OPENSSH_BODY = [fake('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU', 40, 25, BASE64), fake('', 70, 26, BASE64)].join(
  '\n',
);
const HUNTRESS_KEY = fake('hk_', 32, 27, '0123456789abcdef');
const XAPI_KEY = fake('', 32, 28, '0123456789abcdef');
const TEAMS_PATH = p(
  '4d2c1f3e-1111-4a4a-9b9b-0c0c0c0c0c0c@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/',
  fake('', 32, 29, '0123456789abcdef'),
  '/9a8b7c6d-2222-4e4e-8f8f-1a1a1a1a1a1a',
);
const CW_PRIVATE = fake('', 16, 30);
const CW_BASIC = Buffer.from(`contoso+${fake('', 16, 31)}:${CW_PRIVATE}`).toString('base64');
const BITLOCKER = '412324-054637-237479-580173-309067-613503-126445-658581';
const SQL_SA = 'Sa!2026pw#Prod';

export const CONFIG_SECRETS: SecretSample[] = [
  {
    name: '.env file with a database password',
    text: 'DB_HOST=sql01.contoso.local\nDB_USER=psa_app\nDB_PASSWORD=Summer2026!\nDB_PORT=1433\n',
    secrets: [{ value: 'Summer2026!', kind: 'password' }],
    keep: ['DB_HOST=sql01.contoso.local', 'DB_PASSWORD=', 'DB_PORT=1433'],
  },
  {
    name: 'YAML smtp block with a quoted password',
    text: 'smtp:\n  host: smtp.office365.com\n  port: 587\n  username: alerts@contoso.com\n  password: "Xq7!mRt#2pLw"\n',
    secrets: [{ value: 'Xq7!mRt#2pLw', kind: 'password' }],
    keep: ['username: alerts@contoso.com', 'password: "', 'port: 587'],
  },
  {
    name: 'log line with password=',
    text: '2026-11-28 09:14:03 INFO [SyncAgent] Connecting user=svc_backup password=B4ckup#2026 host=nas01',
    secrets: [{ value: 'B4ckup#2026', kind: 'password' }],
    keep: ['user=svc_backup', 'password=', 'host=nas01', '2026-11-28 09:14:03 INFO [SyncAgent]'],
  },
  {
    name: 'pwd= with an ampersand inside the password',
    text: 'rdpwrap.exe /host:ts01 /user:CONTOSO\\rdsadmin pwd=Tr0ub4dor&3 /admin',
    secrets: [{ value: 'Tr0ub4dor&3', kind: 'password' }],
    keep: ['/host:ts01', 'pwd=', '/admin'],
  },
  {
    name: 'Password "…" in a firewall config',
    text: 'config system admin\n    edit "admin"\n        set password "F0rt1!Adm1n-77"\n    next\nend',
    secrets: [{ value: 'F0rt1!Adm1n-77', kind: 'password' }],
    keep: ['set password "', 'edit "admin"'],
  },
  {
    name: 'pass: in an IMAP config',
    text: 'imap:\n  server: outlook.office365.com\n  user: helpdesk@contoso.com\n  pass: Helpd3sk!Mail\n',
    secrets: [{ value: 'Helpd3sk!Mail', kind: 'password' }],
    keep: ['user: helpdesk@contoso.com', 'pass: '],
  },
  {
    name: '7-Zip -p attached',
    text: '"C:\\Program Files\\7-Zip\\7z.exe" x C:\\Temp\\logs.7z -pL0gs!Zip2026 -oC:\\Temp\\logs -y',
    secrets: [{ value: 'L0gs!Zip2026', kind: 'password' }],
    keep: ['x C:\\Temp\\logs.7z -p', ' -oC:\\Temp\\logs -y'],
  },
  {
    name: "mysqldump with -p'…'",
    text: "mysqldump -u root -p'Sq1Dump!2026' --all-databases > /backup/all.sql",
    secrets: [{ value: 'Sq1Dump!2026', kind: 'password' }],
    keep: ['mysqldump -u root -p', '--all-databases > /backup/all.sql'],
  },
  {
    name: 'mysql --password value',
    text: 'mysql --host=db01 --user=app --password Ap9!xYz42 appdb -e "SHOW PROCESSLIST"',
    secrets: [{ value: 'Ap9!xYz42', kind: 'password' }],
    keep: ['--user=app --password ', ' appdb -e "SHOW PROCESSLIST"'],
  },
  {
    name: 'net user … /add',
    text: 'C:\\Windows\\system32> net user bob.smith W1nter!2026 /add /domain\nThe command completed successfully.',
    secrets: [{ value: 'W1nter!2026', kind: 'password' }],
    keep: ['net user bob.smith ', ' /add /domain', 'The command completed successfully.'],
  },
  {
    name: 'net use with /user: and a password',
    text: 'net use Z: \\\\fs01\\shares /user:CONTOSO\\bob F1leSh4re! /persistent:no',
    secrets: [{ value: 'F1leSh4re!', kind: 'password' }],
    keep: ['net use Z: \\\\fs01\\shares /user:CONTOSO\\bob ', '/persistent:no'],
  },
  {
    name: 'ConvertTo-SecureString -AsPlainText',
    text: '$pw = ConvertTo-SecureString "Adm1n!Reset#9" -AsPlainText -Force\nSet-ADAccountPassword -Identity jsmith -NewPassword $pw -Reset',
    secrets: [{ value: 'Adm1n!Reset#9', kind: 'password' }],
    keep: ['$pw = ConvertTo-SecureString "', '-AsPlainText -Force', 'Set-ADAccountPassword -Identity jsmith'],
  },
  {
    name: 'PowerShell variable with a literal password',
    text: "$password = 'Pl4in!Text'\n$cred = New-Object PSCredential('CONTOSO\\svc', (ConvertTo-SecureString $password -AsPlainText -Force))",
    secrets: [{ value: 'Pl4in!Text', kind: 'password' }],
    keep: ['$password = ', 'New-Object PSCredential'],
  },
  {
    name: 'OpenAI project key in .env',
    text: `# AI assistant\nOPENAI_API_KEY=${OPENAI}\nOPENAI_MODEL=gpt-4o-mini`,
    secrets: [{ value: OPENAI, kind: 'openai_key' }],
    keep: ['OPENAI_API_KEY=', 'OPENAI_MODEL=gpt-4o-mini'],
  },
  {
    name: 'Anthropic key in a curl header',
    text: `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${ANTHROPIC}" -H "anthropic-version: 2023-06-01"`,
    secrets: [{ value: ANTHROPIC, kind: 'anthropic_key' }],
    keep: ['curl https://api.anthropic.com/v1/messages', 'anthropic-version: 2023-06-01'],
  },
  {
    name: 'AWS credentials file',
    text: `[default]\naws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}\nregion = us-east-1\n`,
    secrets: [
      { value: AWS_ID, kind: 'aws_key' },
      { value: AWS_SECRET, kind: 'aws_key' },
    ],
    keep: ['aws_access_key_id = ', 'aws_secret_access_key = ', 'region = us-east-1'],
  },
  {
    name: 'AWS temporary credentials exported in a shell',
    text: `export AWS_ACCESS_KEY_ID=${AWS_SESSION_ID}\nexport AWS_SESSION_TOKEN=${AWS_SESSION}\naws s3 ls`,
    secrets: [
      { value: AWS_SESSION_ID, kind: 'aws_key' },
      { value: AWS_SESSION, kind: 'aws_key' },
    ],
    keep: ['export AWS_ACCESS_KEY_ID=', 'aws s3 ls'],
  },
  {
    name: 'GitHub classic token in a clone URL',
    text: `git clone https://${GH_CLASSIC}@github.com/contoso/rmm-scripts.git`,
    secrets: [{ value: GH_CLASSIC, kind: 'github_token' }],
    keep: ['git clone https://', '@github.com/contoso/rmm-scripts.git'],
  },
  {
    name: 'GitHub fine-grained token',
    text: `PS> $env:GH_TOKEN = "${GH_FINE}"; gh repo list contoso`,
    secrets: [{ value: GH_FINE, kind: 'github_token' }],
    keep: ['$env:GH_TOKEN = "', 'gh repo list contoso'],
  },
  {
    name: 'Slack bot and app tokens',
    text: `SLACK_BOT_TOKEN=${SLACK_BOT}\nSLACK_APP_TOKEN=${SLACK_APP}\nSLACK_CHANNEL=#noc-alerts`,
    secrets: [
      { value: SLACK_BOT, kind: 'slack_token' },
      { value: SLACK_APP, kind: 'slack_token' },
    ],
    keep: ['SLACK_BOT_TOKEN=', 'SLACK_CHANNEL=#noc-alerts'],
  },
  {
    name: 'Stripe live key in Python',
    text: `import stripe\nstripe.api_key = "${STRIPE}"\nstripe.Customer.list(limit=3)`,
    secrets: [{ value: STRIPE, kind: 'stripe_key' }],
    keep: ['stripe.api_key = "', 'stripe.Customer.list(limit=3)'],
  },
  {
    name: 'Google API key in a request URL',
    text: `GET https://maps.googleapis.com/maps/api/geocode/json?address=1+Main+St&key=${GOOGLE} HTTP/1.1 200`,
    secrets: [{ value: GOOGLE, kind: 'google_api_key' }],
    keep: ['https://maps.googleapis.com/maps/api/geocode/json?address=1+Main+St&key=', 'HTTP/1.1 200'],
  },
  {
    name: 'Azure storage connection string',
    text: `AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=contosobackup;AccountKey=${AZURE_ACCOUNT_KEY};EndpointSuffix=core.windows.net`,
    secrets: [{ value: AZURE_ACCOUNT_KEY, kind: 'azure_key' }],
    keep: ['AccountName=contosobackup;AccountKey=', ';EndpointSuffix=core.windows.net'],
  },
  {
    name: 'Azure SAS URL',
    text: `azcopy copy ./db.bak "https://contosobackup.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2026-12-31T00:00:00Z&spr=https&sig=${SAS_SIG}"`,
    secrets: [{ value: SAS_SIG, kind: 'sas_token' }],
    keep: ['azcopy copy ./db.bak', 'sp=rwl&se=2026-12-31T00:00:00Z&spr=https&sig='],
  },
  {
    name: 'generic apikey in YAML',
    text: `huntress:\n  account: contoso\n  apikey: ${HUNTRESS_KEY}\n  region: us`,
    secrets: [{ value: HUNTRESS_KEY, kind: 'api_key' }],
    keep: ['account: contoso', 'apikey: ', 'region: us'],
  },
  {
    name: 'x-api-key header in curl',
    text: `curl -s -H 'x-api-key: ${XAPI_KEY}' https://api.contoso-rmm.example/v2/devices?site=12`,
    secrets: [{ value: XAPI_KEY, kind: 'api_key' }],
    keep: ["curl -s -H 'x-api-key: ", 'https://api.contoso-rmm.example/v2/devices?site=12'],
  },
  {
    name: 'OAuth client credentials body with an Entra client secret',
    text: `POST /oauth2/v2.0/token\ngrant_type=client_credentials&client_id=0b7f3a1e-5c2d-4e8f-9a6b-1d2c3e4f5a6b&client_secret=${ENTRA_SECRET}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default`,
    secrets: [{ value: ENTRA_SECRET, kind: 'client_secret' }],
    keep: ['client_id=0b7f3a1e-5c2d-4e8f-9a6b-1d2c3e4f5a6b', '&client_secret=', '&scope='],
  },
  {
    name: 'JWT in a log line',
    text: `[AuthMiddleware] token validation failed: id_token=${JWT} reason=expired`,
    secrets: [{ value: JWT, kind: 'jwt' }],
    keep: ['[AuthMiddleware] token validation failed: id_token=', ' reason=expired'],
  },
  {
    name: 'Authorization: Bearer header (opaque token)',
    text: `> GET /api/v1/tickets HTTP/2\n> Host: psa.contoso.example\n> Authorization: Bearer ${BEARER_OPAQUE}\n> Accept: application/json`,
    secrets: [{ value: BEARER_OPAQUE, kind: 'bearer' }],
    keep: ['> Authorization: Bearer ', '> Accept: application/json', '> Host: psa.contoso.example'],
  },
  {
    name: 'Authorization: Basic header carrying ConnectWise credentials',
    text: `Invoke-RestMethod -Uri $uri -Headers @{ 'Authorization' = 'Basic ${CW_BASIC}'; 'clientId' = '3f2a9c1e-0000-4d5e-8f70-123456789abc' }`,
    secrets: [{ value: CW_BASIC, kind: 'basic_auth' }],
    keep: ["'Authorization' = 'Basic ", "'clientId' = '3f2a9c1e-0000-4d5e-8f70-123456789abc'"],
  },
  {
    name: 'ConnectWise credentials pasted decoded',
    text: `Using API member contoso+${fake('', 16, 32)}:${CW_PRIVATE} against na.myconnectwise.net`,
    secrets: [{ value: CW_PRIVATE, kind: 'connectwise_key' }],
    keep: ['Using API member contoso+', 'against na.myconnectwise.net'],
  },
  {
    name: 'RSA private key block',
    text: `Here is the key from the NAS:\n-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\nand the cert is attached.`,
    secrets: [{ value: PEM_BODY, kind: 'private_key' }],
    keep: ['-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', 'and the cert is attached.'],
  },
  {
    name: 'OpenSSH private key block',
    text: `cat ~/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\n${OPENSSH_BODY}\n-----END OPENSSH PRIVATE KEY-----`,
    secrets: [{ value: OPENSSH_BODY, kind: 'private_key' }],
    keep: ['cat ~/.ssh/id_ed25519', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  },
  {
    name: 'SQL Server connection string',
    text: `"ConnectionStrings": { "PSA": "Server=sql01.contoso.local;Database=PSA;User Id=sa;Password=${SQL_SA};TrustServerCertificate=True;" }`,
    secrets: [{ value: SQL_SA, kind: 'connection_string' }],
    keep: ['Server=sql01.contoso.local;Database=PSA;User Id=sa;Password=', ';TrustServerCertificate=True;'],
  },
  {
    name: 'ODBC connection string with PWD=',
    text: 'Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql02,1433;UID=acct_ro;PWD=R3port$only;Encrypt=yes',
    secrets: [{ value: 'R3port$only', kind: 'connection_string' }],
    keep: ['UID=acct_ro;PWD=', ';Encrypt=yes'],
  },
  {
    name: 'MongoDB URI',
    text: 'mongodump --uri="mongodb://backup:M0ngo!Pass@mongo01.contoso.local:27017/admin?authSource=admin" --out /backup',
    secrets: [{ value: 'M0ngo!Pass', kind: 'connection_string' }],
    keep: ['mongodb://backup:', '@mongo01.contoso.local:27017/admin?authSource=admin'],
  },
  {
    name: 'Postgres DATABASE_URL',
    text: 'DATABASE_URL=postgres://app:pgS3cr3t@db.internal:5432/app?sslmode=require',
    secrets: [{ value: 'pgS3cr3t', kind: 'connection_string' }],
    keep: ['DATABASE_URL=postgres://app:', '@db.internal:5432/app?sslmode=require'],
  },
  {
    name: 'MySQL, AMQP and Redis URLs in a compose file',
    text: '    environment:\n      - DB=mysql://wp:Wp!Db2026@mysql:3306/wordpress\n      - BROKER=amqp://rabbit:R4bb1t!mq@mq01:5672/\n      - CACHE=redis://:R3d1s-Cache@cache:6379/0',
    secrets: [
      { value: 'Wp!Db2026', kind: 'connection_string' },
      { value: 'R4bb1t!mq', kind: 'connection_string' },
      { value: 'R3d1s-Cache', kind: 'connection_string' },
    ],
    keep: ['DB=mysql://wp:', '@mysql:3306/wordpress', 'CACHE=redis://:', '@cache:6379/0'],
  },
  {
    name: 'SMTP URL',
    text: 'NOTIFY_SMTP=smtps://alerts%40contoso.com:M4il!Relay@smtp.office365.com:465',
    secrets: [{ value: 'M4il!Relay', kind: 'connection_string' }],
    keep: ['smtps://alerts%40contoso.com:', '@smtp.office365.com:465'],
  },
  {
    name: 'HTTPS URL with user info',
    text: 'Invoke-WebRequest https://admin:Un1f1!Ctrl@unifi.contoso.local:8443/api/stat/health',
    secrets: [{ value: 'Un1f1!Ctrl', kind: 'url_credentials' }],
    keep: ['https://admin:', '@unifi.contoso.local:8443/api/stat/health'],
  },
  {
    name: 'curl -u user:password',
    text: 'curl -k -u admin:Sw1tchAdm1n! https://10.0.20.2/rest/v10.08/system',
    secrets: [{ value: 'Sw1tchAdm1n!', kind: 'password' }],
    keep: ['curl -k -u admin:', 'https://10.0.20.2/rest/v10.08/system'],
  },
  {
    name: 'wpa_supplicant psk',
    text: 'network={\n    ssid="Contoso-Guest"\n    psk="Welcome2Contoso!"\n    key_mgmt=WPA-PSK\n}',
    secrets: [{ value: 'Welcome2Contoso!', kind: 'wifi_key' }],
    keep: ['ssid="Contoso-Guest"', 'psk="', 'key_mgmt=WPA-PSK'],
  },
  {
    name: 'netsh wlan show profile key=clear',
    text: 'Security settings\n-----------------\n    Authentication         : WPA2-Personal\n    Cipher                 : CCMP\n    Security key           : Present\n    Key Content            : correct horse battery staple\n',
    secrets: [{ value: 'correct horse battery staple', kind: 'wifi_key' }],
    keep: [
      'Authentication         : WPA2-Personal',
      'Security key           : Present',
      'Key Content            : ',
    ],
  },
  {
    name: 'BitLocker recovery key from manage-bde',
    text: `Volume C: [OS]\n    Numerical Password:\n      ID: {8F2C4B1A-3D5E-4F60-9A7B-1C2D3E4F5A6B}\n      Password:\n        ${BITLOCKER}\n`,
    secrets: [{ value: BITLOCKER, kind: 'bitlocker_key' }],
    keep: ['ID: {8F2C4B1A-3D5E-4F60-9A7B-1C2D3E4F5A6B}', 'Numerical Password:'],
  },
  {
    name: 'sshpass -p with a quoted password',
    text: "sshpass -p 'Sw1tch!Adm' ssh -p 2222 admin@10.0.20.1 'show running-config'",
    secrets: [{ value: 'Sw1tch!Adm', kind: 'password' }],
    keep: ['sshpass -p ', 'ssh -p 2222 admin@10.0.20.1'],
  },
  {
    name: 'psexec -u … -p …',
    text: 'psexec \\\\PC-042 -u CONTOSO\\admin -p Ps3xec!Run cmd /c ipconfig /all',
    secrets: [{ value: 'Ps3xec!Run', kind: 'password' }],
    keep: ['psexec \\\\PC-042 -u CONTOSO\\admin -p ', ' cmd /c ipconfig /all'],
  },
  {
    name: 'sqlcmd -P',
    text: 'sqlcmd -S sql01 -U sa -P Sq!Cmd2026 -Q "SELECT @@VERSION"',
    secrets: [{ value: 'Sq!Cmd2026', kind: 'password' }],
    keep: ['sqlcmd -S sql01 -U sa -P ', '-Q "SELECT @@VERSION"'],
  },
  {
    name: 'Cisco IOS username secret',
    text: 'hostname CORE-SW01\nusername admin privilege 15 secret 0 C1sco!Lab\nip domain-name contoso.local',
    secrets: [{ value: 'C1sco!Lab', kind: 'password' }],
    keep: ['username admin privilege 15 secret 0 ', 'ip domain-name contoso.local'],
  },
  {
    name: 'reg query Winlogon DefaultPassword',
    text: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\n    DefaultUserName    REG_SZ    kiosk\n    DefaultPassword    REG_SZ    K1osk!Auto\n',
    secrets: [{ value: 'K1osk!Auto', kind: 'password' }],
    keep: ['DefaultUserName    REG_SZ    kiosk', 'DefaultPassword    REG_SZ    '],
  },
  {
    name: 'unattend.xml AutoLogon password',
    text: '<AutoLogon>\n  <Password>\n    <Value>Unatt3nd!Local</Value>\n    <PlainText>true</PlainText>\n  </Password>\n  <Username>Administrator</Username>\n</AutoLogon>',
    secrets: [{ value: 'Unatt3nd!Local', kind: 'password' }],
    keep: ['<PlainText>true</PlainText>', '<Username>Administrator</Username>', '<Value>'],
  },
  {
    name: 'web.config appSettings',
    text: '<appSettings>\n  <add key="SmtpHost" value="smtp.contoso.local" />\n  <add key="SmtpPassword" value="Mail!Relay2026" />\n</appSettings>',
    secrets: [{ value: 'Mail!Relay2026', kind: 'password' }],
    keep: ['<add key="SmtpHost" value="smtp.contoso.local" />', '<add key="SmtpPassword" value="'],
  },
  {
    name: 'JSON with an escaped quote in the password',
    text: '{"username":"svc_api","password":"J50n!Pa\\"ss","domain":"CONTOSO"}',
    secrets: [{ value: 'J50n!Pa\\"ss', kind: 'password' }],
    keep: ['"username":"svc_api"', '"domain":"CONTOSO"'],
  },
  {
    name: 'openssl pkcs12 -passout pass:',
    text: 'openssl pkcs12 -export -in cert.pem -inkey key.pem -out contoso.pfx -passout pass:Pfx!Export9',
    secrets: [{ value: 'Pfx!Export9', kind: 'password' }],
    keep: ['-out contoso.pfx -passout pass:'],
  },
  {
    name: 'Microsoft Teams incoming webhook URL',
    text: `$hook = "https://contoso.webhook.office.com/webhookb2/${TEAMS_PATH}"\nInvoke-RestMethod -Method Post -Uri $hook -Body $json`,
    secrets: [{ value: TEAMS_PATH, kind: 'webhook_url' }],
    keep: ['https://contoso.webhook.office.com/webhookb2/', 'Invoke-RestMethod -Method Post -Uri $hook'],
  },
  {
    name: 'a password line on its own with spaces',
    text: 'New hire setup for J. Smith\nUsername: jsmith\nPassword: Blue Coffee Mug 42\nMFA: enroll on first login',
    secrets: [{ value: 'Blue Coffee Mug 42', kind: 'password' }],
    keep: ['Username: jsmith', 'Password: ', 'MFA: enroll on first login'],
  },
  {
    name: 'password given in a sentence',
    text: 'Hi Dana, your temporary password is: Tmp-4821-Xq. You will be asked to change it at first sign-in.',
    secrets: [{ value: 'Tmp-4821-Xq', kind: 'password' }],
    keep: ['your temporary password is: ', '. You will be asked to change it at first sign-in.'],
  },
  {
    name: 'cmdkey /pass:',
    text: 'cmdkey /add:fs01.contoso.local /user:CONTOSO\\svc_scan /pass:Sc4n!Folder',
    secrets: [{ value: 'Sc4n!Folder', kind: 'password' }],
    keep: ['cmdkey /add:fs01.contoso.local /user:CONTOSO\\svc_scan /pass:'],
  },
  {
    name: 'xfreerdp /p:',
    text: 'xfreerdp /v:10.0.0.5 /u:CONTOSO\\admin /p:Rdp!Pass1 /cert:ignore',
    secrets: [{ value: 'Rdp!Pass1', kind: 'password' }],
    keep: ['xfreerdp /v:10.0.0.5 /u:CONTOSO\\admin /p:', ' /cert:ignore'],
  },
  {
    name: 'PowerShell -NewPassword "…"',
    text: 'Set-MsolUserPassword -UserPrincipalName bob@contoso.com -NewPassword "Temp!Pass123" -ForceChangePassword $true',
    secrets: [{ value: 'Temp!Pass123', kind: 'password' }],
    keep: ['-UserPrincipalName bob@contoso.com -NewPassword "', '-ForceChangePassword $true'],
  },
];

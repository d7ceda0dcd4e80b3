// Test corpus for the redaction pass: realistic text a technician pastes, with the secrets it contains, and
// innocent look-alikes that must pass through untouched.
//
// Every secret here is fake. Vendor-shaped ones are assembled at load time (fake()) so that no literal in
// this file looks like a live credential to secret scanners or push protection.
import type { SecretKind } from './types';

export interface SecretSample {
  name: string;
  text: string;
  /** Each value must be gone from the redacted text and reported with this kind. */
  secrets: { value: string; kind: SecretKind }[];
  /** Context that must survive redaction. */
  keep: string[];
}

export interface InnocentSample {
  name: string;
  text: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${ALNUM}+/`;

/** Deterministic pseudo-random characters, so the corpus is stable across runs. */
export function fake(prefix: string, length: number, seed: number, alphabet = ALNUM): string {
  let x = seed;
  let out = prefix;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet.charAt(Math.floor(x / 65536) % alphabet.length);
  }
  return out;
}

const p = (...parts: string[]) => parts.join('');

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

export const SECRET_SAMPLES: SecretSample[] = [
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

export const INNOCENT_SAMPLES: InnocentSample[] = [
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

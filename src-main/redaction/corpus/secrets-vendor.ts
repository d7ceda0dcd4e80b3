// Vendor tokens in the current formats (secretlint's recommended preset knows most of them; the tests ask
// it for a second opinion), pasted as technicians paste them: env files, headers, CLI calls, chat.
import { HEX, fake, p, sample } from './samples';
import type { SecretSample } from './samples';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM_ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

export const MERAKI = fake('', 40, 401, HEX);
export const DUO_SKEY = fake('', 40, 402);
export const DOCKER = fake(p('dckr', '_pat_'), 27, 403);
export const AZURE_SECRET = fake('', 3, 404) + '8Q~' + fake('', 34, 405);
export const SHOPIFY = fake(p('shp', 'at_'), 32, 406, HEX);
export const LINEAR = fake(p('lin', '_api_'), 40, 407);
export const GROQ = fake(p('gs', 'k_'), 52, 408);
export const VAULT = fake(p('hv', 's.'), 94, 409);
export const TAILSCALE = p('tskey', '-auth-') + fake('', 17, 410) + 'CNTRL-' + fake('', 33, 411);
export const GRAFANA = fake(p('gl', 'sa_'), 32, 412) + '_' + fake('', 8, 413, HEX);
export const DATABRICKS = fake(p('da', 'pi'), 32, 414, HEX);
export const FIGMA = fake(p('fig', 'd_'), 40, 415, `${LOWER_ALNUM}_-`);
export const NOTION = p('nt', 'n_') + fake('', 11, 416, '0123456789') + fake('', 35, 417);
export const CLOUDFLARE = fake(p('cf', 'ut_'), 40, 418) + fake('', 8, 419, HEX);
export const VERCEL = fake(p('vc', 'p_'), 40, 420);
export const HUGGINGFACE = fake(
  p('h', 'f_'),
  34,
  421,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
);
export const NPM = fake(p('np', 'm_'), 36, 422);
export const GITLAB = fake(p('gl', 'pat-'), 20, 423);
export const GITHUB_FINE = fake(p('github', '_pat_'), 82, 424, ALNUM_);
export const OPENAI_NEW = p('sk', '-proj-') + fake('', 74, 425) + p('T3Blbk', 'FJ') + fake('', 74, 426);
export const SENDGRID = p('S', 'G.') + fake('', 22, 427) + '.' + fake('', 43, 428);
export const CW_PRIVATE = fake('', 16, 429);
export const CW_PUBLIC = fake('', 16, 430);
export const ITGLUE = p('IT', 'G.') + fake('', 32, 431, HEX) + '.' + fake('', 64, 432);
export const TWILIO_KEY = p('S', 'K') + fake('', 32, 433, HEX);
export const MAILGUN = p('ke', 'y-') + fake('', 32, 434, HEX);
export const POSTMAN = p('PM', 'AK-') + fake('', 24, 435, HEX) + '-' + fake('', 34, 436, HEX);
export const ANTHROPIC = p('sk', '-ant-', 'api03-') + fake('', 93, 437) + 'AA';
export const STRIPE_RESTRICTED = fake(p('rk', '_live_'), 24, 438);
export const SLACK_HOOK_PATH = `T${fake('', 8, 439).toUpperCase()}/B${fake('', 10, 440).toUpperCase()}/${fake('', 24, 441)}`;

export const VENDOR_SECRETS: SecretSample[] = [
  sample(
    'Meraki Dashboard API header',
    `curl -L -H "X-Cisco-Meraki-API-Key: ${MERAKI}" https://api.meraki.com/api/v1/organizations`,
    [MERAKI, 'api_key'],
  ),
  sample('Meraki API key in chat', `here is the meraki api key ${MERAKI} for the dashboard script`, [
    MERAKI,
    'api_key',
  ]),
  sample(
    'Duo Admin API credentials',
    `[duo]\nikey = DI${fake('', 18, 442).toUpperCase()}\nskey = ${DUO_SKEY}\napi_host = api-1a2b3c4d.duosecurity.com`,
    [DUO_SKEY, 'secret'],
  ),
  sample('Docker Hub PAT login', `echo ${DOCKER} | docker login -u contosoit --password-stdin`, [
    DOCKER,
    'token',
  ]),
  sample(
    'Azure app registration secret in a script',
    `$clientSecret = "${AZURE_SECRET}"\n$body = @{ client_id = $appId; client_secret = $clientSecret; scope = "https://graph.microsoft.com/.default" }`,
    [AZURE_SECRET, 'client_secret'],
  ),
  sample('Shopify admin token', `SHOPIFY_ACCESS_TOKEN=${SHOPIFY}`, [SHOPIFY, 'token']),
  sample('Linear API key header', `-H "Authorization: ${LINEAR}"`, [LINEAR, 'api_key']),
  sample('Groq API key', `export GROQ_API_KEY=${GROQ}`, [GROQ, 'api_key']),
  sample('Vault service token', `vault login ${VAULT}`, [VAULT, 'token']),
  sample('Tailscale auth key', `tailscale up --authkey=${TAILSCALE} --advertise-routes=10.0.0.0/24`, [
    TAILSCALE,
    'api_key',
  ]),
  sample('Grafana service account token', `Bearer token for grafana: ${GRAFANA}`, [GRAFANA, 'token']),
  sample('Databricks token', `databricks configure --token\nToken: ${DATABRICKS}`, [DATABRICKS, 'token']),
  sample('Figma token', `FIGMA_TOKEN=${FIGMA}`, [FIGMA, 'token']),
  sample('Notion integration token', `notion secret ${NOTION} for the wiki sync`, [NOTION, 'token']),
  sample('Cloudflare user API token', `CLOUDFLARE_API_TOKEN=${CLOUDFLARE}`, [CLOUDFLARE, 'token']),
  sample('Vercel token', `vercel deploy --token ${VERCEL}`, [VERCEL, 'token']),
  sample('Hugging Face token', `huggingface-cli login --token ${HUGGINGFACE}`, [HUGGINGFACE, 'token']),
  sample('npm token in .npmrc', `//registry.npmjs.org/:_authToken=${NPM}`, [NPM, 'token']),
  sample(
    'GitLab PAT',
    `git remote set-url origin https://oauth2:${GITLAB}@gitlab.contoso.example/it/scripts.git`,
    [GITLAB, 'token'],
  ),
  sample('GitHub fine-grained PAT in chat', `token for the runner: ${GITHUB_FINE}`, [
    GITHUB_FINE,
    'github_token',
  ]),
  sample('OpenAI project key (current format)', `OPENAI_API_KEY="${OPENAI_NEW}"`, [OPENAI_NEW, 'openai_key']),
  sample('SendGrid key in a relay config', `smtp.sendgrid.net:587 apikey:${SENDGRID}`, [SENDGRID, 'api_key']),
  sample(
    'ConnectWise API member keys',
    `CW site: na.myconnectwise.net company: contoso\npublic key: ${CW_PUBLIC}\nprivate key: ${CW_PRIVATE}`,
    [CW_PRIVATE, 'private_key'],
  ),
  sample('IT Glue API key', `x-api-key: ${ITGLUE}`, [ITGLUE, 'api_key']),
  sample('Twilio API key secret', `TWILIO_API_KEY_SID=${TWILIO_KEY}`, [TWILIO_KEY, 'api_key']),
  sample(
    'Mailgun key',
    `curl -s --user 'api:${MAILGUN}' https://api.mailgun.net/v3/mg.contoso.example/messages`,
    [MAILGUN, 'api_key'],
  ),
  sample('Postman API key', `POSTMAN_API_KEY=${POSTMAN}`, [POSTMAN, 'api_key']),
  sample('Anthropic key in chat', `the anthropic key we use for the bot is ${ANTHROPIC}`, [
    ANTHROPIC,
    'anthropic_key',
  ]),
  sample('Stripe restricted key', `stripe_key: ${STRIPE_RESTRICTED}`, [STRIPE_RESTRICTED, 'stripe_key']),
  sample(
    'Slack incoming webhook',
    `Alerts go to https://hooks.slack.com/services/${SLACK_HOOK_PATH} (channel #noc)`,
    [SLACK_HOOK_PATH, 'webhook_url'],
  ),
];

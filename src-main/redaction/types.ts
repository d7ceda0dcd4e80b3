// Public shapes of the redaction pass (DESIGN §5): what was found, where, and how to show it safely.

export type SecretKind =
  | 'password'
  | 'api_key'
  | 'token'
  | 'jwt'
  | 'bearer'
  | 'basic_auth'
  | 'private_key'
  | 'connection_string'
  | 'url_credentials'
  | 'aws_key'
  | 'github_token'
  | 'slack_token'
  | 'stripe_key'
  | 'openai_key'
  | 'anthropic_key'
  | 'google_api_key'
  | 'azure_key'
  | 'sas_token'
  | 'client_secret'
  | 'secret'
  | 'wifi_key'
  | 'bitlocker_key'
  | 'connectwise_key'
  | 'webhook_url'
  | 'psk'
  | 'snmp_community'
  | 'totp_seed';

export interface Finding {
  kind: SecretKind;
  /** Human label, possibly more specific than the kind: "AWS secret access key", "Password (unattend.xml)". */
  label: string;
  /** Offsets in the ORIGINAL text; end is exclusive. */
  start: number;
  end: number;
  /** Safe to show: a few leading characters and the length, never the whole secret. */
  preview: string;
}

export interface Redaction {
  text: string;
  findings: Finding[];
}

/** Default label per kind, and the noun used in the "2 secrets withheld (…)" summary. */
export const KIND_INFO: Record<SecretKind, { label: string; noun: string }> = {
  password: { label: 'Password', noun: 'password' },
  api_key: { label: 'API key', noun: 'API key' },
  token: { label: 'Access token', noun: 'token' },
  jwt: { label: 'JSON Web Token', noun: 'JWT' },
  bearer: { label: 'Bearer token', noun: 'bearer token' },
  basic_auth: { label: 'Basic auth credentials', noun: 'basic auth credentials' },
  private_key: { label: 'Private key', noun: 'private key' },
  connection_string: { label: 'Connection string password', noun: 'connection string' },
  url_credentials: { label: 'Password in URL', noun: 'URL password' },
  aws_key: { label: 'AWS access key', noun: 'AWS key' },
  github_token: { label: 'GitHub token', noun: 'GitHub token' },
  slack_token: { label: 'Slack token', noun: 'Slack token' },
  stripe_key: { label: 'Stripe secret key', noun: 'Stripe key' },
  openai_key: { label: 'OpenAI API key', noun: 'OpenAI key' },
  anthropic_key: { label: 'Anthropic API key', noun: 'Anthropic key' },
  google_api_key: { label: 'Google API key', noun: 'Google API key' },
  azure_key: { label: 'Azure storage key', noun: 'Azure key' },
  sas_token: { label: 'SAS signature', noun: 'SAS token' },
  client_secret: { label: 'Client secret', noun: 'client secret' },
  secret: { label: 'Secret', noun: 'secret' },
  wifi_key: { label: 'Wi-Fi key', noun: 'Wi-Fi key' },
  bitlocker_key: { label: 'BitLocker recovery key', noun: 'BitLocker recovery key' },
  connectwise_key: { label: 'ConnectWise API private key', noun: 'ConnectWise key' },
  webhook_url: { label: 'Webhook URL secret', noun: 'webhook URL' },
  psk: { label: 'VPN pre-shared key', noun: 'pre-shared key' },
  snmp_community: { label: 'SNMP community string', noun: 'SNMP community' },
  totp_seed: { label: 'TOTP seed', noun: 'TOTP seed' },
};

// The redaction corpus, put together (see samples.ts for its shapes and the rules it is written to).
import { BASIC_LOOKALIKES } from './lookalikes-basic';
import { COMMAND_LOOKALIKES } from './lookalikes-commands';
import { TECH_LOOKALIKES } from './lookalikes-tech';
import type { InnocentSample, SecretSample } from './samples';
import { CONFIG_SECRETS } from './secrets-config';
import { NETWORK_SECRETS } from './secrets-network';
import { PROSE_SECRETS } from './secrets-prose';
import { VENDOR_SECRETS } from './secrets-vendor';
import { WINDOWS_SECRETS } from './secrets-windows';

export { fake } from './samples';
export type { InnocentSample, SecretSample } from './samples';

export const SECRET_SAMPLES: SecretSample[] = [
  ...CONFIG_SECRETS,
  ...WINDOWS_SECRETS,
  ...PROSE_SECRETS,
  ...NETWORK_SECRETS,
  ...VENDOR_SECRETS,
];

export const INNOCENT_SAMPLES: InnocentSample[] = [
  ...BASIC_LOOKALIKES,
  ...TECH_LOOKALIKES,
  ...COMMAND_LOOKALIKES,
];

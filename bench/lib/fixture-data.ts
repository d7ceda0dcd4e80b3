// Deterministic, realistic-looking content for fixtures: a seeded PRNG, UUID-shaped ids and the
// kind of text technicians type into a troubleshooting session.

export type Rand = () => number;

/** mulberry32: small, fast, good enough for test data; the same seed gives the same fixture. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const intBetween = (rand: Rand, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1));

export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const hex8 = (rand: Rand): string =>
  Math.floor(rand() * 0x100000000)
    .toString(16)
    .padStart(8, '0');

/** A version-4-shaped UUID drawn from `rand`. */
export function uuid(rand: Rand): string {
  const h = hex8(rand) + hex8(rand) + hex8(rand) + hex8(rand);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const OPENERS = [
  'User reports that Outlook keeps prompting for credentials after the password change.',
  'Printer on the second floor shows offline for everyone except the front desk.',
  'VPN connects but no internal DNS names resolve from the laptop.',
  'Client says the shared drive mapping disappears after every reboot.',
  'Teams calls drop after about ten minutes on the warehouse Wi-Fi.',
  'New hire cannot sign in to the line-of-business app, error 0x80070005.',
  'Backup job for the file server failed three nights in a row with VSS errors.',
  'Laptop is stuck at "Preparing Windows" after the latest cumulative update.',
];

const STEPS = [
  'Checked the event log and found repeated 4625 failures from the same workstation.',
  'Cleared the cached credentials in Credential Manager and restarted the client.',
  'Confirmed the DHCP scope still has free leases and the DNS suffix is pushed.',
  'Ran gpresult /r; the drive-mapping policy applies but the loopback setting is off.',
  'Power-cycled the switch port and re-seated the cable, link light is back.',
  'Verified MFA registration in Entra; the user had two stale authenticator entries.',
  'Rolled back the print driver to the vendor package from last quarter.',
  'Asked the user to reproduce while I watched the session over remote support.',
  'The issue persists in safe mode, so third-party services are probably not the cause.',
  'Escalating: this looks like the certificate on the RD gateway expired overnight.',
  'Next step is to rebuild the user profile after copying Desktop and Documents.',
  'Tested from another machine on the same subnet and it works, so it is local.',
];

/** A message body of about `target` characters (100–300), cut at a word boundary when that keeps ≥ 100. */
export function messageBody(rand: Rand, target: number, first: boolean): string {
  let body = first ? pick(rand, OPENERS) : pick(rand, STEPS);
  while (body.length < target) body += ` ${pick(rand, STEPS)}`;
  if (body.length <= target) return body;
  const cut = body.slice(0, target);
  const space = cut.lastIndexOf(' ');
  return space >= Math.min(100, target) ? cut.slice(0, space) : cut;
}

const STEP_PROMPTS: readonly (readonly [string, readonly string[]])[] = [
  ['Is the Print Spooler service running on the print server?', ['Running', 'Stopped']],
  ['Does the user get the MFA prompt on their phone?', ['Yes', 'No', 'Not registered']],
  ['Can the laptop ping the domain controller by name?', ['Yes', 'Only by IP', 'No']],
  ['Is the mapped drive listed in net use?', ['Listed', 'Missing', 'Disconnected']],
  ['Which Outlook profile is in use?', ['Default', 'New profile', 'Cached mode off']],
  ['Did the backup job log a VSS error last night?', ['Yes', 'No']],
];
const FREE_TEXT = [
  'Restarted it, same error afterwards.',
  'User says it worked yesterday afternoon.',
  'Checked twice with the user on the call.',
];
const MODELS = ['Dell Latitude 5440', 'HP EliteBook 840 G9', 'Lenovo ThinkPad T14', 'Surface Laptop 5'];
const SYSTEMS = ['Windows 11 23H2', 'Windows 10 22H2', 'macOS Sonoma 14.5', 'Windows Server 2019'];

/** A diagnostic step as the assistant proposes it, answered most of the time. */
export function stepContent(rand: Rand): {
  text: string;
  options: string;
  selectedOption: string | null;
  freeText: string | null;
} {
  const [text, options] = pick(rand, STEP_PROMPTS);
  return {
    text,
    options: JSON.stringify(options),
    selectedOption: rand() < 0.8 ? pick(rand, options) : null,
    freeText: rand() < 0.3 ? pick(rand, FREE_TEXT) : null,
  };
}

const base36 = (rand: Rand, length: number): string =>
  Array.from({ length }, () => Math.floor(rand() * 36).toString(36))
    .join('')
    .toUpperCase();

/** A confirmed fact about the affected machine: host names and serials are the rare words of the fixture. */
export function factContent(rand: Rand): string {
  return `${pick(rand, MODELS)} DESKTOP-${base36(rand, 7)}, serial 5CG${base36(rand, 7)}, ${pick(rand, SYSTEMS)}`;
}

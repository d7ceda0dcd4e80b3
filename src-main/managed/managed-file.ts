// Finding and reading the managed settings file (issue 17). A bad file never stops Baton: each value that
// is wrong is left out with a problem saying which key and what is wrong, and the rest applies. Secrets
// are refused by the key's name (apiKey, privateKey, password…) and by what the value looks like (the
// redaction pass's detectors), so a key pasted into the wrong field is refused too.
import { existsSync, readFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import type { core } from 'zod';
import { findSecrets } from '../redaction/redact';
import { KIND_INFO } from '../redaction/types';
import type { ManagedSettingsFile } from './managed-schema';
import { ManagedSettingsFile as Schema } from './managed-schema';

export interface ManagedProblem {
  /** Where in the file, e.g. "connectwise.site" or "roster[2].email"; "" for the file as a whole. */
  key: string;
  message: string;
}

export interface ManagedLocation {
  file: string;
  /** BATON_SETTINGS_FILE, or the OS's usual place for machine-wide settings. */
  source: 'env' | 'os';
}

export interface LoadedManagedFile extends ManagedLocation {
  /** none: no file at the OS location (nothing is managed); read: parsed, perhaps with problems. */
  state: 'none' | 'read' | 'unreadable';
  /** The valid part of the file (null when nothing could be read). */
  settings: ManagedSettingsFile | null;
  problems: ManagedProblem[];
}

/** The OS's usual place for machine-wide settings (writable by administrators only). */
export function machineSettingsFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Baton', 'managed.json');
  if (platform === 'darwin') return join('/Library', 'Application Support', 'Baton', 'managed.json');
  return join('/etc', 'baton', 'managed.json');
}

/**
 * Where this computer's managed settings file is: BATON_SETTINGS_FILE, else the OS's usual place. An
 * installed app (`machineFirst`) reads the machine-wide file whenever there is one: an environment
 * variable is each user's to set, and must not let a technician swap the organization's file (and its
 * roster) for their own. BATON_SETTINGS_FILE then serves computers without one (and development, tests).
 */
export function managedSettingsLocation(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  options: { machineFirst?: boolean; exists?: (file: string) => boolean } = {},
): ManagedLocation {
  const machine = machineSettingsFile(env, platform);
  const exists = options.exists ?? existsSync;
  if (env.BATON_SETTINGS_FILE && !(options.machineFirst && exists(machine)))
    return { file: env.BATON_SETTINGS_FILE, source: 'env' };
  return { file: machine, source: 'os' };
}

export function loadManagedSettings(
  location: ManagedLocation,
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): LoadedManagedFile {
  let text: string;
  try {
    text = read(location.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && location.source === 'os')
      return { ...location, state: 'none', settings: null, problems: [] };
    const why =
      code === 'ENOENT'
        ? 'there is no such file (BATON_SETTINGS_FILE names it)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Baton may not read it (check the file’s permissions)'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : `it could not be read (${code ?? (err instanceof Error ? err.message : String(err))})`;
    return { ...location, state: 'unreadable', settings: null, problems: [{ key: '', message: why }] };
  }
  const parsed = parseManagedSettings(text);
  return {
    ...location,
    state: parsed.settings ? 'read' : 'unreadable',
    settings: parsed.settings,
    problems: parsed.problems,
  };
}

/** Secrets by name: these never belong in a file that every laptop can read. */
const SECRET_NAME =
  /^(key|.*(api[-_]?key|private[-_]?key|public[-_]?key|secret|passw(or)?d|pwd|token|credential|webhook[-_]?url|connection[-_]?string).*)$/i;

/** The file's text → its valid part and every problem, in plain words. Never throws. */
export function parseManagedSettings(text: string): {
  settings: ManagedSettingsFile | null;
  problems: ManagedProblem[];
} {
  const problems: ManagedProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      settings: null,
      problems: [{ key: '', message: `The file is not valid JSON (${detail}); nothing in it was used` }],
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      settings: null,
      problems: [{ key: '', message: 'The file must hold one JSON object ({ … }); nothing in it was used' }],
    };
  const data = refuseSecrets(raw, [], problems) as Record<string, unknown>;

  // Each round drops the values zod refused; what remains is parsed again. A handful of rounds settles
  // any file (each round removes at least one value).
  for (let round = 0; round < 20; round++) {
    const result = Schema.safeParse(data);
    if (result.success) return { settings: checkRoster(result.data, problems), problems };
    for (const issue of result.error.issues) drop(data, issue, problems);
    compact(data);
  }
  problems.push({ key: '', message: 'Too many problems in the file; nothing in it was used' });
  return { settings: null, problems };
}

const DROPPED = Symbol('dropped');

/** A copy of `value` without secrets: each one refused is a problem naming its key. */
function refuseSecrets(value: unknown, path: (string | number)[], problems: ManagedProblem[]): unknown {
  if (Array.isArray(value))
    return value
      .map((item, i) => refuseSecrets(item, [...path, i], problems))
      .filter((item) => item !== DROPPED);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const at = [...path, key];
      if (key !== '$schema' && SECRET_NAME.test(key)) {
        problems.push({ key: keyOf(at), message: secretRefused(`"${key}" is a secret`) });
        continue;
      }
      if (path.length === 1 && path[0] === 'webhooks' && typeof item === 'string') {
        problems.push({
          key: keyOf(at),
          message: secretRefused(
            'a webhook URL is a secret (say true to require the webhook, false to switch it off)',
          ),
        });
        continue;
      }
      const kept = refuseSecrets(item, at, problems);
      if (kept !== DROPPED) out[key] = kept;
    }
    return out;
  }
  if (typeof value === 'string') {
    const found = findSecrets(value)[0];
    if (found) {
      problems.push({
        key: keyOf(path),
        message: secretRefused(`it looks like a ${KIND_INFO[found.kind].label.toLowerCase()}`),
      });
      return DROPPED;
    }
  }
  return value;
}

const secretRefused = (why: string) =>
  `refused: ${why}. Secrets are never read from this file: enter it in Settings on each computer (it is kept in the system keychain)`;

/** Removes what the issue is about: the value itself, or (a required part missing) the object holding it. */
function drop(data: Record<string, unknown>, issue: core.$ZodIssue, problems: ManagedProblem[]): void {
  const path = [...issue.path] as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const holder = at(data, path);
    for (const key of issue.keys) {
      problems.push({
        key: keyOf([...path, key]),
        message: `is not a setting Baton knows (check the spelling against managed-settings.schema.json); it was ignored`,
      });
      if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[key];
    }
    return;
  }
  // The deepest part of the path that exists: a missing required value drops the object that needs it.
  let target = path;
  while (target.length > 0 && at(data, target) === undefined) target = target.slice(0, -1);
  if (target.length === 0) {
    problems.push({ key: keyOf(path), message: `${plain(issue, undefined)}; the file was not used` });
    for (const key of Object.keys(data)) delete data[key];
    return;
  }
  const missing = target.length < path.length ? ` (${keyOf(path.slice(target.length))} is missing)` : '';
  problems.push({
    key: keyOf(target),
    message: `${missing ? 'is incomplete' : plain(issue, at(data, target))}${missing}; it was ignored`,
  });
  const parent = at(data, target.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const last = target.at(-1)!;
  if (Array.isArray(parent)) parent[last as number] = DROPPED;
  else delete parent[last];
}

/** Arrays lose the entries marked DROPPED (after all of a round's issues, so indexes stay right). */
function compact(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) if (value[i] === DROPPED) value.splice(i, 1);
    value.forEach(compact);
  } else if (value !== null && typeof value === 'object') Object.values(value).forEach(compact);
}

function at(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value === DROPPED ? undefined : value;
}

export function keyOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

const KIND_OF = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value;

/** The issue in plain words: what the value should be, and what it is. */
function plain(issue: core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected =
        issue.expected === 'object'
          ? 'an object'
          : issue.expected === 'array'
            ? 'a list'
            : `a ${issue.expected}`;
      const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : KIND_OF(value);
      return `should be ${expected}, not ${shown}`;
    }
    case 'invalid_value':
      return issue.message.startsWith('should')
        ? issue.message
        : `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'is not in a form Baton accepts here (see managed-settings.schema.json)';
    default:
      return issue.message.startsWith('should') ? issue.message : `is wrong: ${issue.message}`;
  }
}

/**
 * One person per email and per ConnectWise member: entries sharing an email are all left out (which role
 * would apply is unknowable); a member identifier given to two people is dropped from both (a claim must
 * name one person).
 */
function checkRoster(settings: ManagedSettingsFile, problems: ManagedProblem[]): ManagedSettingsFile {
  if (!settings.roster) return settings;
  const byEmail = groupIndexes(settings.roster.map((p) => p.email));
  const byMember = groupIndexes(settings.roster.map((p) => p.connectwiseMember?.toLowerCase()));
  const roster = settings.roster.flatMap((person, i) => {
    const sameEmail = byEmail.get(person.email)!;
    if (sameEmail.length > 1) {
      problems.push({
        key: `roster[${i}].email`,
        message: `${person.email} is listed more than once (${sameEmail.map((j) => `roster[${j}]`).join(', ')}); none of those entries is used`,
      });
      return [];
    }
    const member = person.connectwiseMember?.toLowerCase();
    const sameMember = member ? byMember.get(member)! : [];
    if (sameMember.length > 1) {
      problems.push({
        key: `roster[${i}].connectwiseMember`,
        message: `${person.connectwiseMember} is given to more than one person (${sameMember.map((j) => `roster[${j}]`).join(', ')}); ${person.name} is matched by email instead`,
      });
      const { connectwiseMember: _dropped, ...rest } = person;
      return [rest];
    }
    return [person];
  });
  if (roster.length === 0) {
    // Setting every profile aside over a roster that lost all its entries would lock the team out.
    problems.push({
      key: 'roster',
      message: 'has nobody Baton can use; without a roster the roles on each computer stay as they are',
    });
    const { roster: _empty, ...rest } = settings;
    return rest;
  }
  return { ...settings, roster };
}

function groupIndexes(values: (string | undefined)[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, i) => {
    if (value === undefined) return;
    groups.set(value, [...(groups.get(value) ?? []), i]);
  });
  return groups;
}

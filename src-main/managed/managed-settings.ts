// What the managed settings file decided for this run of Baton: which settings are locked, to which value,
// and the roster. Read once at start (a changed file applies at the next start). Every settings service asks
// it two things: which of its fields are managed (the view shows them locked) and whether a save changes
// one (refused with FORBIDDEN naming the setting and the file).
import { AppError } from '../errors';
import type { LoadedManagedFile, ManagedProblem } from './managed-file';
import type { ManagedKey, ManagedSettingsFile, RosterEntry } from './managed-schema';
import { isManagedKey, MANAGED_KEYS } from './managed-schema';

export interface ManagedSettings {
  /** The file Baton looked at (null: managed settings are not used, e.g. in tests). */
  file: string | null;
  source: LoadedManagedFile['source'] | null;
  state: LoadedManagedFile['state'];
  problems: readonly ManagedProblem[];
  /** Every locked value, by its path in the file. */
  values: ReadonlyMap<ManagedKey, unknown>;
  /** The team roster, or null when the file has none (the local rules decide roles). */
  roster: readonly RosterEntry[] | null;
  has(key: ManagedKey): boolean;
  value<T>(key: ManagedKey): T | undefined;
  /** Of a view's fields (`prefix.field` in the file), those the file sets. */
  fields<F extends string>(prefix: string, names: readonly F[]): F[];
  /**
   * Throws FORBIDDEN when a save would change a managed value: `next` holds the values the save would
   * store, by file path (a managed status compares by id).
   */
  assertUnchanged(next: Partial<Record<ManagedKey, unknown>>): void;
  /** The roster entry for an email, or undefined (also when there is no roster). */
  rosterEntry(email: string): RosterEntry | undefined;
}

/** Managed settings from a loaded file. */
export function createManagedSettings(loaded: LoadedManagedFile | null): ManagedSettings {
  const values = loaded?.settings ? flatten(loaded.settings) : new Map<ManagedKey, unknown>();
  const roster = loaded?.settings?.roster ?? null;
  const byEmail = new Map((roster ?? []).map((person) => [person.email.toLowerCase(), person]));
  const where = loaded ? ` (${loaded.file})` : '';
  return {
    file: loaded?.file ?? null,
    source: loaded?.source ?? null,
    state: loaded?.state ?? 'none',
    problems: loaded?.problems ?? [],
    values,
    roster,
    has: (key) => values.has(key),
    value: <T>(key: ManagedKey) => values.get(key) as T | undefined,
    fields: (prefix, names) => names.filter((name) => values.has(`${prefix}.${name}` as ManagedKey)),
    assertUnchanged(next) {
      const changed = (Object.keys(next) as ManagedKey[]).filter(
        (key) => values.has(key) && !sameValue(key, values.get(key), next[key]),
      );
      if (changed.length === 0) return;
      const names = [...new Set(changed.map((key) => MANAGED_KEYS[key]))];
      throw new AppError(
        'FORBIDDEN',
        `${capitalize(list(names))} ${names.length === 1 ? 'is' : 'are'} managed by your organization${where} and cannot be changed here`,
        { managed: changed, file: loaded?.file ?? null },
      );
    },
    rosterEntry: (email) => byEmail.get(email.trim().toLowerCase()),
  };
}

/** No managed settings at all (tests, and hosts that do not read the file). */
export const noManagedSettings = (): ManagedSettings => createManagedSettings(null);

/** The file's values by their path: nested objects are walked until a path names a setting. */
export function flatten(settings: ManagedSettingsFile): Map<ManagedKey, unknown> {
  const out = new Map<ManagedKey, unknown>();
  const walk = (value: unknown, path: string) => {
    if (isManagedKey(path)) {
      if (value !== undefined) out.set(path, value);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  const { roster: _roster, $schema: _schema, version: _version, ...rest } = settings;
  walk(rest, '');
  return out;
}

function sameValue(key: ManagedKey, managed: unknown, next: unknown): boolean {
  if (key.startsWith('connectwise.statuses.')) return statusId(managed) === statusId(next);
  return stable(managed) === stable(next);
}

const statusId = (value: unknown): number | null =>
  typeof value === 'number'
    ? value
    : value && typeof value === 'object' && 'id' in value
      ? Number(value.id)
      : null;

/**
 * JSON with object keys sorted, so two equal objects written in another order compare equal; lists of
 * numbers or strings (board ids, email addresses) are sets: their order and an address's case do not count.
 */
function stable(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (Array.isArray(v)) {
      const items = v as unknown[];
      if (items.every((item) => typeof item === 'number')) return [...items].sort((a, b) => a - b);
      if (items.every((item) => typeof item === 'string'))
        return [...new Set(items.map((item) => item.trim().toLowerCase()))].sort();
      return items;
    }
    return v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v;
  });
}

const list = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

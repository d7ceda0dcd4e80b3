// The redaction corpus (issue 14): realistic text a technician pastes, with the secrets it contains, and
// innocent look-alikes that must pass through untouched. Split by theme; index.ts puts it together.
//
// Every secret here is fake. Vendor-shaped ones are assembled at load time (fake()) so that no literal in
// these files looks like a live credential to secret scanners or push protection.
import type { SecretKind } from '../types';

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

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

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

export const BASE64_ALPHABET = `${ALNUM}+/`;
export const HEX = '0123456789abcdef';

/** Joins parts, so a vendor prefix never appears whole in the source. */
export const p = (...parts: string[]) => parts.join('');

/**
 * A sample with one or more secrets whose context is everything around them: each piece of the text
 * between secrets (trimmed) must survive redaction as it was.
 */
export function sample(
  name: string,
  text: string,
  ...secrets: [value: string, kind: SecretKind][]
): SecretSample {
  const keep: string[] = [];
  let rest = text;
  for (const [value] of secrets) {
    const at = rest.indexOf(value);
    if (at < 0) throw new Error(`corpus sample "${name}": ${value} is not in its text`);
    keep.push(rest.slice(0, at));
    rest = rest.slice(at + value.length);
  }
  keep.push(rest);
  return {
    name,
    text,
    secrets: secrets.map(([value, kind]) => ({ value, kind })),
    keep: keep.map((k) => k.trim()).filter((k) => k.length >= 2),
  };
}

/** A look-alike: text that must come out exactly as it went in. */
export const innocent = (name: string, text: string): InnocentSample => ({ name, text });

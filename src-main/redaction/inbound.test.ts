// Every string a person can send through the contract is either stored free text (redacted at the IPC
// seam), or listed with the reason it is not: a new input cannot reach the store unredacted unnoticed.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Channel } from '../../src-preload/contract';
import { CHANNELS, contract } from '../../src-preload/contract';
import { OTHER_STRING_INPUTS, STORED_TEXT_INPUTS, redactStoredText } from './inbound';

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
// Strings whose format already says they are not prose.
const NOT_PROSE = new Set(['uuid', 'guid', 'email', 'url', 'cuid', 'ulid']);

/** Paths of the free-form string fields in a schema: `a`, `a.b`, `a[]`. */
function stringPaths(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return def.format && NOT_PROSE.has(def.format) ? [] : [path];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => stringPaths(v, path ? `${path}.${k}` : k));
    case 'array':
      return stringPaths(def.element!, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return stringPaths(def.innerType!, path);
    case 'pipe': {
      // A string piped into a format (trim → email) is that format.
      const out = defOf(def.out!);
      if (out.type === 'string' && out.format && NOT_PROSE.has(out.format)) return [];
      return [...new Set([...stringPaths(def.in!, path), ...stringPaths(def.out!, path)])];
    }
    case 'union':
      return [...new Set((def.options ?? []).flatMap((o) => stringPaths(o, path)))];
    case 'intersection':
      return [...stringPaths(def.left!, path), ...stringPaths(def.right!, path)];
    default:
      return [];
  }
}

describe('typed text reaches the store redacted', () => {
  it('every string input is stored free text or listed as something else', () => {
    const unlisted: string[] = [];
    for (const channel of CHANNELS) {
      const listed = new Set([
        ...(STORED_TEXT_INPUTS[channel] ?? []),
        ...(OTHER_STRING_INPUTS[channel] ?? []),
      ]);
      for (const path of stringPaths(contract[channel].input as z.ZodType)) {
        if (!listed.has(path)) unlisted.push(`${channel} ${path}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('lists only fields that exist', () => {
    const stale: string[] = [];
    for (const [channel, fields] of [
      ...Object.entries(STORED_TEXT_INPUTS),
      ...Object.entries(OTHER_STRING_INPUTS),
    ]) {
      const paths = new Set(stringPaths(contract[channel as Channel].input as z.ZodType));
      for (const field of fields ?? []) if (!paths.has(field)) stale.push(`${channel} ${field}`);
    }
    expect(stale).toEqual([]);
  });

  it('redacts the listed fields and leaves the rest of the input alone', () => {
    const input = {
      sessionId: '5b9c3d2e-1f4a-4b6c-8d7e-9f0a1b2c3d4e',
      text: 'Check the service account; its password is Winter2026!x',
      options: ['Works', 'pw=Tr0ub4dor&3'],
    };
    expect(redactStoredText('steps:add', input)).toEqual({
      sessionId: input.sessionId,
      text: 'Check the service account; its password is [REDACTED:password]',
      options: ['Works', 'pw=[REDACTED:password]'],
    });
    expect(input.text).toContain('Winter2026!x');
    expect(redactStoredText('sessions:search', { query: 'password is Winter2026!x' })).toEqual({
      query: 'password is Winter2026!x',
    });
  });
});

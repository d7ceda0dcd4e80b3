// fast-check arbitraries for a channel's input, read from its zod schema, plus hostile variants (huge
// strings, deep nesting, __proto__, wrong types, invalid URLs of every kind). Written here rather than
// taken from a library: zod-fast-check (the one that exists) supports zod 3 and fast-check 3 only,
// and Baton is on zod 4 / fast-check 4. Only the schema kinds the contract uses are mapped; an
// unknown kind fails loudly, so a new kind of input cannot silently go untested.
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Ids the fuzzer should sometimes use, so handlers get past "not found" (the setup's session, profiles…). */
export interface ArbitraryContext {
  ids: () => string[];
}

/** URLs that are wrong in every way a person (or a page) can get them wrong. */
export const HOSTILE_URLS = [
  '',
  ' ',
  'http://',
  'https://',
  '//[',
  'http://[',
  'http://[::1',
  'https://%zz',
  'https://exa mple.com',
  'https:example.com',
  'example.com',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'ftp://files.example.com/',
  'http://example.com/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://localhost.evil.example/',
  'http://127.0.0.1:99999/',
  'http://0x7f.1/',
  'https://user:pass@example.com/',
  'https://example.com/path?query=1#fragment',
  'https://例え.テスト/',
  'https://xn--/',
  'HTTPS://GRAPH.MICROSOFT.COM',
  'https://login.microsoftonline.com/',
  'https://login.microsoftonline.com/a/b',
  'https://graph.microsoft.com/v1.0',
  'https://\u0000.example.com',
  'https://example.com\r\nX-Injected: 1',
  `https://${'a'.repeat(70_000)}.example.com/`,
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A string no field expects: huge, control characters, lone surrogates, markup, URLs gone wrong. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_URLS),
  fc.constantFrom(
    'x'.repeat(200_000),
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '<img src=x onerror=alert(1)>',
    "'; drop table sessions; --",
    '%s%s%s%n',
    '   \t\n  ',
    '😀'.repeat(60_000),
    '__proto__',
    'constructor',
    '[ESCALATION_REQUESTED]',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** A value of the wrong type, or a structure built to hurt a parser. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 0, -1, 1e308, -0, true, false, '', [], {}),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2),
  hostileString,
  fc.constant(deeplyNested(3_000)),
  fc.constant(
    JSON.parse('{"__proto__":{"isAdmin":true,"role":"owner"},"constructor":{"prototype":{"x":1}}}'),
  ),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS), fc.anything({ maxDepth: 2 })),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }),
);

function stringArbitrary(def: Def, ctx: ArbitraryContext): fc.Arbitrary<string> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 400, 400);
  const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const known = fc.constant(null).chain(() => {
    const ids = ctx.ids();
    return ids.length ? fc.constantFrom(...ids) : fc.uuid({ version: 4 });
  });
  if (def.format === 'uuid' || def.format === 'guid') return fc.oneof(known, fc.uuid({ version: 4 }));
  // zod's email pattern is stricter than RFC 5322 (fc.emailAddress): generate what it accepts.
  if (def.format === 'email' && def.pattern) return fc.stringMatching(def.pattern);
  const plain = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  // A string field may be a URL: valid-looking ones, https and loopback, reach the deeper checks.
  const urls = fc.oneof(
    fc.webUrl({ validSchemes: ['https', 'http'] }),
    fc.constantFrom('http://127.0.0.1:9/', 'https://example.com'),
  );
  // fast-check cannot generate for case-insensitive patterns: the lowercase ones match them too.
  if (regex)
    return fc.oneof(
      { arbitrary: fc.stringMatching(new RegExp(regex.source, regex.flags.replace('i', ''))), weight: 6 },
      { arbitrary: plain, weight: 1 },
    );
  return fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: urls, weight: 1 });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const int = checks.some((c) => c.check === 'number_format');
  const lower = checks.find((c) => c.check === 'greater_than')?.value;
  const upper = checks.find((c) => c.check === 'less_than')?.value;
  const min = Math.max(lower ?? -1_000_000, -1_000_000);
  const max = Math.min(upper ?? 1_000_000, 1_000_000);
  return int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
}

/**
 * What the schema accepts, roughly; the whole input, or any field of it, sometimes replaced by a
 * hostile value. Rare enough per field that most inputs with several fields still reach the handler.
 */
export function inputArbitrary(schema: z.ZodType, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid(schema, ctx), weight: 5 }, { arbitrary: hostileValue, weight: 1 });
}

function fieldArbitrary(schema: z.ZodType, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid(schema, ctx), weight: 15 }, { arbitrary: hostileValue, weight: 1 });
}

function valid(schema: z.ZodType, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return fc.oneof(
        { arbitrary: stringArbitrary(def, ctx), weight: 12 },
        { arbitrary: hostileString, weight: 1 },
      );
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
    case 'default':
      return fc.option(fieldArbitrary(def.innerType!, ctx), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(fieldArbitrary(def.innerType!, ctx), { nil: null, freq: 3 });
    case 'pipe': {
      // z.string().trim().pipe(z.email()): what passes is what the formatted end accepts.
      const out = defOf(def.out!);
      return valid(out.type === 'string' && out.format ? def.out! : def.in!, ctx);
    }
    case 'union':
      return fc.oneof(...def.options!.map((option) => valid(option, ctx)));
    case 'array':
      return fc.array(fieldArbitrary(def.element!, ctx), { maxLength: 4 });
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([key, field]) => [key, fieldArbitrary(field, ctx)]),
      );
      const required = Object.keys(shape).filter((key) => {
        const type = defOf(def.shape![key]!).type;
        return type !== 'optional' && type !== 'default';
      });
      return fc.oneof(
        { arbitrary: fc.record(shape, { requiredKeys: required }), weight: 8 },
        // All of it, plus a key the schema does not know (maybe __proto__).
        {
          arbitrary: fc
            .tuple(fc.record(shape), fc.constantFrom(...PROTO_KEYS, 'extra'), hostileValue)
            .map(([record, key, value]) => {
              const withExtra: Record<string, unknown> = { ...record };
              Object.defineProperty(withExtra, key, {
                value,
                enumerable: true,
                configurable: true,
                writable: true,
              });
              return withExtra;
            }),
          weight: 1,
        },
      );
    }
    default:
      throw new Error(`contract-arbitraries: no arbitrary for zod type "${def.type}"; add one`);
  }
}

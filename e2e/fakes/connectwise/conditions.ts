// The `conditions` query language: `field op value` joined by and/or, with parentheses.
// Values: "strings" (\" and \\ escapes), numbers, true/false, null, [2026-01-10T12:00:00Z], (list) for `in`.
// Operators: = != < <= > >= contains like (% wildcard) in, and `not contains|like|in`.
// String comparisons are case-insensitive (CW runs on SQL Server's default collation). `and` binds tighter
// than `or`. Anything else is a ConditionError (→ 400), as are fields outside the resource's known list.

export class ConditionError extends Error {}

class CwDate {
  constructor(readonly ms: number) {}
}
type Literal = string | number | boolean | null | CwDate;
type Value = Literal | Literal[];
type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like' | 'in';

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'cmp'; field: string; op: Op; negate: boolean; value: Value };

type Token =
  | { t: 'word'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' }
  | { t: 'lit'; v: Literal };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const rest = input.slice(i);
    const c = input[i]!;
    let m: RegExpMatchArray | null;
    if (/\s/.test(c)) i += 1;
    else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      i += 1;
    } else if ((m = rest.match(/^(!=|<=|>=|=|<|>)/))) {
      tokens.push({ t: 'op', v: m[1]! });
      i += m[1]!.length;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < input.length && input[j] !== '"'; j++) {
        if (input[j] === '\\' && j + 1 < input.length) j += 1;
        text += input[j];
      }
      if (j >= input.length) throw new ConditionError(`unterminated string at ${i}`);
      tokens.push({ t: 'lit', v: text });
      i = j + 1;
    } else if (c === '[') {
      const end = input.indexOf(']', i);
      const ms = end < 0 ? NaN : Date.parse(input.slice(i + 1, end));
      if (Number.isNaN(ms)) throw new ConditionError(`bad date at ${i}`);
      tokens.push({ t: 'lit', v: new CwDate(ms) });
      i = end + 1;
    } else if ((m = rest.match(/^-?\d+(\.\d+)?(?![\w/])/))) {
      tokens.push({ t: 'lit', v: Number(m[0]) });
      i += m[0].length;
    } else if ((m = rest.match(/^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*/))) {
      const word = m[0];
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false') tokens.push({ t: 'lit', v: lower === 'true' });
      else if (lower === 'null') tokens.push({ t: 'lit', v: null });
      else tokens.push({ t: 'word', v: word });
      i += word.length;
    } else throw new ConditionError(`unexpected '${c}' at ${i}`);
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'contains', 'like', 'in']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly knownFields: ReadonlySet<string>,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) throw new ConditionError(`unexpected ${this.describe()}`);
    return node;
  }

  private peekWord(): string | undefined {
    const token = this.tokens[this.pos];
    return token?.t === 'word' ? token.v.toLowerCase() : undefined;
  }
  private describe(): string {
    const token = this.tokens[this.pos];
    return token ? JSON.stringify(token.v) : 'end of conditions';
  }

  private or(): Node {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.pos += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.primary();
    while (this.peekWord() === 'and') {
      this.pos += 1;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    const token = this.tokens[this.pos];
    if (token?.t === 'punct' && token.v === '(') {
      this.pos += 1;
      const node = this.or();
      if (!this.punct(')')) throw new ConditionError(`expected ')' but found ${this.describe()}`);
      return node;
    }
    if (token?.t !== 'word' || KEYWORDS.has(token.v.toLowerCase())) {
      throw new ConditionError(`expected a field name but found ${this.describe()}`);
    }
    const field = token.v;
    if (![...this.knownFields].some((known) => known.toLowerCase() === field.toLowerCase())) {
      throw new ConditionError(`unknown field '${field}'`);
    }
    this.pos += 1;
    const negate = this.peekWord() === 'not';
    if (negate) this.pos += 1;
    const op = this.operator(negate);
    const value = op === 'in' ? this.list() : this.literal();
    return { kind: 'cmp', field, op, negate, value };
  }

  private operator(negated: boolean): Op {
    const token = this.tokens[this.pos];
    const word = this.peekWord();
    if (word === 'contains' || word === 'like' || word === 'in') {
      this.pos += 1;
      return word;
    }
    if (token?.t === 'op' && !negated) {
      this.pos += 1;
      return token.v as Op;
    }
    throw new ConditionError(`expected an operator but found ${this.describe()}`);
  }

  private literal(): Literal {
    const token = this.tokens[this.pos];
    if (token?.t !== 'lit') throw new ConditionError(`expected a value but found ${this.describe()}`);
    this.pos += 1;
    return token.v;
  }

  private list(): Literal[] {
    if (!this.punct('(')) throw new ConditionError(`expected '(' after in`);
    const values = [this.literal()];
    while (this.punct(',')) values.push(this.literal());
    if (!this.punct(')')) throw new ConditionError(`expected ')' but found ${this.describe()}`);
    return values;
  }

  private punct(v: '(' | ')' | ','): boolean {
    const token = this.tokens[this.pos];
    if (token?.t !== 'punct' || token.v !== v) return false;
    this.pos += 1;
    return true;
  }
}

/**
 * A field's value by its path (`_info/lastUpdated`). There is no alias: whether ConnectWise takes a
 * top-level `lastUpdated` in conditions is unconfirmed (API-NOTES), so the fake refuses it as unknown.
 */
function fieldValue(record: unknown, field: string): unknown {
  let current: unknown = record;
  for (const part of field.split('/')) {
    if (current === null || typeof current !== 'object') return null;
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? null : (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/** Comparable form: dates (literal or ISO-looking string next to a date) → ms, strings → lower case. */
function norm(actual: unknown, literal: Literal): [unknown, unknown] {
  if (literal instanceof CwDate)
    return [typeof actual === 'string' ? Date.parse(actual) : actual, literal.ms];
  if (typeof actual === 'string' && typeof literal === 'string')
    return [actual.toLowerCase(), literal.toLowerCase()];
  return [actual, literal];
}

function likeRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*');
  return new RegExp(`^${escaped}$`, 'is');
}

function compare(actual: unknown, op: Op, value: Value): boolean {
  if (Array.isArray(value)) return value.some((v) => compare(actual, '=', v));
  const [a, b] = norm(actual, value);
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case 'contains':
      return typeof a === 'string' && typeof b === 'string' && a.includes(b);
    case 'like':
      return typeof actual === 'string' && typeof value === 'string' && likeRegExp(value).test(actual);
    default: {
      if (a === null || b === null || typeof a !== typeof b) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
    }
  }
}

function evaluate(node: Node, record: unknown): boolean {
  if (node.kind !== 'cmp') {
    const left = evaluate(node.left, record);
    return node.kind === 'and' ? left && evaluate(node.right, record) : left || evaluate(node.right, record);
  }
  const result = compare(fieldValue(record, node.field), node.op, node.value);
  return node.negate ? !result : result;
}

/** Parses `conditions` once; the result tests records. Throws ConditionError on anything it does not know. */
export function parseConditions(input: string, knownFields: Iterable<string>): (record: unknown) => boolean {
  const tokens = tokenize(input);
  if (tokens.length === 0) return () => true;
  const tree = new Parser(tokens, new Set(knownFields)).parse();
  return (record) => evaluate(tree, record);
}

export { fieldValue };

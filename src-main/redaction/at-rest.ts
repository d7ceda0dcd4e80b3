// Secrets never rest in plain text (issue 14). Text is stored with placeholders; what the redaction pass
// withheld from a message is sealed with AES-256-GCM under a 32-byte key kept in the OS keychain (service
// "redaction", account "withheld-key"), so the SQLite file, its WAL and its search index hold no secret,
// and only the person who pasted them may see them again ("Show withheld").
//
// The key is read once per process (ready()), before the first IPC call and job (core.ts), so the store's
// synchronous writes can seal without waiting on the keychain. A keychain that cannot be read is an error
// with a hint, never a silent plain-text fallback: a message with a secret in it is then refused.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretVault } from '../vault/secret-vault';
import { keychainUnavailable } from '../vault/secret-vault';
import type { Db } from '../store/database';
import { rawClient } from '../store/database';
import { findSecretsInChunks } from './chunked';
import type { Candidate } from './rule';
import { findSecrets, placeholder, previewOf } from './redact';
import type { SecretKind } from './types';

export const WITHHELD_KEY = { service: 'redaction', account: 'withheld-key' } as const;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A placeholder's place in the stored text (offsets in the text with placeholders, end exclusive). */
export interface StoredSpan {
  kind: SecretKind;
  label: string;
  start: number;
  end: number;
}

/** Text as it may be stored, and what was withheld from it (held in memory only until it is sealed). */
export interface PreparedText {
  text: string;
  spans: StoredSpan[];
  values: string[];
}

/** The placeholders' places in the stored text for spans found in the original. */
function prepared(original: string, found: readonly Candidate[]): PreparedText {
  if (found.length === 0) return { text: original, spans: [], values: [] };
  const parts: string[] = [];
  const spans: StoredSpan[] = [];
  const values: string[] = [];
  let at = 0;
  let length = 0;
  for (const c of found) {
    const before = original.slice(at, c.start);
    const mark = placeholder(c.kind);
    parts.push(before, mark);
    length += before.length;
    spans.push({ kind: c.kind, label: c.label, start: length, end: length + mark.length });
    values.push(original.slice(c.start, c.end));
    length += mark.length;
    at = c.end;
  }
  parts.push(original.slice(at));
  return { text: parts.join(''), spans, values };
}

/** Text ready to store: placeholders in, the withheld values beside it. */
export function prepareText(text: string): PreparedText {
  return prepared(text, findSecrets(text));
}

/** prepareText for a large text, a window at a time (see chunked.ts). */
export async function prepareTextInChunks(text: string): Promise<PreparedText> {
  return prepared(text, await findSecretsInChunks(text));
}

/** The original text back: each placeholder replaced by its value. */
export function restoreText(stored: string, spans: readonly StoredSpan[], values: readonly string[]): string {
  let out = stored;
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    out = out.slice(0, span.start) + (values[i] ?? '') + out.slice(span.end);
  }
  return out;
}

export interface SealedPayload {
  values: string[];
  previews: string[];
}

export interface AtRest {
  /** Reads (or, the first time, creates) the key; resolves whether or not the keychain answered. */
  ready(): Promise<void>;
  /** Whether the key is loaded, so seal() can run. */
  hasKey(): boolean;
  /** Seals the values of one record; `binding` (its id) is authenticated with them. Synchronous. */
  seal(binding: string, values: readonly string[]): { sealed: Buffer; keyId: string };
  /** The values back, or null when this key cannot open them (another install's key, or tampering). */
  open(binding: string, sealed: Buffer, keyId: string): SealedPayload | null;
}

export function createAtRest(deps: {
  vault: SecretVault;
  log?: (message: string, err?: unknown) => void;
}): AtRest {
  let key: Buffer | null = null;
  let keyId = '';
  let loading: Promise<void> | null = null;
  let lastError: unknown = null;

  async function load(): Promise<void> {
    const stored = await deps.vault.get(WITHHELD_KEY.service, WITHHELD_KEY.account);
    let bytes = stored ? Buffer.from(stored, 'base64') : null;
    if (bytes?.length !== 32) {
      bytes = randomBytes(32);
      await deps.vault.set(WITHHELD_KEY.service, WITHHELD_KEY.account, bytes.toString('base64'));
      // Two Batons starting at once on a fresh machine: whichever key the keychain kept is the key.
      const kept = await deps.vault.get(WITHHELD_KEY.service, WITHHELD_KEY.account);
      if (kept) bytes = Buffer.from(kept, 'base64');
    }
    key = bytes;
    keyId = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  }

  function ready(): Promise<void> {
    if (key) return Promise.resolve();
    loading ??= load()
      .then(() => {
        lastError = null;
      })
      .catch((err: unknown) => {
        lastError = err;
        deps.log?.('The OS keychain did not give the key that seals withheld secrets', err);
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return {
    ready,
    hasKey: () => key !== null,
    seal(binding, values) {
      if (!key) {
        void ready();
        throw lastError instanceof Error && 'code' in lastError
          ? lastError
          : keychainUnavailable(lastError ?? 'the key is still loading');
      }
      const previews = values.map(previewOf);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(`baton:withheld:${binding}`));
      const body = Buffer.concat([
        cipher.update(JSON.stringify({ values: [...values], previews } satisfies SealedPayload), 'utf8'),
        cipher.final(),
      ]);
      return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId };
    },
    open(binding, sealed, sealedKeyId) {
      if (!key || sealedKeyId !== keyId || sealed.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(`baton:withheld:${binding}`));
        decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8')) as SealedPayload;
      } catch {
        return null;
      }
    },
  };
}

// The store's repositories are small (db, …) functions: they find the sealer of their connection here.
type Connection = Db['$client'];
const registry = new WeakMap<Connection, AtRest>();

export function attachAtRest(sqlite: Connection, atRest: AtRest): void {
  registry.set(rawClient(sqlite), atRest);
}

/** The sealer of this connection; a store opened without one cannot keep a withheld value. */
export function atRestOf(sqlite: Connection): AtRest {
  const found = registry.get(rawClient(sqlite));
  if (!found) throw new Error('This store has no key to seal withheld secrets (attachAtRest was not called)');
  return found;
}

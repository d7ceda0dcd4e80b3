// Looks for secrets where a thief with the data folder would: the SQLite file's bytes, its WAL's bytes,
// and the words the full-text index keeps (FTS5 prefix-compresses its terms, so a byte scan alone could
// miss them; fts5vocab lists them whole).
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The words unicode61 makes of a secret that are specific enough to count as a copy of it. */
export function secretWords(secret: string): string[] {
  return (secret.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 6 && /\d/.test(w));
}

export interface SecretScan {
  /** Secrets found whole in the database file or its WAL. */
  inFiles: string[];
  /** Index terms that are a secret's distinctive words. */
  inIndex: string[];
}

export function scanForSecrets(file: string, secrets: readonly string[]): SecretScan {
  const bytes = [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'));
  const inFiles = secrets.filter((s) => {
    const needle = Buffer.from(s, 'utf8').toString('latin1');
    return bytes.some((b) => b.includes(needle));
  });
  // A second, read-only connection: the temp vocabulary table never touches the file.
  const sqlite = new Database(file, { readonly: true });
  try {
    sqlite.exec(`CREATE VIRTUAL TABLE temp.search_words USING fts5vocab(main, session_search, 'row')`);
    const terms = new Set(sqlite.prepare('SELECT term FROM temp.search_words').pluck().all() as string[]);
    const inIndex = [...new Set(secrets.flatMap(secretWords))].filter((w) => terms.has(w));
    return { inFiles, inIndex };
  } finally {
    sqlite.close();
  }
}

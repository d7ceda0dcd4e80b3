import type { Db } from './database';

// Building a drizzle query costs more than SQLite running it; each repository prepares its hot
// statements once per connection and reuses them.
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map<string, unknown>()));
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) statements.set(key, (statement = build(db)));
  return statement;
}

import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { rawClient, withStatementCache } from './database';

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function cached() {
  const sqlite = new Database(':memory:');
  open.push(sqlite);
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
  return { sqlite, client: withStatementCache(sqlite, 3) };
}

it('gives back the compiled statement for the same SQL, in its default mode whatever the last caller set', () => {
  const { client } = cached();
  const first = client.prepare('select id, name from t order by id');
  expect(first.raw().all()).toEqual([
    [1, 'a'],
    [2, 'b'],
  ]);
  const again = client.prepare('select id, name from t order by id');
  expect(again).toBe(first);
  expect(again.all()).toEqual([
    { id: 1, name: 'a' },
    { id: 2, name: 'b' },
  ]);
  client.prepare('select name from t order by id').pluck().get();
  expect(client.prepare('select name from t order by id').get()).toEqual({ name: 'a' });
  // Writes are cached too (no mode to reset), and still write.
  client.prepare('insert into t (name) values (?)').run('c');
  client.prepare('insert into t (name) values (?)').run('d');
  expect(client.prepare('select count(*) as n from t').get()).toEqual({ n: 4 });
});

it('stays bounded, and keeps everything else of the connection (transactions, the connection itself)', () => {
  const { sqlite, client } = cached();
  for (let i = 0; i < 10; i++) client.prepare(`select ${i} as n`).get();
  const before = client.prepare('select 42 as n');
  for (let i = 10; i < 20; i++) client.prepare(`select ${i} as n`).get();
  // Past its limit the cache starts over: a statement is compiled again, never an unbounded map.
  expect(client.prepare('select 42 as n')).not.toBe(before);
  client.transaction(() => client.prepare("insert into t (name) values ('e')").run())();
  expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(3);
  expect(rawClient(client)).toBe(sqlite);
  expect(rawClient(sqlite)).toBe(sqlite);
});

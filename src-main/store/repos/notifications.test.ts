import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import {
  countUnreadNotifications,
  insertNotice,
  listNotifications,
  markNotificationsRead,
} from './notifications';
import { insertUser } from './users';

function store() {
  const opened = tempStore();
  const person = (name: string) =>
    insertUser(opened.db, { id: randomUUID(), name, email: `${name}@example.com`, role: 'engineer' }, 1).id;
  return { db: opened.db, person };
}

it('marking some notifications read leaves the rest of the bell, and everyone else’s, unread', () => {
  const { db, person } = store();
  const sam = person('sam');
  const ada = person('ada');
  insertNotice(db, { userId: sam, title: 'Note refused', body: 'first' }, 10);
  insertNotice(db, { userId: sam, title: 'Note refused', body: 'second' }, 20);
  insertNotice(db, { userId: ada, title: 'Note refused', body: 'hers' }, 30);
  const [second, first] = listNotifications(db, sam, 50);
  expect([second!.body, first!.body]).toEqual(['second', 'first']); // newest first

  // Ada's id among Sam's ids marks nothing of hers.
  const adas = listNotifications(db, ada, 50)[0]!;
  markNotificationsRead(db, sam, [first!.id, adas.id], 40);
  expect(listNotifications(db, sam, 50).map((n) => [n.body, n.read])).toEqual([
    ['second', false],
    ['first', true],
  ]);
  expect(countUnreadNotifications(db, sam)).toBe(1);
  expect(countUnreadNotifications(db, ada)).toBe(1);

  markNotificationsRead(db, sam, undefined, 50);
  expect(countUnreadNotifications(db, sam)).toBe(0);
  expect(countUnreadNotifications(db, ada)).toBe(1);
});

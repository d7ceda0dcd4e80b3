// Settings → ConnectWise on a real SQLite store and the real OS keychain, against the loopback fake.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ConnectWiseFake } from '../../../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../../../e2e/fakes/connectwise-fake';
import { createHttpClient } from '../../net/http';
import { openStore } from '../../store/database';
import { insertUser } from '../../store/repos/users';
import { createKeychainVault } from '../../vault/secret-vault';
import { CW_KEYS, CW_VAULT_SERVICE, createConnectWiseSettings } from './connectwise-settings';

const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', '..', 'drizzle');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cw-settings-'));
  const store = openStore(join(dir, 'baton.db'), MIGRATIONS_DIR);
  const vault = createKeychainVault(`baton-test-cw-${process.pid}`);
  const cw: ConnectWiseFake = await startConnectWiseFake();
  cw.addTicket({ id: 501, status: { id: 5, name: 'In Progress' } });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => store.close(),
    () => cw.close(),
    () => vault.delete(CW_VAULT_SERVICE, 'publicKey'),
    () => vault.delete(CW_VAULT_SERVICE, 'privateKey'),
  );
  let now = Date.UTC(2026, 0, 10, 12);
  const clock = { now: () => (now += 1000) };
  const admin = insertUser(store.db, { id: 'u-admin', name: 'Avery', email: 'a@x.com', role: 'admin' }, now);
  const engineer = insertUser(
    store.db,
    { id: 'u-eng', name: 'Eli', email: 'e@x.com', role: 'engineer' },
    now,
  );
  const settings = createConnectWiseSettings({
    db: store.db,
    clock,
    vault,
    http: createHttpClient({ defaultTimeoutMs: 3_000 }),
  });
  const form = {
    site: cw.siteUrl,
    companyId: cw.credentials.companyId,
    clientId: cw.credentials.clientId,
    publicKey: cw.credentials.publicKey,
    privateKey: cw.credentials.privateKey,
  };
  const audit = () =>
    store.sqlite
      .prepare(
        "select actor_id, entity_id, details from audit_log where action like 'settings.connectwise%' order by id",
      )
      .all() as {
      actor_id: string;
      entity_id: string;
      details: string;
    }[];
  return { store, vault, cw, settings, admin, engineer, form, audit };
}

it('keeps the keys only in the keychain, never in SQLite nor in the view; audits each change', async () => {
  const { store, vault, settings, admin, form, audit } = await setup();
  await expect(settings.client()).rejects.toMatchObject({
    code: 'NOT_CONFIGURED',
    message: expect.stringMatching(/site, company ID, clientId, public key, private key/) as string,
  });
  const view = await settings.saveConnection(admin, { ...form, site: `${form.site}/` });
  expect(view).toEqual({
    site: form.site,
    companyId: 'batontest',
    codebase: '',
    clientId: form.clientId,
    hasPublicKey: true,
    hasPrivateKey: true,
    configured: true,
    boardId: null,
    statuses: { resolved: null, escalated: null, claimed: null },
    notifyContact: true,
    canEdit: true,
    managed: [],
  });
  expect(await vault.get(CW_VAULT_SERVICE, 'privateKey')).toBe(form.privateKey);
  const tables = JSON.stringify([store.sqlite.prepare('select * from settings').all(), audit()]);
  expect(tables).not.toContain(form.privateKey);
  expect(tables).not.toContain(form.publicKey);
  expect(JSON.stringify(view)).not.toContain(form.privateKey);
  expect(audit().map((a) => a.entity_id)).toEqual([
    CW_KEYS.site,
    CW_KEYS.companyId,
    CW_KEYS.codebase,
    CW_KEYS.clientId,
    'connectwise.publicKey',
    'connectwise.privateKey',
  ]);
  expect(JSON.parse(audit()[5]!.details)).toEqual({ change: 'replaced', storedIn: 'keychain' });
  expect(audit().every((a) => a.actor_id === admin.id)).toBe(true);

  // Saving again without keys keeps them; only what changed is audited.
  await settings.saveConnection(admin, {
    ...form,
    publicKey: '',
    privateKey: undefined,
    codebase: 'v4_6_release/',
  });
  expect(
    audit()
      .slice(6)
      .map((a) => [a.entity_id, JSON.parse(a.details) as unknown]),
  ).toEqual([[CW_KEYS.codebase, { from: '', to: 'v4_6_release' }]]);
  expect((await (await settings.client()).getTicket(501)).id).toBe(501);
  expect(await settings.test()).toMatchObject({ ok: true });

  const cleared = await settings.saveConnection(admin, { ...form, clearKeys: true });
  expect(cleared).toMatchObject({ hasPublicKey: false, hasPrivateKey: false, configured: false });
  expect(JSON.parse(audit().at(-1)!.details)).toEqual({ change: 'removed', storedIn: 'keychain' });
});

it('refuses non-admins, and input that is not a ConnectWise connection', async () => {
  const { settings, admin, engineer, form } = await setup();
  await expect(settings.saveConnection(engineer, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(settings.saveStatusMapping(engineer, { boardId: 1, resolved: 9 })).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(await settings.view(engineer)).toMatchObject({ canEdit: false, configured: false });
  await expect(
    settings.saveConnection(admin, { ...form, site: 'http://cw.example.com', clientId: 'not-a-guid' }),
  ).rejects.toMatchObject({
    code: 'VALIDATION',
    details: {
      fields: [expect.objectContaining({ path: 'site' }), expect.objectContaining({ path: 'clientId' })],
    },
  });
});

it('maps statuses only from the board, checked live; dropdowns flag closed statuses', async () => {
  const { cw, settings, admin, form, audit } = await setup();
  await settings.saveConnection(admin, form);
  cw.addBoard({ id: 21, name: 'Projects', inactiveFlag: true, statuses: [{ id: 17, name: 'Planning' }] });
  expect(await settings.boards()).toEqual([{ id: 1, name: 'Service Board' }]);
  const options = await settings.boardStatuses(1);
  expect(options.map((o) => [o.id, o.name, o.closed])).toEqual([
    [1, 'New', false],
    [5, 'In Progress', false],
    [7, 'Escalated', false],
    [8, 'Assigned', false],
    [9, 'Resolved', true],
    [10, 'Closed', true],
  ]); // the inactive "Waiting (retired)" is not offered

  const before = audit().length;
  const refused = await settings
    .saveStatusMapping(admin, { boardId: 1, resolved: 9, escalated: 17, claimed: 11 })
    .catch((e: unknown) => e);
  expect(refused).toMatchObject({
    code: 'VALIDATION',
    details: {
      fields: [
        { path: 'escalated', message: 'Status 17 is not on the board "Service Board"' },
        { path: 'claimed', message: 'Status "Waiting (retired)" is inactive on the board "Service Board"' },
      ],
    },
  });
  await expect(settings.saveStatusMapping(admin, { boardId: 99, resolved: 9 })).rejects.toMatchObject({
    code: 'VALIDATION',
    details: { fields: [{ path: 'boardId', message: 'ConnectWise has no service board 99' }] },
  });
  expect(audit()).toHaveLength(before);
  expect(settings.statusMapping().boardId).toBeNull();

  const view = await settings.saveStatusMapping(admin, { boardId: 1, resolved: 9, escalated: 7 });
  expect(view.boardId).toBe(1);
  expect(view.statuses).toEqual({
    resolved: { id: 9, name: 'Resolved' },
    escalated: { id: 7, name: 'Escalated' },
    claimed: null,
  });
  expect(settings.statusMapping()).toEqual({ boardId: 1, ...view.statuses });
  expect(
    audit()
      .slice(before)
      .map((a) => a.entity_id),
  ).toEqual([CW_KEYS.boardId, CW_KEYS.resolved, CW_KEYS.escalated]);
});

it('tests the form values with the stored keys, and says why a connection fails', async () => {
  const { cw, settings, admin, form } = await setup();
  expect(await settings.test({ ...form, privateKey: '' })).toEqual({
    ok: false,
    message: 'Enter the private key',
    latencyMs: 0,
  });
  await settings.saveConnection(admin, form);
  expect(await settings.test({ ...form, publicKey: undefined, privateKey: undefined })).toMatchObject({
    ok: true,
  });
  expect(await settings.test({ ...form, privateKey: 'wrong' })).toMatchObject({
    ok: false,
    message: expect.stringMatching(/refused the credentials/) as string,
  });
  await cw.goDown();
  await expect(settings.boards()).rejects.toMatchObject({ code: 'OFFLINE' });
});

it('sends the stored keys only to the stored site: another site needs both keys typed with it', async () => {
  const { cw, settings, admin, form } = await setup();
  await settings.saveConnection(admin, form);
  const elsewhere = await startConnectWiseFake({
    credentials: { publicKey: 'ElsewherePublic1', privateKey: 'ElsewherePrivate1' },
  });
  cleanups.push(() => elsewhere.close());
  const otherSite = { ...form, site: elsewhere.siteUrl, publicKey: undefined, privateKey: undefined };

  const refused = await settings.test(otherSite);
  expect(refused).toMatchObject({
    ok: false,
    message: expect.stringMatching(
      /^Type both API keys to use 127\.0\.0\.1:\d+: the stored keys are only sent to 127\.0\.0\.1:/,
    ) as string,
  });
  // Only one key typed: the other stored one would still travel.
  expect(await settings.test({ ...otherSite, publicKey: 'typed-public' })).toMatchObject({ ok: false });
  expect(elsewhere.server.requests).toHaveLength(0);
  await expect(settings.saveConnection(admin, otherSite)).rejects.toMatchObject({ code: 'VALIDATION' });
  expect(elsewhere.server.requests).toHaveLength(0);

  // Typed with it, the new site is tried with the typed keys.
  expect(
    await settings.test({
      ...otherSite,
      publicKey: elsewhere.credentials.publicKey,
      privateKey: elsewhere.credentials.privateKey,
    }),
  ).toMatchObject({ ok: true });
  const sent = elsewhere.server.requests
    .map((r) => Buffer.from((r.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString())
    .filter(Boolean);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.join()).not.toContain(form.privateKey);
  // The stored site itself still works with the stored keys.
  expect(await settings.test({ ...form, publicKey: undefined, privateKey: undefined })).toMatchObject({
    ok: true,
  });
  void cw;
});

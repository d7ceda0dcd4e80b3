// The ConnectWise client against the loopback fake: codebase, headers, tickets, notes, verified changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectWiseFake } from '../../../e2e/fakes/connectwise-fake';
import { AppError } from '../../errors';
import { NetworkError } from '../../net/http';
import { createConnectWiseClient } from './client';
import { normalizeSite } from './config';
import { fakeConnection, startFakeWithClient } from './testing';

let fake: ConnectWiseFake | undefined;
afterEach(async () => {
  expect(fake?.server.handlerErrors ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});
async function setup(...args: Parameters<typeof startFakeWithClient>) {
  const started = await startFakeWithClient(...args);
  fake = started.cw;
  return started;
}
const companyInfoCalls = (cw: ConnectWiseFake) => cw.requests.filter((r) => r.path.startsWith('/login/'));

describe('connection', () => {
  it('accepts a bare host or a URL; https everywhere, plain http only to this computer', () => {
    expect(normalizeSite('api-na.myconnectwise.net')).toBe('https://api-na.myconnectwise.net');
    expect(normalizeSite(' https://na.myconnectwise.net/v4_6_release/services/ ')).toBe(
      'https://na.myconnectwise.net',
    );
    expect(normalizeSite('http://127.0.0.1:8123/')).toBe('http://127.0.0.1:8123');
    expect(() => normalizeSite('http://cw.example.com')).toThrow(/https/);
    expect(() => normalizeSite('')).toThrow(AppError);
  });

  it('looks the codebase up at /login/companyinfo once, and not at all when it is given', async () => {
    const { cw, http, client } = await setup({ codebase: 'v2025_1' });
    expect((await client.getTicket(501)).id).toBe(501);
    await client.getTicket(501);
    expect(await client.apiBase()).toBe(`${cw.siteUrl}/v2025_1/apis/3.0`);
    expect(companyInfoCalls(cw)).toHaveLength(1);

    const cache = new Map<string, string>();
    const first = createConnectWiseClient({ http, connection: fakeConnection(cw), codebaseCache: cache });
    await first.getTicket(501);
    const second = createConnectWiseClient({ http, connection: fakeConnection(cw), codebaseCache: cache });
    await second.getTicket(501);
    expect(companyInfoCalls(cw)).toHaveLength(2); // the shared cache answered the second client

    const given = createConnectWiseClient({
      http,
      connection: fakeConnection(cw, { codebase: '/v2025_1/' }),
    });
    await given.getTicket(501);
    expect(companyInfoCalls(cw)).toHaveLength(2);

    const stranger = createConnectWiseClient({
      http,
      connection: fakeConnection(cw, { companyId: 'nobody' }),
    });
    await expect(stranger.getTicket(501)).rejects.toMatchObject({
      code: 'PSA_FAILED',
      message: expect.stringMatching(/does not know the company ID "nobody"/) as string,
    });
  });

  it('sends Basic auth, clientId, a versioned Accept and Content-Type on every API call', async () => {
    const { cw, client } = await setup();
    await client.getTicket(501);
    const seen = cw.requests.find((r) => r.path.endsWith('/service/tickets/501'))!;
    const { companyId, publicKey, privateKey, clientId } = cw.credentials;
    expect(seen.headers.authorization).toBe(
      `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`,
    );
    expect(seen.headers.clientid).toBe(clientId);
    expect(seen.headers.accept).toBe('application/vnd.connectwise.com+json; version=2021.1');
    expect(seen.headers['content-type']).toBe('application/json');
  });

  it('a wrong key is a clear "refused the credentials" PSA_FAILED; so is a bare 404', async () => {
    const { cw, http, client } = await setup();
    const wrong = createConnectWiseClient({ http, connection: fakeConnection(cw, { privateKey: 'nope' }) });
    const err = await wrong.getTicket(501).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'PSA_FAILED',
      message: expect.stringMatching(
        /^ConnectWise refused the credentials.*Incorrect public\/private key/,
      ) as string,
      details: { status: 401, code: 'Unauthorized' },
    });
    cw.inject({ status: 404, body: '', match: cw.match('GET', 'service/tickets/501') });
    await expect(client.getTicket(501)).rejects.toMatchObject({
      code: 'PSA_FAILED',
      message: expect.stringMatching(/refused the credentials.*site address/) as string,
    });
    // A real "not found" keeps CW's own message.
    await expect(client.getTicket(999)).rejects.toMatchObject({
      code: 'PSA_FAILED',
      message: 'ConnectWise: Ticket 999 not found',
      details: { status: 404, code: 'NotFound' },
    });
  });

  it('testConnection: ok with version and latency; the reason when not', async () => {
    const { cw, http, client } = await setup();
    const ok = await client.testConnection();
    expect(ok).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Connected to ConnectWise v2025/) as string,
    });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(cw.requests.some((r) => r.path.endsWith('/system/info'))).toBe(true);
    const wrong = createConnectWiseClient({ http, connection: fakeConnection(cw, { publicKey: 'x' }) });
    expect(await wrong.testConnection()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused/) as string,
    });
    await cw.goDown();
    expect(await client.testConnection()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Cannot reach ConnectWise/) as string,
    });
  });
});

describe('tickets and notes', () => {
  it('reads a ticket', async () => {
    const { client } = await setup();
    expect(await client.getTicket(501)).toMatchObject({
      id: 501,
      summary: 'Printer offline',
      status: { id: 5, name: 'In Progress' },
      board: { id: 1, name: 'Service Board' },
      closedFlag: false,
    });
  });

  it('posts a resolution note as resolution, an escalation as internal analysis (what CW recorded)', async () => {
    const { cw, client } = await setup();
    const resolution = await client.postNote(501, {
      text: '## Resolution\nReplaced toner',
      kind: 'resolution',
    });
    const escalation = await client.postNote(501, { text: '## Problem\nSpooler crashes', kind: 'internal' });
    expect(cw.notes(501)).toEqual([
      expect.objectContaining({
        id: resolution.id,
        text: '## Resolution\nReplaced toner',
        resolutionFlag: true,
        internalAnalysisFlag: false,
        detailDescriptionFlag: false,
      }),
      expect.objectContaining({
        id: escalation.id,
        internalAnalysisFlag: true,
        resolutionFlag: false,
        detailDescriptionFlag: false,
      }),
    ]);
    const sent = cw.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as object);
    expect(sent[0]).toMatchObject({ processNotifications: false, customerUpdatedFlag: false });
  });

  it('lists notes across pages (Link rel=next), oldest first, with conditions', async () => {
    const { cw, client } = await setup();
    for (let i = 1; i <= 7; i++) cw.addNote(501, { text: `note ${i}`, internalAnalysisFlag: i % 2 === 0 });
    const before = cw.requests.length;
    const notes = await client.listNotes(501, { pageSize: 3 });
    expect(notes.map((n) => n.text)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `note ${i}`));
    const pages = cw.requests.slice(before).filter((r) => r.path.endsWith('/notes'));
    expect(pages.map((r) => [r.query.page ?? '1', r.query.orderBy])).toEqual([
      ['1', 'id asc'],
      ['2', 'id asc'],
      ['3', 'id asc'],
    ]);
    const newer = await client.listNotes(501, { after: notes[4]!.id, pageSize: 2 });
    expect(newer.map((n) => n.text)).toEqual(['note 6', 'note 7']);
    expect(cw.requests.at(-1)!.query.conditions).toBe(`id > ${notes[4]!.id}`);
  });

  it('reads notes newest first, a page at a time, and stops once it has what it needs', async () => {
    const { cw, client } = await setup();
    for (let i = 1; i <= 9; i++) cw.addNote(501, { text: `note ${i}`, internalAnalysisFlag: true });
    const before = cw.requests.length;
    const read = await client.readNotesBackwards(501, (notes) => notes.some((n) => n.text === 'note 5'), {
      pageSize: 3,
    });
    expect(read.map((n) => n.text)).toEqual([9, 8, 7, 6, 5, 4].map((i) => `note ${i}`));
    expect(cw.requests.slice(before).filter((r) => r.path.endsWith('/notes'))).toHaveLength(2);
  });

  it('postNoteOnce: a retry after a lost answer finds the earlier note by its text, adding nothing to it', async () => {
    const { cw, http } = await setup();
    const client = createConnectWiseClient({ http, connection: fakeConnection(cw), timeoutMs: 300 });
    const writes = new Map<string, { afterNoteId: number; noteId: number | null }>();
    const ledger = {
      get: (reference: string) => writes.get(reference),
      begin: (reference: string, _ticket: number, afterNoteId: number) =>
        void writes.set(reference, { afterNoteId, noteId: null }),
      done: (reference: string, noteId: number) =>
        void writes.set(reference, { ...writes.get(reference)!, noteId }),
    };
    const text = 'Replaced the toner.\r\nPrinter prints again.  ';
    const write = { reference: 'post:1', ledger };
    cw.inject({ kind: 'hold', match: cw.match('POST', 'service/tickets/501/notes') });
    await expect(client.postNoteOnce(501, { text, kind: 'resolution' }, write)).rejects.toBeInstanceOf(
      NetworkError,
    );
    // Someone else writes on the ticket meanwhile; the same text as an internal note is another note.
    cw.addNote(501, { text, internalAnalysisFlag: true });
    const retry = await client.postNoteOnce(501, { text, kind: 'resolution' }, write);
    expect(retry.alreadyPosted).toBe(true);
    expect(
      cw
        .notes(501)
        .filter((n) => n.resolutionFlag)
        .map((n) => n.text),
    ).toEqual([text]);
    // Once known, no request at all.
    const before = cw.requests.length;
    expect((await client.postNoteOnce(501, { text, kind: 'resolution' }, write)).noteId).toBe(retry.noteId);
    expect(cw.requests.length).toBe(before);
    // Another write with the same text is another note.
    const other = await client.postNoteOnce(
      501,
      { text, kind: 'resolution' },
      { reference: 'post:2', ledger },
    );
    expect(other.alreadyPosted).toBe(false);
    expect(cw.notes(501).filter((n) => n.resolutionFlag)).toHaveLength(2);
  });

  it('deletes a note; deleting it again is CW’s 404', async () => {
    const { cw, client } = await setup();
    const note = await client.postNote(501, { text: 'claim', kind: 'internal' });
    await client.deleteNote(501, note.id);
    expect(cw.notes(501)).toEqual([]);
    await expect(client.deleteNote(501, note.id)).rejects.toMatchObject({
      code: 'PSA_FAILED',
      details: { status: 404 },
    });
  });

  it('boards, a board statuses in board order, members by e-mail', async () => {
    const { cw, client } = await setup();
    cw.addBoard({
      id: 21,
      name: 'Projects',
      statuses: [
        { id: 31, name: 'Done', sortOrder: 2 },
        { id: 30, name: 'Plan', sortOrder: 1 },
      ],
    });
    expect((await client.listBoards()).map((b) => b.name)).toEqual(['Service Board', 'Projects']);
    expect((await client.listBoardStatuses(21)).map((s) => s.name)).toEqual(['Plan', 'Done']);
    const statuses = await client.listBoardStatuses(1);
    expect(statuses.find((s) => s.id === 9)).toMatchObject({ name: 'Resolved', closedStatus: true });
    expect(await client.findMemberByEmail('ANN@example.com')).toMatchObject({ id: 7, identifier: 'asmith' });
    expect(await client.findMemberByEmail('nobody@example.com')).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectWiseFake, CwNote } from './connectwise-fake';
import { cwErrors, startConnectWiseFake } from './connectwise-fake';

describe('ConnectWise fake', () => {
  let cw: ConnectWiseFake;

  beforeEach(async () => {
    cw = await startConnectWiseFake({ now: () => new Date('2026-01-10T12:00:00.123Z') });
    cw.addTicket({ id: 501, summary: 'Printer offline', status: { id: 17, name: 'In Progress' } });
    cw.addTicket({
      id: 502,
      summary: 'VPN down',
      owner: { id: 7, identifier: 'asmith', name: 'Ann Smith' },
      extra: { company: { id: 3, identifier: 'Acme', name: 'Acme Ltd' } },
    });
  });
  afterEach(async () => {
    expect(cw.server.handlerErrors).toEqual([]);
    await cw.close();
  });

  const get = (resource: string, headers = cw.authHeaders()) =>
    fetch(`${cw.apiBase}${resource}`, { headers });
  const postNote = (ticketId: number, body: unknown, signal?: AbortSignal) =>
    fetch(`${cw.apiBase}/service/tickets/${ticketId}/notes`, {
      method: 'POST',
      headers: cw.authHeaders(),
      body: JSON.stringify(body),
      signal,
    });

  it('serves tickets under /{codebase}/apis/3.0 in the CW shape', async () => {
    expect(cw.apiBase).toBe(`http://127.0.0.1:${cw.server.port}/v4_6_release/apis/3.0`);
    const res = await get('/service/tickets/501');
    expect(res.status).toBe(200);
    const ticket = (await res.json()) as Record<string, unknown>;
    expect(ticket).toEqual({
      id: 501,
      summary: 'Printer offline',
      status: { id: 17, name: 'In Progress' },
      board: { id: 1, name: 'Service Board' },
      closedFlag: false,
      _info: {
        lastUpdated: '2026-01-10T12:00:00Z',
        updatedBy: 'BatonAPI',
        dateEntered: '2026-01-10T12:00:00Z',
        enteredBy: 'BatonAPI',
      },
    });
    expect('owner' in ticket).toBe(false); // absent, not null, when unassigned
    const owned = (await (await get('/service/tickets/502')).json()) as Record<string, unknown>;
    expect(owned.owner).toEqual({ id: 7, identifier: 'asmith', name: 'Ann Smith' });
    expect(owned.company).toEqual({ id: 3, identifier: 'Acme', name: 'Acme Ltd' });
    expect(await (await get('/service/tickets/502?fields=id,owner/identifier')).json()).toEqual({
      id: 502,
      owner: { identifier: 'asmith' },
    });

    const missing = await get('/service/tickets/999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'NotFound', message: 'Ticket 999 not found' });
  });

  it('rejects bad credentials with 401 and a missing clientId with 400', async () => {
    const wrongKey = await get('/service/tickets/501', cw.authHeaders({ privateKey: 'nope' }));
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toEqual({ code: 'Unauthorized', message: 'Incorrect public/private key.' });
    expect((await get('/service/tickets/501', cw.authHeaders({ companyId: 'other' }))).status).toBe(401);
    expect((await get('/service/tickets/501', cw.authHeaders({ clientId: 'not-ours' }))).status).toBe(401);

    const { Authorization: _auth, ...noAuth } = cw.authHeaders();
    const anonymous = await get('/service/tickets/501', noAuth);
    expect(anonymous.status).toBe(401);

    const { clientId: _clientId, ...noClientId } = cw.authHeaders();
    const noClient = await get('/service/tickets/501', noClientId);
    expect(noClient.status).toBe(400);
    expect(((await noClient.json()) as { message: string }).message).toMatch(/clientId/);

    expect((await fetch(`${cw.siteUrl}/v2099_1/apis/3.0/service/tickets/501`)).status).toBe(404);
  });

  it('creates notes with ids in commit order and the CW reply shape', async () => {
    const res = await postNote(501, { text: 'Handoff: checked spooler', internalAnalysisFlag: true });
    expect(res.status).toBe(201);
    const note = (await res.json()) as CwNote;
    expect(note).toEqual({
      id: 9001,
      ticketId: 501,
      text: 'Handoff: checked spooler',
      detailDescriptionFlag: false,
      internalAnalysisFlag: true,
      resolutionFlag: false,
      customerUpdatedFlag: false,
      dateCreated: '2026-01-10T12:00:00Z',
      createdBy: 'BatonAPI',
      member: { id: 150, identifier: 'BatonAPI', name: 'Baton API' },
      _info: { lastUpdated: '2026-01-10T12:00:00Z', updatedBy: 'BatonAPI' },
    });
    const second = (await (await postNote(502, { text: 'Fixed', resolutionFlag: true })).json()) as CwNote;
    expect(second.id).toBe(9002);
    expect(cw.notes(501)).toEqual([note]);
    expect((await postNote(999, { text: 'x', resolutionFlag: true })).status).toBe(404);
  });

  it('validates notes: text required, at least one flag unless requireNoteFlag is off', async () => {
    const noFlag = await postNote(501, { text: 'no flags' });
    expect(noFlag.status).toBe(400);
    expect(await noFlag.json()).toMatchObject({
      code: 'InvalidObject',
      errors: [{ field: 'detailDescriptionFlag', resource: 'ticketNote' }],
    });
    const noText = await postNote(501, { detailDescriptionFlag: true });
    expect(await noText.json()).toMatchObject({ code: 'InvalidObject', errors: [{ field: 'text' }] });
    expect(cw.notes(501)).toEqual([]);

    cw.settings.requireNoteFlag = false;
    expect((await postNote(501, { text: 'no flags' })).status).toBe(201);
  });

  it('refuses `text contains` on notes by default (unconfirmed); with it allowed, finds notes by text, `id >` and orders them', async () => {
    const refused = await get(
      `/service/tickets/501/notes?conditions=${encodeURIComponent('text contains "x"')}`,
    );
    expect(refused.status).toBe(400);
    cw.settings.noteTextConditions = 'allow';
    cw.addNote(501, { text: 'Earlier note', detailDescriptionFlag: true });
    await postNote(501, { text: 'Escalated.\nbaton-ref: job-7f3a', internalAnalysisFlag: true });
    await postNote(501, { text: 'Another "quoted" note', internalAnalysisFlag: true });

    const search = async (query: string) => {
      const res = await get(`/service/tickets/501/notes?${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as CwNote[]).map((n) => n.id);
    };
    const conditions = (c: string) => `conditions=${encodeURIComponent(c)}`;
    expect(await search(conditions('text contains "BATON-REF: job-7f3a"'))).toEqual([9002]);
    expect(await search(conditions('text contains "\\"quoted\\""'))).toEqual([9003]);
    expect(await search(conditions('id > 9001'))).toEqual([9002, 9003]);
    expect(
      await search(`${conditions('id > 9001 and internalAnalysisFlag = true')}&orderBy=id desc`),
    ).toEqual([9003, 9002]);
    expect(
      await search(conditions('(text like "earl%" or id >= 9003) and internalAnalysisFlag = false')),
    ).toEqual([9001]);
    expect(await search(conditions('text like "Earl%" or id in (9003)'))).toEqual([9001, 9003]);
    expect(
      await search(conditions('dateCreated >= [2026-01-10T00:00:00Z] and text not contains "note"')),
    ).toEqual([9002]);

    for (const bad of ['text ~ "x"', 'nosuchfield = 1', 'text contains "open', 'id > 1 and']) {
      const res = await get(`/service/tickets/501/notes?${conditions(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/^conditions:/);
    }
  });

  it('pages notes with page/pageSize and a CW-style Link header', async () => {
    for (let i = 1; i <= 7; i++) cw.addNote(501, { text: `note ${i}`, internalAnalysisFlag: true });
    const page = async (n: number) => {
      const res = await get(`/service/tickets/501/notes?orderBy=id%20asc&pageSize=3&page=${n}`);
      return { ids: ((await res.json()) as CwNote[]).map((x) => x.id), link: res.headers.get('link') };
    };
    const base = `${cw.apiBase}/service/tickets/501/notes?orderBy=id+asc&pageSize=3`;
    const first = await page(1);
    expect(first.ids).toEqual([9001, 9002, 9003]);
    expect(first.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);

    const middle = await page(2);
    expect(middle.ids).toEqual([9004, 9005, 9006]);
    expect(middle.link).toContain(`<${base}&page=1>; rel="prev"`);
    expect(middle.link).toContain(`<${base}&page=3>; rel="next"`);

    // Following rel="next" from the header works as is.
    const next = /<([^>]+)>; rel="next"/.exec(middle.link!)![1]!;
    const last = await fetch(next, { headers: cw.authHeaders() });
    expect(((await last.json()) as CwNote[]).map((x) => x.id)).toEqual([9007]);
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);
    expect((await page(9)).ids).toEqual([]);

    const all = await get('/service/tickets/501/notes');
    expect(all.headers.get('link')).toBeNull(); // 7 notes fit the default pageSize of 25
    expect((await get('/service/tickets/501/notes?pageSize=0')).status).toBe(400);

    const forward = await get('/service/tickets/501/notes?pageSize=5&pageId=9001');
    expect(((await forward.json()) as CwNote[]).map((x) => x.id)).toEqual([9002, 9003, 9004, 9005, 9006]);
    expect(forward.headers.get('link')).toMatch(/pageId=9006>; rel="next"$/);
  });

  it('hold: the note is committed but the client never gets the reply', async () => {
    const hold = cw.inject({ kind: 'hold', match: cw.match('POST', /^\/service\/tickets\/\d+\/notes$/) });
    const abort = new AbortController();
    let settled = false;
    const call = postNote(
      501,
      { text: 'baton-ref: job-1', internalAnalysisFlag: true },
      abort.signal,
    ).finally(() => (settled = true));
    const seen = await cw.waitForRequest(cw.match('POST', 'service/tickets/501/notes'));
    expect(seen).toMatchObject({ fault: 'hold', applied: true });
    expect(hold.hits).toBe(1);
    expect(cw.notes(501).map((n) => n.text)).toEqual(['baton-ref: job-1']);
    expect(settled).toBe(false);
    abort.abort(); // the client process "dies"
    await expect(call).rejects.toThrow(/abort/i);
    expect(seen.status).toBeUndefined();
  });

  it('speaks CW errors for injected faults, including 429 with Retry-After and 403 Security', async () => {
    cw.inject({ status: 429, retryAfter: '3', match: cw.match('GET', 'service/tickets/501') });
    const limited = await get('/service/tickets/501');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ code: 'TooManyRequests' });
    expect((await get('/service/tickets/501')).status).toBe(200);

    cw.inject({ status: 403, body: cwErrors.security().body });
    const denied = await get('/service/tickets/501');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      code: 'Security',
      message: 'You do not have security permission to perform this action.',
    });
  });

  it('tells the codebase at /login/companyinfo without auth', async () => {
    const res = await fetch(`${cw.siteUrl}/login/companyinfo/${cw.credentials.companyId}`);
    expect(await res.json()).toMatchObject({ Codebase: 'v4_6_release/', CompanyID: 'batontest' });
    expect((await fetch(`${cw.siteUrl}/login/companyinfo/someoneelse`)).status).toBe(404);
  });
});

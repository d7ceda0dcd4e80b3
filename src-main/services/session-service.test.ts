import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../src-preload/contract';
import { listAudit } from '../store/repos/audit-log';
import type { tempCore as TempCore } from '../test-support/temp-core';
import { manualClock, tempCore } from '../test-support/temp-core';

describe('sessions through the contract', () => {
  let core: ReturnType<typeof TempCore>;
  let clock: ReturnType<typeof manualClock>;
  const pushed: { event: EventName; payload: EventMap[EventName] }[] = [];

  beforeEach(async () => {
    clock = manualClock();
    core = tempCore({ clock });
    core.events.onAny((event, payload) => pushed.push({ event, payload }));
    const created = await core.dispatch('profile:create', {
      name: 'Jane Doe',
      email: 'Jane@Example.com',
    });
    expect(created.ok).toBe(true);
  });
  afterEach(async () => {
    pushed.length = 0;
    await core.dispose();
  });

  const call = async (channel: string, input?: unknown) => {
    const reply = await core.dispatch(channel, input);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.value as Record<string, unknown> & { id: string };
  };

  it('creates a session that exists before its first message, and announces it', async () => {
    const session = await call('sessions:create', {});
    expect(session).toMatchObject({
      title: 'New session',
      status: 'active',
      messageCount: 0,
      stateVersion: 0,
      messages: [],
    });
    expect(pushed.map((p) => p.event)).toContain('session_created');
    expect(listAudit(core.db, 'session', session.id).map((a) => a.action)).toEqual(['session.create']);
  });

  it('takes the id the renderer chose: asked again it answers the same session; another person cannot take it', async () => {
    const id = crypto.randomUUID();
    const first = await call('sessions:create', { id });
    expect(first.id).toBe(id);
    await call('messages:add', { sessionId: id, body: 'Typed before the first answer came back' });
    // The answer was lost and the renderer asks again: the same session, with what it holds, once.
    const again = await call('sessions:create', { id });
    expect(again).toMatchObject({ id, messageCount: 1, title: 'Typed before the first answer came back' });
    expect(listAudit(core.db, 'session', id).map((a) => a.action)).toEqual(['session.create']);
    expect(pushed.filter((p) => p.event === 'session_created')).toHaveLength(1);

    const tess = await call('profile:add', {
      name: 'Tess Tech',
      email: 'tess@example.com',
      role: 'technician',
    });
    await call('profile:switch', { id: tess.id });
    expect(await core.dispatch('sessions:create', { id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await core.dispatch('sessions:create', { id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Unknown session id' },
    });
  });

  it('stores a note with its author, bumps state_version and names an untitled session after the first line', async () => {
    const session = await call('sessions:create');
    clock.advance(1000);
    await call('messages:add', {
      sessionId: session.id,
      body: '  \nPrinter offline on floor 3\nSpooler restarted, no change',
    });
    await call('messages:add', { sessionId: session.id, body: 'Driver is v4, should be v3' });
    const detail = await call('sessions:get', { id: session.id });
    expect(detail).toMatchObject({ title: 'Printer offline on floor 3', messageCount: 2, stateVersion: 2 });
    expect(detail.updatedAt).toBe(clock.now());
    const messages = detail.messages as { body: string; authorName: string; role: string }[];
    expect(messages.map((m) => m.body)).toEqual([
      'Printer offline on floor 3\nSpooler restarted, no change',
      'Driver is v4, should be v3',
    ]);
    expect(messages[0]).toMatchObject({ authorName: 'Jane Doe', role: 'user' });
    expect(pushed.filter((p) => p.event === 'message_added')).toHaveLength(2);
  });

  it('stores a message sent again under the same id once (a retry after a lost answer)', async () => {
    const session = await call('sessions:create');
    const id = crypto.randomUUID();
    const first = await call('messages:add', { sessionId: session.id, id, body: 'Spooler restarted' });
    const again = await call('messages:add', { sessionId: session.id, id, body: 'Spooler restarted' });
    expect(first.id).toBe(id);
    expect(again).toEqual(first);
    const detail = await call('sessions:get', { id: session.id });
    expect(detail).toMatchObject({ messageCount: 1, stateVersion: 1 });
    expect(pushed.filter((p) => p.event === 'message_added')).toHaveLength(1);
    const other = await call('sessions:create');
    expect(await core.dispatch('messages:add', { sessionId: other.id, id, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('stores 100 notes sent without waiting for answers in the order they were sent', async () => {
    const session = await call('sessions:create');
    const bodies = Array.from({ length: 100 }, (_, i) => `note ${i + 1}`);
    const replies = await Promise.all(
      bodies.map((body) => core.dispatch('messages:add', { sessionId: session.id, body })),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const detail = await call('sessions:get', { id: session.id });
    expect((detail.messages as { body: string }[]).map((m) => m.body)).toEqual(bodies);
  });

  it('refuses a message for a session that does not exist and stores nothing', async () => {
    const reply = await core.dispatch('messages:add', { sessionId: crypto.randomUUID(), body: 'hello' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Session not found' } });
    expect(core.sqlite.prepare('select count(*) from messages').pluck().get()).toBe(0);
  });

  it('lists newest first and pages with a keyset cursor without gaps or repeats', async () => {
    const created: { id: string; at: number }[] = [];
    for (let i = 0; i < 7; i++) {
      created.push({ id: (await call('sessions:create', { title: `Ticket ${i}` })).id, at: clock.now() });
      if (i % 2 === 0) clock.advance(10); // some share a timestamp: the id breaks the tie
    }
    const page1 = (await core.dispatch('sessions:list', { limit: 3 })) as {
      ok: true;
      value: { id: string; updatedAt: number }[];
    };
    const last = page1.value.at(-1)!;
    const page2 = (await core.dispatch('sessions:list', {
      limit: 10,
      before: { updatedAt: last.updatedAt, id: last.id },
    })) as {
      ok: true;
      value: { id: string }[];
    };
    const seen = [...page1.value, ...page2.value].map((s) => s.id);
    const newestFirst = [...created].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((c) => c.id);
    expect(seen).toEqual(newestFirst);
  });

  it('moves a session to the top of the list when a note is added', async () => {
    const older = await call('sessions:create', { title: 'Older' });
    clock.advance(1000);
    await call('sessions:create', { title: 'Newer' });
    clock.advance(1000);
    await call('messages:add', { sessionId: older.id, body: 'still going' });
    const list = (await core.dispatch('sessions:list', {})) as { ok: true; value: { title: string }[] };
    expect(list.value.map((s) => s.title)).toEqual(['Older', 'Newer']);
  });
});

describe('profile', () => {
  it('is required before a session can be started, and can be created only once', async () => {
    const core = tempCore();
    try {
      expect(await core.dispatch('profile:current', undefined)).toEqual({ ok: true, value: null });
      expect(await core.dispatch('sessions:create', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const created = await core.dispatch('profile:create', {
        name: ' Sam ',
        email: 'SAM@example.com',
      });
      // The first profile on a computer is its owner.
      expect(created).toMatchObject({
        ok: true,
        value: { name: 'Sam', email: 'sam@example.com', role: 'owner', active: true },
      });
      expect(await core.dispatch('profile:create', { name: 'Other', email: 'o@example.com' })).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: expect.stringMatching(/Only an owner or admin adds profiles/) as string,
        },
      });
    } finally {
      await core.dispose();
    }
  });

  it('survives a restart on the same data dir', async () => {
    const first = tempCore();
    await first.dispatch('profile:create', { name: 'Jane', email: 'jane@example.com' });
    await first.close();
    const second = tempCore({ dataDir: first.dataDir });
    try {
      expect(await second.dispatch('profile:current', undefined)).toMatchObject({
        ok: true,
        value: { name: 'Jane' },
      });
    } finally {
      await second.close();
      await first.dispose();
    }
  });
});

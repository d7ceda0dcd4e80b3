// Note preview and local posting (DESIGN §3): drafts cached by (kind, session, state_version), the
// model's draft checked for its sections, and the status rules of posting without a PSA ticket.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from '../../e2e/fakes/ai/anthropic-fake';
import type { NotePostOutcome, NotePreview, SessionDetail, User } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { manualClock, tempCore } from '../test-support/temp-core';
import { summaryOf } from './note-posting';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function technician() {
  const core = tempCore({
    clock: manualClock(),
    http: createHttpClient({ defaultTimeoutMs: 2_000 }),
    aiTimeoutMs: 1_000,
  });
  cleanups.push(async () => {
    await core.services.vault.delete('ai', 'anthropic').catch(() => undefined);
    await core.dispose();
  });
  const { call, ok } = callers(core);
  const me = await ok<User>('profile:create', { name: 'Terry Tech', email: 't@x.example', role: 'owner' });
  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: session.id, body: 'Scanner to email fails with 535 auth error' });
  await ok('facts:add', { sessionId: session.id, text: 'SMTP AUTH is disabled for the tenant' });
  return { core, call, ok, me, sessionId: session.id };
}

const RESOLUTION = `## Problem
Scan to email fails with 535.

## What we confirmed
- SMTP AUTH is disabled for the tenant

## Root cause
The scanner authenticates with SMTP AUTH, which the tenant blocks.

## Resolution
Enabled SMTP AUTH for the scanner's mailbox only.
`;

describe('note preview', () => {
  it('without a model: the offline drafter writes the four sections; a repeat is cached until the session changes', async () => {
    const t = await technician();
    const first = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'resolve' });
    expect(first).toMatchObject({ source: 'offline', cached: false, notice: null });
    expect(first.markdown).toMatch(
      /## Problem[\s\S]*## What we confirmed[\s\S]*## Root cause[\s\S]*## Resolution/,
    );
    expect(first.markdown).toContain('SMTP AUTH is disabled for the tenant');
    expect(first.markdown).not.toContain('Drafted offline'); // said by source, not in the customer's note

    const again = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'resolve' });
    expect(again).toEqual({ ...first, cached: true });

    await t.ok('facts:add', { sessionId: t.sessionId, text: 'The scanner uses port 587' });
    const changed = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'resolve' });
    expect(changed.cached).toBe(false);
    expect(changed.stateVersion).toBeGreaterThan(first.stateVersion);
    expect(changed.markdown).toContain('The scanner uses port 587');

    const escalate = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'escalate' });
    expect(escalate.markdown).toMatch(
      /## Problem[\s\S]*## What we've confirmed[\s\S]*## What we've tried[\s\S]*## Current hypothesis[\s\S]*## Suggested next steps/,
    );
  });

  it('with a model: one AI call per state_version; a draft missing sections or an unreachable model gives the offline draft, said so', async () => {
    const fake = await startAnthropicFake();
    cleanups.push(() => fake.close());
    const t = await technician();
    await t.core.services.ai.save(t.me, {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'claude-test',
      apiKey: DEFAULT_ANTHROPIC_KEY,
    });
    fake.replyWith('```markdown\n' + RESOLUTION + '```');
    const drafted = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'resolve' });
    expect(drafted).toMatchObject({ source: 'ai', cached: false, notice: null, markdown: RESOLUTION });
    expect(fake.calls).toHaveLength(1);
    expect(JSON.stringify(fake.calls[0]!.request)).toContain('## Root cause');
    const cached = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'resolve' });
    expect(cached).toMatchObject({ source: 'ai', cached: true, markdown: RESOLUTION });
    expect(fake.calls).toHaveLength(1);

    fake.replyWith('Sure! The problem was SMTP AUTH. Enable it.');
    const partial = await t.ok<NotePreview>('notes:preview', { sessionId: t.sessionId, kind: 'escalate' });
    expect(partial.source).toBe('offline');
    expect(partial.notice).toMatch(/draft was missing required sections/);

    await fake.close();
    const unreachable = await t.ok<NotePreview>('notes:preview', {
      sessionId: t.sessionId,
      kind: 'escalate',
    });
    expect(unreachable).toMatchObject({ source: 'offline', cached: false });
    expect(unreachable.notice).toMatch(/could not (be reached|draft the note)/);
  });
});

describe('posting without a ConnectWise ticket', () => {
  it('resolve stores the note and resolves locally; a second resolve is CONFLICT; resolved → escalated is allowed', async () => {
    const t = await technician();
    const resolved = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(resolved).toMatchObject({
      outcome: 'resolved_local',
      summary: 'Scan to email fails with 535.',
      externalNoteId: null,
      verifiedStatus: null,
    });
    expect(resolved.session.status).toBe('resolved');
    const row = t.core.sqlite
      .prepare('select resolution_note_markdown, resolution_summary, resolved_at from sessions where id = ?')
      .get(t.sessionId) as Record<string, unknown>;
    expect(row.resolution_note_markdown).toBe(RESOLUTION.trim());
    expect(row.resolved_at).not.toBeNull();

    const twice = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(twice.ok ? null : twice.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Session is already resolved',
    });

    const escalated = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'escalate',
      markdown: '## Problem\nIt came back after a week.',
      summary: 'Recurred: needs a senior',
    });
    expect(escalated).toMatchObject({ outcome: 'escalated_local', summary: 'Recurred: needs a senior' });
    const again = await t.call('notes:post', { sessionId: t.sessionId, kind: 'escalate', markdown: 'x' });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Session is already escalated',
    });
  });

  it('an empty note is refused with a message and changes nothing', async () => {
    const t = await technician();
    const empty = await t.call('notes:post', { sessionId: t.sessionId, kind: 'resolve', markdown: '   ' });
    expect(empty.ok ? null : empty.error).toMatchObject({ code: 'VALIDATION' });
    expect((await t.ok<SessionDetail>('sessions:get', { id: t.sessionId })).status).toBe('active');
  });

  it('the summary is the given one or the first line of text, at most 500 characters', () => {
    expect(summaryOf('## Problem\n\n- Printer offline\n')).toBe('Printer offline');
    expect(summaryOf('## Problem\nx', '  Given  ')).toBe('Given');
    expect(summaryOf(`${'a'.repeat(600)}`)).toHaveLength(500);
  });
});

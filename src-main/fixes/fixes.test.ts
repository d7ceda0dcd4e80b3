// Suggested fixes end to end (DESIGN §3): proposed by the assistant's [FIX nn] line, one active per
// session, decisions and outcomes recorded, and the resolve / escalate rules that depend on them.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from '../../e2e/fakes/ai/anthropic-fake';
import type { SessionDetail, SuggestedFix, User } from '../../src-preload/contract';
import { parseAssistantReply } from '../ai/reply-markers';
import { createHttpClient } from '../net/http';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function chatWithAssistant() {
  const fake = await startAnthropicFake();
  const core = tempCore({ http: createHttpClient({ defaultTimeoutMs: 2_000 }) });
  cleanups.push(
    () => fake.close(),
    async () => {
      await core.services.vault.delete('ai', 'anthropic').catch(() => undefined);
      await core.dispose();
    },
  );
  const { call, ok } = callers(core);
  const me = await ok<User>('profile:create', { name: 'Terry Tech', email: 't@x.example', role: 'owner' });
  await ok<User>('profile:add', { name: 'Sam Senior', email: 's@x.example', role: 'engineer' });
  await ok('profile:switch', { id: me.id });
  await core.services.ai.save(me, {
    provider: 'anthropic',
    baseUrl: fake.url,
    model: 'claude-test',
    apiKey: DEFAULT_ANTHROPIC_KEY,
  });
  const session = await ok<SessionDetail>('sessions:create', {});
  const detail = () => core.services.sessions.get(session.id);
  /** Sends a note and waits until the assistant's reply proposed the given fix. */
  async function proposes(reply: string, text: string) {
    fake.replyWith(reply);
    await ok('messages:add', { sessionId: session.id, body: 'Outlook keeps asking for a password' });
    await until(core, () => detail().activeFix?.text === text, `the fix "${text}"`);
    return detail().activeFix!;
  }
  return { core, call, ok, sessionId: session.id, detail, proposes };
}

describe('suggested fixes', () => {
  it('the assistant proposes; a newer fix supersedes the older; dismissing a superseded one is CONFLICT', async () => {
    const t = await chatWithAssistant();
    const first = await t.proposes(
      'Try this.\n[FIX 80] Clear cached credentials in Credential Manager',
      'Clear cached credentials in Credential Manager',
    );
    expect(first).toMatchObject({ confidence: 80, superseded: false, decision: null });
    expect(t.detail().messages.at(-1)!.body).toBe('Try this.');

    const second = await t.proposes(
      'Or:\n[FIX] Recreate the Outlook profile',
      'Recreate the Outlook profile',
    );
    expect(second.confidence).toBe(50);
    const stale = await t.call('fixes:decide', { id: first.id, decision: 'dismissed' });
    expect(stale.ok ? null : stale.error).toMatchObject({
      code: 'CONFLICT',
      message: 'This fix was already superseded by a newer suggestion',
    });

    const before = t.detail().stateVersion;
    const dismissed = await t.ok<SuggestedFix>('fixes:decide', { id: second.id, decision: 'dismissed' });
    expect(dismissed).toMatchObject({ decision: 'dismissed', superseded: true });
    expect(t.detail().stateVersion).toBe(before + 1);
    expect(t.detail().activeFix).toBeNull();
  });

  it('an applied fix needs its outcome before escalating; resolving promotes a pending fix to worked', async () => {
    const t = await chatWithAssistant();
    const fix = await t.proposes('[FIX 70] Re-register the mailbox', 'Re-register the mailbox');
    await t.ok('fixes:decide', { id: fix.id, decision: 'save_as_template' });
    const template = t.core.sqlite.prepare('select text from fix_templates').pluck().all();
    expect(template).toEqual(['Re-register the mailbox']);

    const blocked = await t.call('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'high',
    });
    expect(blocked.ok ? null : blocked.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Record whether the suggested fix worked before escalating',
    });
    const noReason = await t.call('fixes:outcome', { id: fix.id, outcome: 'pending' });
    expect(noReason.ok ? null : noReason.error.code).toBe('VALIDATION');

    const pending = await t.ok<SuggestedFix>('fixes:outcome', {
      id: fix.id,
      outcome: 'pending',
      reason: 'Waiting for the user to log in tomorrow',
    });
    expect(pending).toMatchObject({
      outcome: 'pending',
      outcomeReason: 'Waiting for the user to log in tomorrow',
    });

    await t.ok('notes:post', { sessionId: t.sessionId, kind: 'resolve', markdown: '## Problem\nPrompts.' });
    expect(t.detail().activeFix).toMatchObject({ outcome: 'worked' });
  });

  it('reads the marker with or without a confidence, clamps it, and keeps it out of the text', () => {
    const parsed = parseAssistantReply(
      'A\n[FIX 150%] Reboot the print server\nB\n- [FIX] Reinstall the driver',
    );
    expect(parsed.fixes).toEqual([
      { text: 'Reboot the print server', confidence: 100 },
      { text: 'Reinstall the driver', confidence: 50 },
    ]);
    expect(parsed.display).toBe('A\n\nB');
  });
});

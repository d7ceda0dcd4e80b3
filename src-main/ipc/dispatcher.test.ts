import { describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core';
import { AppError } from '../errors';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './dispatcher';

describe('dispatcher envelopes', () => {
  it('answers bad input with VALIDATION and one message per field, before any handler runs', async () => {
    const core = tempCore();
    try {
      await core.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });
      const reply = await core.dispatch('profile:add', { name: '', email: 'nope', role: 'wizard' });
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('VALIDATION');
      const fields = (reply.error.details as { fields: { path: string; message: string }[] }).fields;
      expect(Object.fromEntries(fields.map((f) => [f.path, f.message]))).toEqual({
        name: 'Name is required',
        email: 'Enter a valid email address, like jane@example.com',
        role: 'Choose a role: owner, admin, engineer or technician',
      });
      expect(await core.dispatch('users:list', undefined)).toMatchObject({
        ok: true,
        value: [{ name: 'Olive Owner' }],
      });
    } finally {
      await core.dispose();
    }
  });

  it('refuses unknown channels', async () => {
    const core = tempCore();
    try {
      expect(await core.dispatch('sessions:drop', {})).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await core.dispose();
    }
  });

  it('passes AppError codes and details through, and hides unexpected errors behind INTERNAL', async () => {
    const logged: string[] = [];
    const handlers = {
      'app:info': () => {
        throw new AppError('CONFLICT', 'Session is already resolved', { status: 'resolved' });
      },
      'profile:current': () => {
        throw new TypeError('secret internals at /home/x');
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, (message) => logged.push(message), {
      currentUser: () => null,
    });
    expect(await dispatch('app:info', undefined)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Session is already resolved', details: { status: 'resolved' } },
    });
    const internal = await dispatch('profile:current', undefined);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('/home/x');
    expect(logged).toEqual(['handler profile:current failed']);
  });
});

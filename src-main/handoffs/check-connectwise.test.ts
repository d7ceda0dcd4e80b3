// "Check ConnectWise now" says only what is true (issue 13, item 4): never "nothing new" from a
// ConnectWise that is not set up, or set up without a status that means escalated.
import { afterEach, expect, it } from 'vitest';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { fakeConnection } from '../psa/connectwise/testing';
import { CW_VAULT_SERVICE } from '../psa/connectwise/connectwise-settings';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('refuses with what is missing until ConnectWise and its escalated status are set up', async () => {
  const cw = await startConnectWiseFake();
  const core = tempCore({ teamPoll: false });
  cleanups.push(
    () => cw.close(),
    () => core.dispose(),
    () => core.services.vault.delete(CW_VAULT_SERVICE, 'publicKey'),
    () => core.services.vault.delete(CW_VAULT_SERVICE, 'privateKey'),
  );
  const { call, ok } = callers(core);
  await ok('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });

  expect(await call('handoffs:refresh')).toMatchObject({
    ok: false,
    error: {
      code: 'NOT_CONFIGURED',
      message: expect.stringMatching(/^ConnectWise is not connected/) as string,
    },
  });
  await ok('settings:connectwise-save', fakeConnection(cw));
  expect(await call('handoffs:refresh')).toMatchObject({
    ok: false,
    error: {
      code: 'NOT_CONFIGURED',
      message: expect.stringMatching(/No ConnectWise status means "escalated"/) as string,
    },
  });
  await ok('settings:connectwise-save-mapping', { boardId: 1, escalated: 7 });
  expect(await ok('handoffs:refresh')).toEqual({ imported: 0, closed: 0 });
});

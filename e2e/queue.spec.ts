import type { EchoFake } from './fakes/echo-fake';
import { startEchoFake } from './fakes/echo-fake';
import type { BatonApp } from './fixtures/test';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { QueuePage } from './pages/queue-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

let echo: EchoFake;
test.beforeEach(async () => {
  echo = await startEchoFake();
});
test.afterEach(async () => {
  await echo.close();
});

async function startWithSession(launchBaton: (o: { env: Record<string, string> }) => Promise<BatonApp>) {
  const app = await launchBaton({ env: { BATON_DIAGNOSTIC_ECHO_URL: echo.server.url } });
  await new FirstRunPage(app.page).createProfile({ name: 'Jane Doe', email: 'jane@example.com' });
  await new SessionsPage(app.page).newSession();
  return { app, session: new SessionPage(app.page), queue: new QueuePage(app.page) };
}

test('a note written offline waits in the outbox and goes out when the service is back', async ({
  launchBaton,
}, testInfo) => {
  await echo.server.goDown();
  const { app, session, queue } = await startWithSession(launchBaton);

  await session.addNote('Server room switch is beeping');
  await expect(queue.connection()).toContainText('Offline');
  await expect(queue.outbox()).toContainText('1 waiting for connection');
  await expect(session.messages()).toHaveCount(1); // saved locally, nothing lost
  await app.page.screenshot({ path: screenshotPath(testInfo.project.name, 'offline-waiting') });

  await echo.server.comeBack();
  await expect(queue.connection()).toContainText('Online', { timeout: 20_000 });
  await expect(queue.outbox()).toContainText('All sent');
  await echo.server.waitForRequest((r) => r.method === 'POST' && r.applied);
  expect(echo.records.map((r) => r.text)).toEqual(['Server room switch is beeping']);
});

test('a failed item is shown with its error, can be retried, and discarding asks first', async ({
  launchBaton,
}, testInfo) => {
  const { app, session, queue } = await startWithSession(launchBaton);
  echo.server.inject({
    status: 400,
    body: { message: 'Echo endpoint rejected the note' },
    match: { method: 'POST' },
    times: 2,
  });

  await session.addNote('Retry me');
  await expect(queue.failedWarning()).toContainText('1 failed');
  await session.addNote('Discard me');
  await expect(queue.failedWarning()).toContainText('2 failed');
  await queue.failedWarning().click();
  await expect(queue.heading()).toBeVisible();
  await expect(queue.rows()).toHaveCount(2);
  await expect(queue.errorCell(/Retry me/)).toContainText('Echo endpoint rejected the note');
  await app.page.screenshot({ path: screenshotPath(testInfo.project.name, 'queue-failed') });

  await queue.retry(/Retry me/);
  await expect(queue.row(/Retry me/)).toHaveCount(0);
  await echo.server.waitForRequest((r) => r.method === 'POST' && r.applied);
  expect(echo.records.map((r) => r.text)).toEqual(['Retry me']);

  await queue.discardButton(/Discard me/).click();
  await expect(queue.confirmDialog()).toBeVisible();
  await app.page.screenshot({ path: screenshotPath(testInfo.project.name, 'queue-discard-confirm') });
  await queue.cancelDiscard().click();
  await expect(queue.row(/Discard me/)).toHaveCount(1);
  await queue.discard(/Discard me/);
  await expect(queue.row(/Discard me/)).toHaveCount(0);
  await expect(queue.failedWarning()).toHaveCount(0);
  await queue.showTab('Done');
  await expect(queue.row(/Retry me/)).toHaveCount(1);
});

test('"Work offline" holds everything back until it is turned off', async ({ launchBaton }) => {
  const { session, queue } = await startWithSession(launchBaton);
  await queue.toggleWorkOffline();
  await expect(queue.workOfflineSwitch()).toHaveAttribute('aria-checked', 'true');
  await expect(queue.connection()).toContainText('Working offline');

  await session.addNote('Held back');
  await expect(queue.outbox()).toContainText('1 waiting');
  expect(echo.server.requests).toHaveLength(0);

  await queue.toggleWorkOffline();
  await expect(queue.connection()).toContainText('Online');
  await expect(queue.outbox()).toContainText('All sent');
  await echo.server.waitForRequest((r) => r.method === 'POST' && r.applied);
  expect(echo.records.map((r) => r.text)).toEqual(['Held back']);
});

// Settings → ConnectWise and Microsoft 365 against the loopback fakes: the connection with its keys in
// the keychain, Test connection, the status mapping from live dropdowns, and the Microsoft sign-in in a
// browser tab.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { ConnectWiseFake } from './fakes/connectwise-fake';
import { startConnectWiseFake } from './fakes/connectwise-fake';
import type { MicrosoftAuthorityFake } from './fakes/microsoft/authority-fake';
import { startMicrosoftAuthorityFake } from './fakes/microsoft/authority-fake';
import { trustInThisProcess, writeCertificateFile } from './fakes/microsoft/test-tls';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { SettingsPage } from './pages/settings-page';

const ADMIN = { name: 'Avery Admin', email: 'avery@example.com' };

/** A whole section, however tall, without the toasts over it. */
async function screenshotSection(section: Locator, path: string) {
  const page = section.page();
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2000 });
  await section.screenshot({ path, style: '[data-sonner-toaster] { display: none !important; }' });
  if (size) await page.setViewportSize(size);
}

async function openSettingsAsAdmin(page: Page): Promise<SettingsPage> {
  await new FirstRunPage(page).createProfile(ADMIN);
  const settings = new SettingsPage(page);
  await settings.open();
  return settings;
}

test.describe('ConnectWise', () => {
  let fake: ConnectWiseFake;
  test.beforeEach(async () => {
    fake = await startConnectWiseFake({
      members: [
        { id: 7, identifier: 'asmith', firstName: 'Ann', lastName: 'Smith', email: 'ann@example.com' },
      ],
    });
    fake.addBoard({
      id: 2,
      name: 'Projects',
      statuses: [
        { id: 21, name: 'Open', defaultFlag: true },
        { id: 22, name: 'Done', closedStatus: true },
      ],
    });
  });
  test.afterEach(() => fake.close());

  test('an admin connects ConnectWise, tests the keys, and maps the statuses from the live board', async ({
    baton,
  }, testInfo) => {
    test.slow(); // a long walk through the section, with a restart
    const project = testInfo.project.name;
    const settings = await openSettingsAsAdmin(baton.page);
    const { companyId, clientId, publicKey, privateKey } = fake.credentials;

    // Nothing to read the boards with yet.
    await expect(settings.cwStatusesPlaceholder()).toBeVisible();
    await expect(settings.cwBoard()).toHaveCount(0);
    await screenshotSection(
      settings.connectWiseSection(),
      screenshotPath(project, 'settings-connectwise-empty'),
    );

    // Checked by main, field by field, on Test and on Save.
    await settings.fillConnectWise({ site: 'http://cw.example.com', companyId, clientId: 'not-a-guid' });
    await settings.cwTestButton().click();
    await expect(settings.cwTestResult()).toHaveText('Not tested: correct the fields marked above first.');
    await expect(
      settings.cwFieldError('Enter the site as api-na.myconnectwise.net or an https:// address'),
    ).toBeVisible();
    await expect(settings.cwClientId()).toHaveAttribute('aria-invalid', 'true');
    await settings.cwSaveButton().click();
    await expect(settings.cwFieldError('The clientId is the GUID you registered')).toBeVisible();
    await expect(settings.cwStatusesPlaceholder()).toBeVisible();

    await settings.fillConnectWise({ site: fake.siteUrl, companyId, clientId, publicKey, privateKey });
    await expect(settings.cwFieldError(/./)).toHaveCount(0);
    await settings.cwTestButton().click();
    await expect(settings.cwTestResult()).toContainText(/Connected to ConnectWise .*company batontest/);
    await settings.cwSaveButton().click();
    await expect(settings.cwKeyStoredNote('Public key')).toBeVisible();
    await expect(settings.cwKeyStoredNote('Private key')).toBeVisible();
    await expect(settings.cwSaveButton()).toBeDisabled();

    // Removing takes both keys (main keeps them as a pair); Undo keeps them.
    await settings.cwRemoveKeysButton().click();
    await expect(settings.cwKeyRemovalNote('Public key')).toBeVisible();
    await expect(settings.cwKeyRemovalNote('Private key')).toBeVisible();
    await expect(settings.cwTestButton()).toBeDisabled();
    await settings.cwUndoRemoveKeysButton('Private key').click();
    await expect(settings.cwKeyStoredNote('Public key')).toBeVisible();
    await expect(settings.cwKeyStoredNote('Private key')).toBeVisible();
    await expect(settings.cwSaveButton()).toBeDisabled();

    // A wrong key is caught by Test (the typed key, the stored public key), and nothing is saved.
    await settings.fillConnectWise({ privateKey: 'not-the-private-key' });
    await settings.cwTestButton().click();
    await expect(settings.cwTestResult()).toContainText('ConnectWise refused the credentials');
    await settings.cwKeepStoredKeyButton('Private key').click();
    await expect(settings.cwKeyStoredNote('Private key')).toBeVisible();
    await expect(settings.cwSaveButton()).toBeDisabled();

    // The board and its statuses come live from ConnectWise: inactive ones are left out.
    await expect(settings.cwBoard()).toBeEnabled();
    await expect(settings.cwBoard().locator('option')).toHaveText([
      'Choose a board…',
      'Projects',
      'Service Board',
    ]);
    await settings.cwBoard().selectOption({ label: 'Service Board' });
    await expect(settings.cwStatus('Resolved').locator('option')).toHaveText([
      'Not set (status left alone)',
      'New',
      'In Progress',
      'Escalated',
      'Assigned',
      'Resolved (closed)',
      'Closed (closed)',
    ]);
    await settings.mapStatuses('Service Board', {
      Resolved: 'Resolved (closed)',
      Escalated: 'Escalated',
      Claimed: 'Assigned',
    });

    // Another board has other statuses: the choices are cleared, and say so.
    await settings.cwBoard().selectOption({ label: 'Projects' });
    await expect(settings.cwStatus('Resolved').locator('option')).toHaveText([
      'Not set (status left alone)',
      'Open',
      'Done (closed)',
    ]);
    for (const label of ['Resolved', 'Escalated', 'Claimed'] as const)
      await expect(settings.cwStatus(label)).toHaveValue('');
    await expect(
      settings.cwStatusNote('Resolved', '“Resolved” is not on this board, so it was cleared.'),
    ).toBeVisible();
    await screenshotSection(
      settings.cwStatuses(),
      screenshotPath(project, 'settings-connectwise-board-changed'),
    );

    await settings.mapStatuses('Service Board', {
      Resolved: 'Resolved (closed)',
      Escalated: 'Escalated',
      Claimed: 'Assigned',
    });
    await screenshotSection(settings.connectWiseSection(), screenshotPath(project, 'settings-connectwise'));

    // Someone retires a status in ConnectWise meanwhile: main checks the board again and says which.
    const escalated = fake.state.boardStatuses(1)!.find((s) => s.name === 'Escalated')!;
    escalated.inactive = true;
    await settings.cwSaveStatusesButton().click();
    await expect(
      settings.cwStatusError('Status "Escalated" is inactive on the board "Service Board"'),
    ).toBeVisible();
    await expect(settings.cwStatus('Escalated')).toHaveAttribute('aria-invalid', 'true');
    await screenshotSection(
      settings.connectWiseSection(),
      screenshotPath(project, 'settings-connectwise-status-refused'),
    );
    escalated.inactive = false;
    await settings.cwSaveStatusesButton().click();
    await expect(settings.cwSaveStatusesButton()).toBeDisabled();
    await expect(settings.cwStatusError(/./)).toHaveCount(0);

    // People: Avery's email is no ConnectWise member's, so claims could not go through: map by hand.
    await expect(settings.cwPersonRow('Avery Admin')).toContainText('Cannot claim through ConnectWise');
    await settings.cwMemberOf('Avery Admin').selectOption({ label: 'Ann Smith (asmith)' });
    await expect(settings.cwMemberOf('Avery Admin')).toHaveValue('asmith');
    await expect(settings.cwPersonRow('Avery Admin')).not.toContainText('Cannot claim');
    await screenshotSection(settings.cwPeople(), screenshotPath(project, 'settings-connectwise-people'));

    // Kept across a restart: the connection, the keys (in the keychain) and the mapping.
    await baton.restart();
    await settings.open();
    await expect(settings.cwSite()).toHaveValue(fake.siteUrl);
    await expect(settings.cwCodebase()).toHaveValue('');
    await expect(settings.cwKeyStoredNote('Public key')).toBeVisible();
    await expect(settings.cwKeyStoredNote('Private key')).toBeVisible();
    await expect(settings.cwBoard()).toHaveValue('1');
    await expect(settings.cwStatus('Resolved')).toHaveValue('9');
    await expect(settings.cwStatus('Escalated')).toHaveValue('7');
    await expect(settings.cwStatus('Claimed')).toHaveValue('8');
    await expect(settings.cwStatus('Resolved').locator('option:checked')).toHaveText('Resolved (closed)');
    await expect(settings.cwNotifyContact()).toBeChecked();
    await expect(settings.cwMemberOf('Avery Admin')).toHaveValue('asmith');
  });

  test('the boards say when ConnectWise cannot be reached, and load on Try again', async ({
    baton,
  }, testInfo) => {
    const settings = await openSettingsAsAdmin(baton.page);
    const { companyId, clientId, publicKey, privateKey } = fake.credentials;
    await settings.fillConnectWise({ site: fake.siteUrl, companyId, clientId, publicKey, privateKey });
    await fake.goDown();
    await settings.cwSaveButton().click();
    await expect(settings.cwKeyStoredNote('Public key')).toBeVisible();

    await expect(settings.cwLoadFailure()).toContainText('Offline.');
    await expect(settings.cwLoadFailure()).toContainText('cannot be reached right now');
    await expect(settings.cwBoard()).toBeDisabled();
    await expect(settings.cwSaveStatusesButton()).toBeDisabled();
    await screenshotSection(
      settings.connectWiseSection(),
      screenshotPath(testInfo.project.name, 'settings-connectwise-offline'),
    );

    await fake.comeBack();
    await settings.cwTryAgainButton().click();
    await expect(settings.cwLoadFailure()).toHaveCount(0);
    await expect(settings.cwBoard()).toBeEnabled();
    await settings.cwBoard().selectOption({ label: 'Service Board' });
    await expect(settings.cwStatus('Claimed')).toBeEnabled();
  });
});

test.describe('Microsoft 365', () => {
  let authority: MicrosoftAuthorityFake;
  let certDir: string;
  let untrust: () => void;
  test.beforeEach(async () => {
    authority = await startMicrosoftAuthorityFake();
    certDir = mkdtempSync(join(tmpdir(), 'baton-e2e-cert-'));
    // The test process relays the sign-in tab's requests to the fake (below), so it trusts it too.
    untrust = trustInThisProcess(authority.certificate.cert);
  });
  test.afterEach(async () => {
    untrust();
    await authority.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  test('an admin enters the app registration, signs in through the browser tab, and signs out', async ({
    launchBaton,
  }, testInfo) => {
    const project = testInfo.project.name;
    test.skip(project === 'electron', 'Electron opens the sign-in page in the system browser');
    // The host trusts exactly the fake's certificate (msal-node accepts only an https authority).
    const app = await launchBaton({
      env: { NODE_EXTRA_CA_CERTS: writeCertificateFile(authority.certificate.cert, certDir) },
    });
    const settings = await openSettingsAsAdmin(app.page);

    await expect(settings.msAccountStatus()).toHaveText('Microsoft 365 is not set up in Settings');
    await expect(settings.msAuthority()).toHaveValue('https://login.microsoftonline.com/organizations');
    await expect(settings.msGraphBaseUrl()).toHaveValue('https://graph.microsoft.com');
    await expect(settings.msSignInButton()).toBeDisabled();

    await settings.msClientId().fill('not-a-guid');
    await settings.msSaveButton().click();
    await expect(settings.msFieldError('The application (client) ID is a GUID')).toBeVisible();
    await expect(settings.msClientId()).toHaveAttribute('aria-invalid', 'true');

    await settings.msClientId().fill(authority.clientId);
    await settings.msAuthority().fill(authority.authority());
    await settings.msSaveButton().click();
    await expect(settings.msAccountStatus()).toHaveText('Microsoft 365 is not connected');
    await expect(settings.msSaveButton()).toBeDisabled();
    await expect(settings.msSignInButton()).toBeEnabled();
    await screenshotSection(settings.microsoftSection(), screenshotPath(project, 'settings-microsoft'));

    // Declined on Microsoft's page: the section says so and Sign in… works again.
    await relayToFake(app.page.context(), authority.url, () => Promise.resolve());
    authority.declineNextSignIn();
    const declinedTab = app.page.context().waitForEvent('page');
    await settings.msSignInButton().click();
    // The tab ends on Baton's own page, served by its loopback listener.
    const declined = await declinedTab;
    await expect(
      declined.getByRole('heading', { name: 'Microsoft 365 sign-in did not finish' }),
    ).toBeVisible();
    await declined.close();
    await expect(settings.msSignInError()).toContainText(
      'Microsoft 365 sign-in was cancelled or refused: AADSTS65004: User declined to consent',
    );
    await expect(settings.msSignInButton()).toHaveText('Sign in…');
    await expect(settings.msAccountStatus()).toHaveText('Microsoft 365 is not connected');
    await screenshotSection(
      settings.microsoftSection(),
      screenshotPath(project, 'settings-microsoft-declined'),
    );
    await app.page.context().unrouteAll();

    // The page opens the sign-in page in a new tab. Its self-signed https is relayed by this process
    // (which trusts the fake's certificate); the authorize answer is held until the waiting line is seen.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await relayToFake(app.page.context(), authority.url, (url) =>
      url.includes('/oauth2/v2.0/authorize') ? released : Promise.resolve(),
    );
    const signInTab = app.page.context().waitForEvent('page');
    await settings.msSignInButton().click();
    await expect(settings.msAccountStatus()).toHaveText(
      'Waiting for you to finish signing in in the browser…',
    );
    await expect(settings.msSignInButton()).toHaveText('Signing in…');
    await screenshotSection(
      settings.microsoftSection(),
      screenshotPath(project, 'settings-microsoft-waiting'),
    );
    // Playwright hands over a new tab once its first page has loaded.
    release();
    const tab = await signInTab;
    expect(tab.url()).toContain(`${authority.url}/organizations/oauth2/v2.0/authorize`);

    // The fake's form_post page submits itself to msal's loopback listener; main then has the tokens.
    await expect(settings.msAccountStatus()).toContainText(
      /^Signed in as Avery Admin \(avery@contoso\.example\) since \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
      { timeout: 15_000 },
    );
    await expect(tab.getByRole('heading', { name: 'Baton is connected to Microsoft 365' })).toBeVisible();
    await screenshotSection(
      settings.microsoftSection(),
      screenshotPath(project, 'settings-microsoft-signed-in'),
    );

    await settings.msSignOutButton().click();
    await expect(settings.msAccountStatus()).toHaveText('Microsoft 365 is not connected');
    await expect(settings.msSignOutButton()).toHaveCount(0);
  });
});

test('people other than owners and admins see the connections read-only', async ({ baton }, testInfo) => {
  const page = baton.page;
  await new FirstRunPage(page).createProfile(ADMIN);
  await new HandoffPage(page).addProfile({
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'Technician',
  });
  const settings = new SettingsPage(page);
  await settings.open();

  // Said once, at the top, not in every section.
  await expect(settings.readOnlyNote()).toHaveCount(1);
  await expect(settings.readOnlyNote()).toBeVisible();
  for (const section of [settings.connectWiseSection(), settings.microsoftSection()]) {
    await expect(section.getByText(/Only an owner or admin can change/)).toHaveCount(0);
    await expect(section.getByRole('button', { name: /^(Save|Test connection|Sign in…)/ })).toHaveCount(0);
  }
  await expect(settings.cwSite()).toBeDisabled();
  await expect(settings.cwKeyInput('Public key')).toHaveAttribute('placeholder', 'Not configured');
  await expect(settings.msClientId()).toBeDisabled();
  await expect(settings.msAccountStatus()).toHaveText('Microsoft 365 is not set up in Settings');
  await screenshotSection(
    settings.microsoftSection(),
    screenshotPath(testInfo.project.name, 'settings-microsoft-read-only'),
  );
  await screenshotSection(
    settings.connectWiseSection(),
    screenshotPath(testInfo.project.name, 'settings-connectwise-read-only'),
  );
});

/**
 * Serves the browser's requests to the fake authority from this process: Chromium does not trust the
 * fake's self-signed certificate (the test contexts do not ignore HTTPS errors), this process does.
 */
async function relayToFake(
  context: BrowserContext,
  origin: string,
  hold: (url: string) => Promise<void>,
): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    await hold(request.url());
    const response = await fetch(request.url(), {
      method: request.method(),
      headers: { 'content-type': (await request.headerValue('content-type')) ?? 'text/plain' },
      body: request.postDataBuffer() ?? undefined,
      redirect: 'manual',
    });
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}

// Team escalations across machines (issue 7, DESIGN §6): two browser hosts with their own data dirs
// (a technician's laptop and a senior's) share nothing but a ConnectWise fake.
import { startConnectWiseFake } from './fakes/connectwise-fake';
import type { ConnectWiseFake } from './fakes/connectwise-fake';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';

const TICKET = 3101;
const TITLE = 'Payroll export fails with a timeout';
// The fastest poll Settings allow: each hop below takes at most one interval.
const POLL_SECONDS = 5;
const HOP = { timeout: (POLL_SECONDS + 5) * 1_000 };

let cw: ConnectWiseFake;
test.beforeEach(async () => {
  cw = await startConnectWiseFake({
    members: [
      { id: 21, identifier: 'ttech', firstName: 'Terry', lastName: 'Tech', email: 'terry@msp.example' },
      { id: 22, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
    ],
  });
  // Tickets are normally assigned, often to the technician working them: the escalation must reach
  // every senior all the same (waiting is decided from Baton's own notes and the status).
  cw.addTicket({
    id: TICKET,
    summary: 'Payroll export',
    status: { id: 5, name: 'In Progress' },
    owner: { id: 21, identifier: 'ttech', name: 'Terry Tech' },
  });
});
test.afterEach(async () => {
  await cw.close();
});

const connection = () => ({
  site: cw.siteUrl,
  companyId: cw.credentials.companyId,
  clientId: cw.credentials.clientId,
  publicKey: cw.credentials.publicKey,
  privateKey: cw.credentials.privateKey,
});
const STATUSES = { Resolved: 'Resolved (closed)', Escalated: 'Escalated', Claimed: 'Assigned' };

test('a technician escalates on one machine; a senior on another claims it; the picked-up notice and one message each way', async ({
  launchBaton,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;

  // The technician's laptop: an admin connects ConnectWise, then Terry works there.
  const laptop = await launchBaton();
  const tech = laptop.page;
  await new FirstRunPage(tech).createProfile({ name: 'Ops Admin', email: 'ops@msp.example' });
  await new SettingsPage(tech).connectConnectWise(connection(), STATUSES, POLL_SECONDS);
  const techHandoff = new HandoffPage(tech);
  await techHandoff.addProfile({ name: 'Terry Tech', email: 'terry@msp.example', role: 'Technician' });

  // The senior's desktop.
  const desktop = await launchBaton();
  const senior = desktop.page;
  await new FirstRunPage(senior).createProfile({
    name: 'Sam Senior',
    email: 'sam@msp.example',
  });
  await new SettingsPage(senior).connectConnectWise(connection(), STATUSES, POLL_SECONDS);
  const seniorHandoff = new HandoffPage(senior);
  await seniorHandoff.navItem().click();
  await expect(seniorHandoff.emptyState()).toBeVisible();
  await seniorHandoff.checkConnectWiseButton().click();
  await expect(seniorHandoff.toast('ConnectWise has nothing new')).toBeVisible();

  // Terry escalates a session linked to the shared ticket.
  const session = new SessionPage(tech);
  await new SessionsPage(tech).newSession();
  await session.send(TITLE);
  await session.linkTicket(TICKET);
  await expect(session.ticketLine()).toContainText(`CW #${TICKET}`);
  await techHandoff.handOffButton().click();
  await techHandoff.fill({
    intent: 'Escalate to a senior',
    reason: 'Needs access to the payroll SQL server',
    priority: 'Urgent',
  });
  await techHandoff.submit().click();
  // The line follows the job: it says "posted" only once ConnectWise has the package.
  await expect(techHandoff.notificationLines().first()).toHaveText(
    /^ConnectWise ticket — posted to the ticket$/,
    HOP,
  );
  await techHandoff.closeConfirmation().click();

  await expect.poll(() => cw.ticket(TICKET)!.status.id, HOP).toBe(7);
  expect(cw.ticket(TICKET)!.owner?.identifier).toBe('ttech');
  // Sam's queue shows it without a reload, within one poll.
  await expect(seniorHandoff.card(TITLE)).toBeVisible(HOP);
  await senior.screenshot({ path: screenshotPath(project, 'team-senior-queue') });
  await seniorHandoff.claimButton(TITLE).click();
  await expect(seniorHandoff.pickupHeading()).toContainText(TITLE);
  expect(cw.ticket(TICKET)!.owner?.identifier).toBe('ssenior');
  await seniorHandoff.hideBriefing().click();

  // Terry learns who picked it up, in the session and the bell.
  await expect(session.message('Sam Senior picked up your escalation.')).toBeVisible(HOP);
  await expect(new SessionsPage(tech).bellButton()).toHaveAccessibleName(/1 unread/);
  await tech.screenshot({ path: screenshotPath(project, 'team-picked-up') });

  // One message each way, carried as internal notes on the ticket.
  await session.send('It started after the SQL certificate was renewed');
  const seniorSession = new SessionPage(senior);
  await expect(seniorSession.message('It started after the SQL certificate was renewed')).toBeVisible(HOP);
  await seniorSession.send('Thanks, re-binding the certificate now');
  await expect(session.message('Thanks, re-binding the certificate now')).toBeVisible(HOP);
  await tech.screenshot({ path: screenshotPath(project, 'team-conversation') });
  await senior.screenshot({ path: screenshotPath(project, 'team-senior-conversation') });
});

import { readFileSync, rmSync } from 'node:fs';
import { seedInsights } from './fixtures/insights-seed';
import type { InsightsSeed } from './fixtures/insights-seed';
import { expect, screenshotPath, test } from './fixtures/test';
import { HandoffPage } from './pages/handoff-page';
import type { InsightsChart } from './pages/insights-page';
import { InsightsPage } from './pages/insights-page';
import { NotePage } from './pages/note-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

const CHARTS: InsightsChart[] = [
  'Escalations and parks',
  'Time to claim',
  'Claim to resolution',
  'Who resolved',
  'Suggested fixes by confidence',
  'Was the assessment right?',
];

/** yyyy-mm-dd of the local day `daysAgo` before today (as the app's date inputs take it). */
function localDate(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let seed: InsightsSeed;
test.beforeEach(async () => {
  seed = await seedInsights();
});
test.afterEach(() => {
  rmSync(seed.dataDir, { recursive: true, force: true });
});

test('a senior reads four weeks of the team at a glance, in light and dark, and takes the numbers away as CSV', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  const app = await launchBaton({ dataDir: seed.dataDir });
  const page = app.page;
  const insights = new InsightsPage(page);
  await page.setViewportSize({ width: 1280, height: 820 });
  await insights.open();

  await expect(insights.heading()).toBeVisible();
  await expect(insights.range('30 days')).toHaveAttribute('aria-pressed', 'true');
  await expect(insights.knows()).toContainText('team escalations imported from ConnectWise');
  const { escalations, imported, parks, sessions } = seed.last30;
  await expect(insights.tile('Escalations')).toHaveText(String(escalations + imported));
  await expect(insights.summary('Escalations and parks')).toContainText(
    `${escalations + imported} escalations (${imported} imported from ConnectWise) and ${parks} parks.`,
  );
  await expect(insights.summary('Escalations and parks')).toContainText(`of ${sessions} sessions started`);
  for (const title of CHARTS) {
    // Every chart has data: a summary that is not "No …", an SVG labelled by it, and what it covers.
    await expect(insights.summary(title)).not.toHaveText(/^No /);
    await expect(insights.chart(title)).toBeVisible();
    await expect(insights.chart(title)).toHaveAccessibleName(await insights.summary(title).innerText());
    await expect(insights.covers(title)).toContainText('Covers:');
  }
  await expect(insights.summary('Was the assessment right?')).toContainText(
    'High-confidence assessments were right',
  );
  await page.screenshot({ path: screenshotPath(project, 'insights-light') });
  // The whole screen, every chart at once (the view scrolls inside the window).
  await page.setViewportSize({ width: 1280, height: 2300 });
  await page.screenshot({ path: screenshotPath(project, 'insights-light-all') });
  await page.setViewportSize({ width: 1280, height: 820 });

  // CSV of a chart: the same numbers as its table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    insights.csvButton('Time to claim').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^baton-insights-time-to-claim-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv[0]).toBe(
    'Priority,Escalations,Claimed,Left the queue without a claim here,Still waiting,Overdue,Overdue limit (minutes),Median wait (minutes),90th percentile wait (minutes)',
  );
  expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['Urgent', 'High', 'Medium', 'Low']);
  await insights.numbers('Time to claim').locator('summary').click();
  await expect(insights.tableRows('Time to claim').first()).toContainText(csv[1]!.split(',')[1]!);

  // The 90-day range adds the older weeks; a filter narrows every figure.
  await insights.range('90 days').click();
  await expect(insights.summary('Escalations and parks')).toContainText(/of \d+ sessions started/);
  await expect(insights.summary('Escalations and parks')).not.toContainText(
    `of ${sessions} sessions started`,
  );
  // Custom dates, both days included: a week is seven bars.
  await insights.range('Custom').click();
  await insights.fromDate().fill(localDate(10));
  await insights.toDate().fill(localDate(4));
  await insights.numbers('Escalations and parks').locator('summary').click();
  await expect(insights.tableRows('Escalations and parks')).toHaveCount(7);
  await expect(insights.tableRows('Escalations and parks').first()).toContainText(localDate(10));
  await insights.range('30 days').click();
  await expect(insights.tableRows('Escalations and parks')).toHaveCount(30);
  await insights.filter('Board').selectOption({ label: 'Projects' });
  await expect(insights.tile('Escalations')).toHaveText('2');
  await insights.filter('Board').selectOption({ label: 'Any' });
  await expect(insights.tile('Escalations')).toHaveText(String(escalations + imported));

  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'insights-light-900') });

  // Dark: the same screen under the OS's dark preference.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.insights-view')).toHaveCSS('background-color', 'rgb(11, 18, 32)');
  await page.screenshot({ path: screenshotPath(project, 'insights-dark-900') });
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({ path: screenshotPath(project, 'insights-dark') });
  await page.setViewportSize({ width: 1280, height: 2300 });
  await page.screenshot({ path: screenshotPath(project, 'insights-dark-all') });
});

test('a technician sees their own figures only, and the screen says so', async ({
  launchBaton,
}, testInfo) => {
  const app = await launchBaton({ dataDir: seed.dataDir });
  const page = app.page;
  const insights = new InsightsPage(page);
  await new HandoffPage(page).switchProfile('Terry Tech');
  await insights.open();
  await expect(insights.knows()).toContainText('Your figures');
  await expect(insights.filter('Technician')).toBeDisabled();
  await expect(insights.filter('Technician')).toHaveValue('');
  await expect(insights.covers('Escalations and parks')).toContainText('Your escalations and parks');
  await expect(insights.summary('Escalations and parks')).not.toContainText('imported');
  await page.screenshot({ path: screenshotPath(testInfo.project.name, 'insights-technician') });
});

test('resolving an escalated session asks whether the assessment was right, and Insights counts the answer', async ({
  launchBaton,
}, testInfo) => {
  const app = await launchBaton({ dataDir: seed.dataDir });
  const page = app.page;
  const insights = new InsightsPage(page);
  const note = new NotePage(page);
  await insights.open();
  const highRow = insights.tableRows('Was the assessment right?').filter({ hasText: 'High' });
  await insights.numbers('Was the assessment right?').locator('summary').click();
  const before = Number(await highRow.locator('td').nth(0).innerText());
  const rightBefore = Number(await highRow.locator('td').nth(1).innerText());

  await new SessionsPage(page).openSession(seed.open.title);
  await note.resolveButton().click();
  const check = note.dialog().getByRole('group', { name: 'Was the assessment right?' });
  await expect(check).toContainText(`the likely cause was ${seed.open.likelyCause}`);
  await expect(check).toContainText('high confidence');
  await check.getByRole('radio', { name: 'Right' }).check();
  // The seeded session records no cause or fix: the senior writes them.
  await note.fillGaps('Cleared the stale cached credentials; Outlook signs in.');
  await page.screenshot({ path: screenshotPath(testInfo.project.name, 'resolve-assessment-check') });
  await note.confirmButton().click();
  await expect(new SessionPage(page).statusBadge()).toHaveText('Resolved');

  await insights.open();
  await insights.numbers('Was the assessment right?').locator('summary').click();
  await expect(highRow.locator('td').nth(0)).toHaveText(String(before + 1));
  await expect(highRow.locator('td').nth(1)).toHaveText(String(rightBefore + 1));
});

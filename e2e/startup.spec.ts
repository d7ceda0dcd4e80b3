// A data file that is not fine at start (issue 13, item 5): Baton leaves it untouched, says so in plain
// words, and offers to restore the newest good backup or start fresh; another program's file is never
// touched at all.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { StartupPage } from './pages/startup-page';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-e2e-startup-'));
  test
    .info()
    .attach('data dir', { body: dir })
    .catch(() => undefined);
  return dir;
}

test('a damaged data file: the start screen explains it and restores the newest good backup', async ({
  launchBaton,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the Electron entry is wired to the start-up flow separately',
  );
  const project = testInfo.project.name;
  const dataDir = freshDataDir();
  try {
    const app = await launchBaton({ dataDir });
    await new FirstRunPage(app.page).createProfile({ name: 'Jane Doe', email: 'jane@example.com' });
    await new SessionsPage(app.page).newSession();
    await new SessionPage(app.page).addNote('Printer offline on floor 3 since the driver update');
    await expect(new SessionPage(app.page).messages()).toHaveCount(1);
    await app.stop();

    // Yesterday's daily backup (SQLite's online backup, as Baton takes it), then the file gets damaged.
    const file = join(dataDir, 'baton.db');
    mkdirSync(join(dataDir, 'backups'));
    const source = new Database(file);
    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const name = `baton-${yesterday.slice(0, 10).replace(/-/g, '')}-${yesterday.slice(11, 19).replace(/:/g, '')}000-daily.db`;
    await source.backup(join(dataDir, 'backups', name));
    source.close();
    const bytes = readFileSync(file);
    randomBytes(100).copy(bytes, 0);
    writeFileSync(file, bytes);
    const damaged = sha(file);

    await app.restart({ phase: 'startup' });
    const startup = new StartupPage(app.page);
    await expect(startup.heading()).toHaveText("Baton's data file is damaged");
    await expect(startup.explanation()).toContainText('Baton has not changed it');
    await expect(startup.backupChoice()).toContainText('daily backup');
    await app.page.screenshot({ path: screenshotPath(project, 'startup-damaged') });
    await app.page.setViewportSize({ width: 900, height: 600 });
    await app.page.screenshot({ path: screenshotPath(project, 'startup-damaged-900') });
    await app.page.setViewportSize({ width: 1280, height: 820 });

    await startup.restore().click();
    await expect(app.page.locator('body')).toHaveAttribute('data-phase', 'ready');
    await expect(new SessionsPage(app.page).sessionItems()).toHaveCount(1);
    await expect(new SessionsPage(app.page).sessionItems().first()).toContainText(
      'Printer offline on floor 3',
    );
    // The damaged file is kept beside it, byte for byte.
    const aside = readdirSync(dataDir).find(
      (n) => n.startsWith('baton.db.damaged-') && !/-(wal|shm)$/.test(n),
    );
    expect(aside).toBeDefined();
    expect(sha(join(dataDir, aside!))).toBe(damaged);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an empty data file is not a first run: starting fresh is a choice, and the file is kept aside', async ({
  launchBaton,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the Electron entry is wired to the start-up flow separately',
  );
  const dataDir = freshDataDir();
  try {
    writeFileSync(join(dataDir, 'baton.db'), '');
    const app = await launchBaton({ dataDir, phase: 'startup' });
    const startup = new StartupPage(app.page);
    await expect(startup.heading()).toHaveText("Baton's data file is empty");
    await expect(startup.restore()).toHaveCount(0);
    await startup.startFresh().click();
    await startup.confirmStartFresh().click();
    await expect(new FirstRunPage(app.page).heading()).toBeVisible();
    expect(readdirSync(dataDir).some((n) => n.startsWith('baton.db.damaged-'))).toBe(true);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("another program's SQLite file is refused and left exactly as it was", async ({
  launchBaton,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the Electron entry is wired to the start-up flow separately',
  );
  const project = testInfo.project.name;
  const dataDir = freshDataDir();
  try {
    const file = join(dataDir, 'baton.db');
    const other = new Database(file);
    other.exec(
      'create table invoices (id integer primary key, total real); insert into invoices values (1, 99.5)',
    );
    other.close();
    const before = sha(file);
    const app = await launchBaton({ dataDir, phase: 'startup' });
    const startup = new StartupPage(app.page);
    await expect(startup.heading()).toHaveText('This data file belongs to another program');
    await expect(startup.startFresh()).toHaveCount(0);
    await expect(startup.restore()).toHaveCount(0);
    await app.page.screenshot({ path: screenshotPath(project, 'startup-foreign') });
    await startup.checkAgain().click();
    await expect(app.page.getByRole('alert')).toContainText('Still the same');
    await app.stop();
    expect(sha(file)).toBe(before);
    expect(readdirSync(dataDir)).toEqual(['baton.db']);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

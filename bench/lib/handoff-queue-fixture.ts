// A data dir holding a queue of 10k unclaimed handoffs from several technicians, for a senior who is
// the current profile: written by the real core (profiles, sessions, notes, handoffs.create, the
// overdue sweep) under a moving clock, in one transaction (plus one for the sweep). As on a machine
// where all that happened long ago, every job is done and every overdue reminder sent; a third of the
// assessments are ready, a sixth unavailable, and the senior has opened about one in four. Cached in
// os.tmpdir(), keyed by schema version (about a minute to generate).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandoffAssessment, Priority, User } from '../../src-preload/contract';
import { createCore } from '../../src-main/core';
import { inTransaction, knownSchemaVersion } from '../../src-main/store/database';
import { markHandoffRead, setAssessment } from '../../src-main/store/repos/handoffs';
import type { SecretVault } from '../../src-main/vault/secret-vault';
import { factContent, intBetween, pick, seeded } from './fixture-data';
import { migrationsHash } from './env';
import { msSince, nowNs } from './stats';

export const QUEUE_HANDOFFS = 10_000;
/** Bump when the generator changes, so stale cached fixtures are not reused. */
const GENERATOR_REV = 2;
const SEED = 0x4a4d;
/** The oldest handoff waited this long before the fixture's "now" (the newest is a minute old). */
const SPAN_MS = 6 * 86_400_000;

export interface QueueFixture {
  /** The data dir (holds baton.db); copy it before starting a host that writes to it. */
  dataDir: string;
  schemaVersion: number;
  senior: { name: string; email: string };
  generatedMs: number | null;
}

const SENIOR = { name: 'Sam Senior', email: 'sam.senior@example.com' };
const TECHNICIANS = [
  'Terry Tech',
  'Priya Patel',
  'Jonas Berg',
  'Maria Santos',
  'Kwame Mensah',
  'Lena Fischer',
  'Dev Sharma',
  'Olu Adeyemi',
];
const PROBLEMS = [
  'Outlook keeps prompting for credentials after the password change',
  'Second-floor printer shows offline for everyone but the front desk',
  'VPN connects but internal DNS names do not resolve',
  'Shared drive mapping disappears after every reboot',
  'Teams calls drop after ten minutes on the warehouse Wi-Fi',
  'New hire cannot sign in to the line-of-business app (0x80070005)',
  'File server backup failed three nights running with VSS errors',
  'Laptop stuck at "Preparing Windows" after the cumulative update',
  'Shared mailbox not appearing in Outlook for the finance team',
  'Conditional Access blocks the CFO on her new iPhone',
];
const CLIENTS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wide World', 'Adventure Works', 'Litware'];
const REASONS = [
  'Needs Exchange admin rights',
  'Looks like a tenant-wide policy; above my access level',
  'Tried everything in the runbook, still failing',
  'Client is escalating to their account manager',
  'Suspect the RD gateway certificate; need someone with server access',
  'Waiting on the user to be back at their desk',
  'Needs a change window on the firewall',
  '',
];
const BRANCHES = ['Stale cached credentials', 'Modern auth disabled', 'DNS suffix not pushed', 'Driver bug'];
const PRIORITIES: readonly Priority[] = ['low', 'medium', 'medium', 'high', 'high', 'urgent'];

/** Nothing here touches the keychain (no AI provider or webhook is set up). */
const noVault: SecretVault = {
  get: () => Promise.resolve(null),
  set: () => Promise.reject(new Error('bench: no keychain')),
  delete: () => Promise.resolve(false),
  list: () => Promise.resolve([]),
};

export async function handoffQueueFixture(
  migrationsDir: string,
  log: (message: string) => void,
): Promise<QueueFixture> {
  const schemaVersion = knownSchemaVersion(migrationsDir);
  const name = `baton-bench-handoff-queue-schema${schemaVersion}-${migrationsHash(migrationsDir)}-rev${GENERATOR_REV}-${QUEUE_HANDOFFS}h`;
  const dataDir = join(tmpdir(), name);
  if (existsSync(join(dataDir, 'baton.db')))
    return { dataDir, schemaVersion, senior: SENIOR, generatedMs: null };

  log(`fixture: generating ${QUEUE_HANDOFFS} unclaimed handoffs → ${dataDir}`);
  const partial = `${dataDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const start = nowNs();
  try {
    await generate(partial, migrationsDir);
    renameSync(partial, dataDir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  const generatedMs = msSince(start);
  const size = statSync(join(dataDir, 'baton.db')).size;
  log(`fixture: ${(size / 1e6).toFixed(0)} MB in ${(generatedMs / 1000).toFixed(1)} s`);
  return { dataDir, schemaVersion, senior: SENIOR, generatedMs };
}

async function generate(dataDir: string, migrationsDir: string): Promise<void> {
  const rand = seeded(SEED);
  const end = Date.now() - 60_000;
  let now = end - SPAN_MS;
  const clock = { now: () => now };
  const core = createCore({
    dataDir,
    migrationsDir,
    vault: noVault,
    host: 'browser',
    version: '0.0.0-bench',
    clock,
    startWorker: false,
    log: () => undefined,
  });
  try {
    const { profiles, sessions, workspace, handoffs } = core.services;
    // The senior is created first, so they are the profile the host opens with.
    const senior = profiles.create({ ...SENIOR, role: 'owner' });
    const techs: User[] = TECHNICIANS.map((name) =>
      profiles.add(senior, {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
        role: 'technician',
      }),
    );
    const other = profiles.add(senior, { name: 'Ada Admin', email: 'ada.admin@example.com', role: 'admin' });
    const step = SPAN_MS / QUEUE_HANDOFFS;

    inTransaction(core.db, () => {
      for (let i = 0; i < QUEUE_HANDOFFS; i++) {
        now = Math.floor(end - SPAN_MS + i * step + rand() * step * 0.5);
        const tech = pick(rand, techs);
        const title = `${pick(rand, CLIENTS)}: ${pick(rand, PROBLEMS)}`;
        const session = sessions.create(tech, { title });
        sessions.addMessage(tech, session.id, `${title}. ${factContent(rand)}`);
        workspace.addFact(tech, session.id, factContent(rand));
        for (let b = intBetween(rand, 0, 3); b > 0; b--) {
          const branch = workspace.addHypothesis(tech, {
            sessionId: session.id,
            label: pick(rand, BRANCHES),
          });
          if (rand() < 0.5)
            workspace.updateHypothesis(tech, { id: branch.id, status: 'dead_end', reason: 'Ruled out' });
        }
        const escalate = rand() < 0.8;
        const reason = pick(rand, REASONS);
        const { handoff } = handoffs.create(tech, {
          sessionId: session.id,
          intent: escalate ? 'escalate' : 'park',
          reason: escalate && !reason ? 'Needs a senior' : reason,
          priority: pick(rand, PRIORITIES),
          notes: rand() < 0.4 ? 'Client is available after 2pm; remote session approved.' : undefined,
          targetUserId: escalate && rand() < 0.1 ? other.id : null,
        });
        const roll = rand();
        if (roll < 0.35) setAssessment(core.db, handoff.id, { state: 'ready', data: assessment(rand) });
        else if (roll < 0.5) setAssessment(core.db, handoff.id, { state: 'unavailable' });
        if (rand() < 0.25) markHandoffRead(core.db, handoff.id, senior.id, now + 30_000);
      }
    });
    inTransaction(core.db, () => {
      // Every "still unclaimed" reminder has gone out (swept as if a month had passed, so a host started
      // on this fixture later finds none left to send), and the outbox drained long ago: no enrichment
      // or notification is still to run.
      now = end + 30 * 86_400_000;
      core.services.overdueWatch.sweep();
      core.sqlite.prepare("update jobs set state = 'done' where state != 'done'").run();
    });
  } finally {
    await core.close();
  }
}

function assessment(rand: () => number): HandoffAssessment {
  return {
    summary_prose:
      'The client sees repeated credential prompts after a password change; cached tokens are the most likely cause.',
    what_we_know: ['Only Outlook prompts; OWA works', factContent(rand)],
    likely_cause: pick(rand, BRANCHES),
    suggested_steps: [
      'Clear the cached credentials',
      'Re-create the Outlook profile',
      'Check the sign-in logs',
    ],
    confidence: pick(rand, ['low', 'medium', 'high'] as const),
  };
}

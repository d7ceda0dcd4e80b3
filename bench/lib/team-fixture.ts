// Bench helpers for the team benches: a throwaway data dir and an in-memory stand-in for the OS
// keychain (benches run outside the test command's keyring session; they measure ConnectWise traffic).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTrailer } from '../../src-main/team/trailer';
import type { SecretVault } from '../../src-main/vault/secret-vault';

export function tempDataDir() {
  const path = mkdtempSync(join(tmpdir(), 'baton-bench-team-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function memoryVault(): SecretVault {
  const secrets = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    get: (s, a) => Promise.resolve(secrets.get(key(s, a)) ?? null),
    set: (s, a, secret) => {
      secrets.set(key(s, a), secret);
      return Promise.resolve();
    },
    delete: (s, a) => Promise.resolve(secrets.delete(key(s, a))),
    list: (s) =>
      Promise.resolve(
        [...secrets.keys()].filter((k) => k.startsWith(`${s}\u0000`)).map((k) => k.split('\u0000')[1]!),
      ),
  };
}

/** The internal note an escalating Baton posts: the package with its handoff trailer. */
export function handoffNote(i: number): string {
  const id = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return withTrailer(`## Problem\nTicket ${i} needs a senior.`, 'handoff', {
    v: 1,
    handoffId: id(i),
    sessionId: id(100_000 + i),
    title: `Escalated ticket ${i}`,
    priority: 'high',
    reason: 'Needs a senior',
    notes: null,
    from: { name: 'Terry Tech', email: 'terry@msp.example' },
    ticketNumber: `BTN-20261128-${String(i).padStart(4, '0')}`,
    snapshotRef: 'sha256:bench',
    snapshot: { summary: `Ticket ${i}`, stepCount: 0, factCount: 0, confidence: null, branches: [] },
  });
}

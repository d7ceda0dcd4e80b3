// Bench helpers for the team benches: a throwaway data dir and an in-memory stand-in for the OS
// keychain (benches run outside the test command's keyring session; they measure ConnectWise traffic).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Against the real OS keychain (gnome-keyring in CI, see DESIGN §7).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createKeychainVault } from './secret-vault';

const namespace = `baton-vault-test-${process.pid}`;
const vault = createKeychainVault(namespace);

describe('keychain vault', () => {
  afterAll(async () => {
    for (const account of await vault.list('connectwise')) await vault.delete('connectwise', account);
  });

  it('stores, lists, reads back and deletes a secret in the OS keychain', async () => {
    await vault.set('connectwise', 'privateKey', 'pr1v4te-K3y!');
    await vault.set('connectwise', 'publicKey', 'pub');
    expect(await vault.get('connectwise', 'privateKey')).toBe('pr1v4te-K3y!');
    expect(await vault.list('connectwise')).toEqual(['privateKey', 'publicKey']);
    expect(await vault.delete('connectwise', 'privateKey')).toBe(true);
    expect(await vault.get('connectwise', 'privateKey')).toBeNull();
    expect(await vault.delete('connectwise', 'privateKey')).toBe(false);
  });

  it('keeps the secret where other tools see it: in the Secret Service, under a namespaced service', async (ctx) => {
    if (process.platform !== 'linux' || spawnSync('secret-tool', ['--version']).error) ctx.skip();
    await vault.set('connectwise', 'clientKey', 'visible-to-secret-tool');
    const stored = execFileSync(
      'secret-tool',
      ['lookup', 'service', `${namespace}:connectwise`, 'username', 'clientKey'],
      {
        encoding: 'utf8',
      },
    );
    expect(stored).toBe('visible-to-secret-tool');
  });

  it('refuses an empty secret instead of storing nothing', async () => {
    await expect(vault.set('connectwise', 'x', '')).rejects.toThrow(/empty secret/);
  });

  it('says clearly when there is no keychain, and never falls back to a file', () => {
    if (process.platform !== 'linux') return;
    // A process without a session bus has no Secret Service.
    const script = `
      import { createKeychainVault } from ${JSON.stringify(join(import.meta.dirname, 'secret-vault.ts'))};
      try { await createKeychainVault('baton-nobus').set('svc', 'acct', 'pw'); console.log('STORED'); }
      catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }
    `;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
    });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { code: string; message: string };
    expect(result.code).toBe('NOT_CONFIGURED');
    expect(result.message).toMatch(/OS keychain is not available/);
    expect(new AppError('NOT_CONFIGURED', result.message).message).toMatch(/Secret Service keyring/);
  });
});

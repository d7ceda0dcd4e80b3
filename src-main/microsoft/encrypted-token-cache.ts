// msal's token cache (refresh token included) kept encrypted at rest. The cache is too big for the
// keychain (Windows Credential Manager caps a secret at about 2.5 KB), so it is an AES-256-GCM file
// in the data dir whose 32-byte key lives in the keychain. Never a plain-text cache file: without the
// key the file is noise, and a file that does not decrypt counts as "not signed in".
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretVault } from '../vault/secret-vault';

export const TOKEN_CACHE_FILE = 'microsoft-token-cache.bin';
export const TOKEN_CACHE_KEY = { service: 'microsoft', account: 'token-cache-key' } as const;

// File layout: MAGIC (4) | IV (12) | GCM tag (16) | ciphertext. The magic names the format version.
const MAGIC = Buffer.from('BTC1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the ciphertext to its purpose, so the key cannot be used to pass off another Baton file.
const ASSOCIATED_DATA = Buffer.from('baton:microsoft-token-cache');
const EMPTY_CACHE = JSON.stringify({
  Account: {},
  IdToken: {},
  AccessToken: {},
  RefreshToken: {},
  AppMetadata: {},
});

export interface EncryptedTokenCache extends ICachePlugin {
  readonly file: string;
  /** Deletes the cache file (the key stays; it protects nothing on its own). */
  clear(): Promise<void>;
}

export function createEncryptedTokenCache(deps: {
  vault: SecretVault;
  dataDir: string;
  log?: (message: string, err?: unknown) => void;
}): EncryptedTokenCache {
  const file = join(deps.dataDir, TOKEN_CACHE_FILE);
  // The key is read from the keychain once per process: every token lookup passes through here.
  let key: Buffer | null = null;

  async function loadKey(create: boolean): Promise<Buffer | null> {
    if (key) return key;
    const stored = await deps.vault.get(TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account);
    const decoded = stored ? Buffer.from(stored, 'base64') : null;
    if (decoded?.length === 32) return (key = decoded);
    if (!create) return null;
    const fresh = randomBytes(32);
    await deps.vault.set(TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account, fresh.toString('base64'));
    return (key = fresh);
  }

  async function readPlainText(): Promise<string> {
    let sealed: Buffer;
    try {
      sealed = await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CACHE;
      throw err;
    }
    const secret = await loadKey(false);
    const header = MAGIC.length + IV_BYTES + TAG_BYTES;
    if (!secret || sealed.length < header || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
      deps.log?.('The Microsoft 365 token cache cannot be read (no key or not ours); sign in again');
      return EMPTY_CACHE;
    }
    try {
      const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = sealed.subarray(MAGIC.length + IV_BYTES, header);
      const decipher = createDecipheriv('aes-256-gcm', secret, iv);
      decipher.setAAD(ASSOCIATED_DATA);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(header)), decipher.final()]).toString('utf8');
    } catch (err) {
      deps.log?.(
        'The Microsoft 365 token cache does not decrypt (changed or another key); sign in again',
        err,
      );
      return EMPTY_CACHE;
    }
  }

  async function writePlainText(text: string): Promise<void> {
    const secret = (await loadKey(true))!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', secret, iv);
    cipher.setAAD(ASSOCIATED_DATA);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    // Write then rename, so a crash mid-write never leaves half a cache behind.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]), { mode: 0o600 });
    await rename(partial, file);
  }

  return {
    file,
    // The file is the source of truth: msal's in-memory cache is replaced by it before every access.
    async beforeCacheAccess(context: TokenCacheContext) {
      context.tokenCache.deserialize(await readPlainText());
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await writePlainText(context.tokenCache.serialize());
    },
    clear: () => rm(file, { force: true }),
  };
}

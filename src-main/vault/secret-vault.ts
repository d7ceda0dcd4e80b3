// Secrets (API keys, webhook URLs, tokens) live only in the OS keychain: macOS Keychain, Windows
// Credential Manager, the Secret Service (gnome-keyring, KWallet) on Linux. Never in SQLite, logs or
// the renderer; and when the keychain is locked or missing we say so instead of falling back to a file.
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { AppError } from '../errors';

export interface SecretVault {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Returns whether a secret was there to delete. */
  delete(service: string, account: string): Promise<boolean>;
  /** Accounts stored under a service (values are not returned). */
  list(service: string): Promise<string[]>;
}

/** Every Baton entry is namespaced so that several installs (or tests) never read each other's. */
export function createKeychainVault(namespace = 'baton'): SecretVault {
  const qualified = (service: string) => `${namespace}:${service}`;
  const entry = (service: string, account: string) => {
    if (!service || !account)
      throw new AppError('VALIDATION', 'A secret needs a service and an account name');
    return new AsyncEntry(qualified(service), account);
  };
  return {
    get: (service, account) => guard(() => entry(service, account).getPassword()),
    set: async (service, account, secret) => {
      if (!secret) throw new AppError('VALIDATION', 'An empty secret cannot be stored; delete it instead');
      return guard(() => entry(service, account).setPassword(secret));
    },
    delete: (service, account) => guard(() => entry(service, account).deletePassword()),
    list: (service) =>
      guard(async () => (await findCredentialsAsync(qualified(service))).map((c) => c.account).sort()),
  };
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw keychainUnavailable(err);
  }
}

export function keychainUnavailable(cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const hint =
    process.platform === 'linux'
      ? 'Make sure a Secret Service keyring (GNOME Keyring or KWallet) is running and unlocked.'
      : 'Make sure you are signed in and the system keychain is unlocked.';
  return new AppError(
    'NOT_CONFIGURED',
    `The OS keychain is not available, so Baton cannot read or save secrets. ${hint}`,
    {
      cause: detail,
    },
  );
}

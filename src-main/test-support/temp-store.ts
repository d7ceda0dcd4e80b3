// A fresh store in a temporary folder for repository tests, closed and removed when the test ends.
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openStore } from '../store/database';
import { MIGRATIONS_DIR, tempDir } from './temp-core';

/** Call inside a test: the store is closed and its folder removed when that test finishes. */
export function tempStore(): ReturnType<typeof openStore> {
  const dir = tempDir();
  const opened = openStore(join(dir.path, 'baton.db'), MIGRATIONS_DIR);
  onTestFinished(() => {
    opened.close();
    dir.remove();
  });
  return opened;
}

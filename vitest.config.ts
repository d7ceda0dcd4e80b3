import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Electron binary cannot run here: src-main/electron/** is driven through a recording double.
    alias: { electron: join(import.meta.dirname, 'src-main/electron/testing/electron-double.ts') },
  },
  test: {
    include: ['src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'e2e/fakes/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15_000,
  },
});

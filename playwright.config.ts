import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { electronUnavailableReason } from './e2e/fixtures/electron-app';

const chromium = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
const skipElectron = electronUnavailableReason();
if (skipElectron && process.env.TEST_WORKER_INDEX === undefined)
  console.log(`[e2e] electron project skipped: ${skipElectron}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Budgets that hold at twice this machine's load (every wait is on an app signal, never a sleep): a
  // test with two or three Baton hosts and Chromium pages shares two cores with them.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure', viewport: { width: 1280, height: 800 } },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});

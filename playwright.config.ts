import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findEngines } from './scripts/engines.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4322);
const engines = await findEngines();
/** The specs written against a Tab (e2e/engines/), which run in every engine found. */
const EVERY_ENGINE = /engines\/.*\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: engines.chromium?.executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  // scripts/engines.mjs (run first by `npm run test:e2e`) says which engines are missing and how to install them.
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    ...(engines.firefox ? [{ name: 'firefox', testMatch: EVERY_ENGINE }] : []),
    // WebKitWebDriver takes one session at a time.
    ...(engines.webkit ? [{ name: 'webkit', testMatch: EVERY_ENGINE, workers: 1 }] : []),
  ],
  // Tests run against the production build, served like a static host serves it.
  webServer: {
    command: 'node scripts/serve.mjs',
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});

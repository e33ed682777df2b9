// End-to-end tests: the built app on a throwaway embedded PostgreSQL, driven by the system
// Chromium (no browser downloads), once with JavaScript and once without. Debian's headless shell
// (the old headless mode, Playwright's own default) uses half the CPU of the full browser per page.
import { defineConfig } from '@playwright/test';
import { DEFAULT_LANGUAGE_JOURNEY_TITLE, OTHER_LANGUAGE_TITLE } from './e2e/languages.ts';
import { E2E_PORT, STATE_FILE, SUITE_SUBMIT_RATE_LIMIT } from './e2e/server-state.ts';

const port = E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    // Recording a trace of every test, to keep only the failures', cost a third of the suite's CPU
    // (a screenshot and DOM snapshot per action). CI retries a failed test once, with a trace.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // Journeys in English, sweeps in every language; without JavaScript, everything in the default
    // language only (e2e/languages.ts).
    { name: 'js', use: { javaScriptEnabled: true }, grepInvert: DEFAULT_LANGUAGE_JOURNEY_TITLE },
    { name: 'no-js', use: { javaScriptEnabled: false }, grepInvert: OTHER_LANGUAGE_TITLE },
  ],
  webServer: {
    command: 'node --experimental-wasm-modules --no-warnings --import tsx scripts/serve-throwaway.ts',
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(port),
      LOOKUP_RATE_LIMIT: '1000',
      SUBMIT_RATE_LIMIT: SUITE_SUBMIT_RATE_LIMIT,
      // Every staff test signs in from 127.0.0.1.
      SIGN_IN_RATE_LIMIT: '1000',
      COOKIE_SECURE: 'false',
      NODE_ENV: 'production',
      // Warnings and errors only: a line per request would bury a failure in CI's output.
      LOG_LEVEL: 'warn',
      // The back-office specs create staff accounts in the throwaway database it reports here.
      STATE_FILE: STATE_FILE,
    },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

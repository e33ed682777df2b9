import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure rules and codecs, tested beside the code they test.
        test: { name: 'unit', include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/database-global-setup.ts'],
          setupFiles: ['tests/support/integration-env.ts'],
          // One throwaway database is shared; files run one after another so counts stay exact.
          fileParallelism: false,
          // The files share one module registry: importing the app again for each of 47 files took
          // a fifth of the suite's time. What must differ per run (database, upload folder) is set
          // once for all, in integration-env.ts; no file mocks a module.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

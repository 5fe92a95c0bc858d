import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file gets its own database, a copy of a template migrated once (test-support/template-database.ts);
    // the global setup builds the template before the first file starts. PGlite start-up still dominates.
    globalSetup: ['src/test-support/template-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

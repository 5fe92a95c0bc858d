import { defineConfig } from 'vitest/config';

// `npm run test:fuzz`: property-based requests against every route (FUZZ_RUNS, default 10,000).
export default defineConfig({
  test: {
    include: ['src/**/*.fuzz.ts'],
    globalSetup: ['src/test-support/template-global-setup.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

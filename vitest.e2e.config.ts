import { defineConfig } from 'vitest/config';

// Browser tests (e2e/): the built server on a scratch PGlite database with the
// demo organisation, driven through Debian's Chromium. `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

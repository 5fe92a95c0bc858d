import { defineConfig } from 'vitest/config';

// `npm run test:crash`: kills the server and stops PostgreSQL, so it runs alone, one file at a time.
export default defineConfig({
  test: {
    include: ['src/**/*.crash.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * One test run over every package. Unit tests sit beside the code as `*.test.ts`; tests that need
 * a database are `*.int.test.ts` and use Postgres when DATABASE_URL is set, embedded PGlite otherwise.
 * Browser flows live in e2e/ and run with `pnpm test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['{shared-model,nemsis,sync-server,field-apps}/**/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // On one shared PostgreSQL, test files run one at a time: a pull reads only below the cluster's
    // oldest in-flight transaction (docs/adr/0005), so another file's long push would hold this
    // file's pulls back and make its assertions race. PGlite files each have their own engine.
    fileParallelism: !process.env.DATABASE_URL,
  },
});

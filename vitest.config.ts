import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // fixtures are inputs to tests (scripts/fixtures: files that break the import rules), not tests
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    environment: 'node',
    // Builds packages/web/dist once when missing or stale: several browser tests serve it.
    globalSetup: ['scripts/test-setup/build-web.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

/** Tests that set up offices through the API (tests/support/services.ts): they get the run's key pool and template. */
const OFFICE_TESTS = ['tests/unit/api/**/*.test.ts', 'tests/unit/library/**/*.test.ts', 'tests/unit/cli/**/*.test.ts', 'tests/unit/ingest/{crash,disk-full}.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: OFFICE_TESTS } },
      // Its globalSetup (key pool, template office) runs only when one of these files is in the run.
      { extends: true, test: { name: 'office', include: OFFICE_TESTS, globalSetup: ['tests/support/global-setup.ts'] } },
    ],
  },
});

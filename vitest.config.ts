import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Tests that set up offices through the API (tests/support/services.ts): they get the run's key pool and templates. */
const OFFICE_TESTS = ['tests/unit/api/**/*.test.ts', 'tests/unit/library/**/*.test.ts', 'tests/unit/cli/**/*.test.ts', 'tests/unit/ingest/{crash,disk-full}.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Much of the suite waits on ffmpeg, openssl, LibreOffice, xorriso, child processes and the disk: two files at a
    // time keep two cores busy, where vitest's default (cores - 1) runs one file at a time on the 2-core build machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: OFFICE_TESTS } },
      // Its globalSetup (the key pool, a folder for the run's template offices) runs only when one of these is in the run.
      { extends: true, test: { name: 'office', include: OFFICE_TESTS, globalSetup: ['tests/support/global-setup.ts'] } },
    ],
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Much of the suite waits on ffmpeg, openssl, LibreOffice, xorriso, child processes and the disk: two files at a
    // time keep two cores busy, where vitest's default (cores - 1) runs one file at a time on the 2-core build machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A folder for what the run's test processes share: key pool, template offices, recorder volume (tests/support).
    globalSetup: ['tests/support/global-setup.ts'],
  },
});

// vitest globalSetup of the office tests: once per run, a pool of RSA key pairs, and a folder for the template
// offices setUpOffice copies (tests/support/services.ts). Removed at the end of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeKeyPool } from './key-pool';
import type { TestFixtures } from './services';

export default async function setup(project: TestProject): Promise<() => void> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'ew-fixtures-'));
  const fixtures: TestFixtures = { keyPoolFile: path.join(scratchDir, 'key-pool.json'), scratchDir };
  await writeKeyPool(fixtures.keyPoolFile);
  project.provide('testFixtures', fixtures);
  return () => rmSync(scratchDir, { recursive: true, force: true });
}

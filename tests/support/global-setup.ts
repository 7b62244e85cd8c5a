// vitest globalSetup: once per run, the key pool and a template office that tests copy instead of setting one up
// (see setUpOffice). Both live in a temp folder removed at the end of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeKeyPool } from './key-pool';
import { buildOfficeTemplate, type TestFixtures } from './services';

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-fixtures-'));
  const keyPoolFile = path.join(dir, 'key-pool.json');
  const [template] = await Promise.all([buildOfficeTemplate(path.join(dir, 'office')), writeKeyPool(keyPoolFile)]);
  const fixtures: TestFixtures = { keyPoolFile, template };
  project.provide('testFixtures', fixtures);
  return () => rmSync(dir, { recursive: true, force: true });
}

// vitest globalSetup: a folder for the fixtures the run's test processes share (shared-fixtures.ts), removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-fixtures-'));
  project.provide('sharedFixturesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

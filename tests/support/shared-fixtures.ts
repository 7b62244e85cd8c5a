// Fixtures made once per vitest run and shared by its test processes: the key pool, template offices, the recorder
// volume. The run's globalSetup (global-setup.ts) only makes the folder; each fixture is made by the first test that
// asks for it, so a run that needs none pays nothing.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for shared fixtures. */
    sharedFixturesDir: string;
  }
}

/** The run's folder; null outside vitest (npm run bench, the Playwright specs, which must not load vitest). */
async function runDir(): Promise<string | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  return inject('sharedFixturesDir') ?? null;
}

/**
 * The folder `name`, made once per run by `build` (given the folder to fill), or null where there is no run folder
 * (the caller then makes its own). Test files run in parallel processes: each builder fills a folder of its own and
 * renames it into place; when two race, the first rename wins and the other's folder is dropped.
 */
export async function sharedFixture(name: string, build: (dir: string) => Promise<void>): Promise<string | null> {
  const run = await runDir();
  if (!run) return null;
  const dir = path.join(run, name);
  if (existsSync(dir)) return dir;
  const building = mkdtempSync(path.join(run, 'building-'));
  try {
    await build(path.join(building, name));
    renameSync(path.join(building, name), dir);
  } catch (e) {
    if (!existsSync(dir)) throw e;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

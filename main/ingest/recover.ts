import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store';
import { TMP_SUFFIX } from './atomic';
import { PART_SUFFIX } from './commit';
import { markInterruptedSessions } from './session-rows';

/**
 * What a crash left behind, cleared when the archive is opened, before any ingest runs: partial copies
 * in incoming/ go, and a session that was running is marked interrupted.
 */
export function recoverAfterCrash(store: { db: Db; paths: { incoming: string } }): void {
  for (const f of readdirSync(store.paths.incoming)) {
    if (f.endsWith(PART_SUFFIX) || f.endsWith(TMP_SUFFIX)) rmSync(path.join(store.paths.incoming, f), { force: true });
  }
  markInterruptedSessions(store.db);
}

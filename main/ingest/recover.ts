import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store';
import { TMP_SUFFIX } from './atomic';
import { PART_SUFFIX } from './commit';
import { sessionDir, sessionDirIds, sessionLive } from './session-dir';
import { markInterruptedSessions } from './session-rows';

/**
 * What a crash left behind, cleared when the archive is opened: partial copies in `.incoming/` go, and a session
 * still marked running is marked interrupted, but only when no live process runs it. Another session, in this
 * process or another one on the same archive, keeps its row and its folder of partial copies. It runs in an
 * IMMEDIATE transaction, so a session cannot be opened (row and folder) half-way through the look.
 */
export function recoverAfterCrash(store: { db: Db; paths: { incoming: string } }): void {
  const { incoming } = store.paths;
  // Loose files at the top are from before sessions had folders, or from a single write that died.
  for (const f of readdirSync(incoming)) {
    if (f.endsWith(PART_SUFFIX) || f.endsWith(TMP_SUFFIX)) rmSync(path.join(incoming, f), { force: true });
  }
  store.db
    .transaction(() => {
      for (const id of sessionDirIds(incoming)) {
        if (!sessionLive(incoming, id)) rmSync(sessionDir(incoming, id), { recursive: true, force: true });
      }
      const running = store.db.prepare("SELECT id FROM ingest_sessions WHERE status = 'running'").pluck().all() as number[];
      markInterruptedSessions(store.db, running.filter((id) => !sessionLive(incoming, id)));
    })
    .immediate();
}

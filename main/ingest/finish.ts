import { rm } from 'node:fs/promises';
import { zonedToUtc } from '../media';
import type { Db, Store } from '../store';
import { hashFile } from './copy-hash';
import { estimateDrift } from './drift';
import { toAbsolute } from './layout';
import { refreshDayRecords } from './manifest';
import { regroupRecordings } from './recordings';
import type { IngestDeps, IngestPlan, IngestResult } from './run';
import { closeIngestSession, type IngestSessionId } from './session-rows';
import type { IngestTally } from './tally';

/** How the per-file loop ended, and what it found along the way. */
export interface FilesDone {
  status: IngestResult['status'];
  message: string | null;
  /** Day manifests to rewrite. */
  days: Set<string>;
  /** The newest end of footage on a recorder clock that looks right. */
  newestRecorderTime: Date | undefined;
}

/**
 * After the files: recordings regrouped, day manifests rewritten and signed (in turns with other sessions of the
 * same day, see refreshDayRecords), the recorder's clock drift estimated, the source cleared if asked and
 * everything verifies, and the session closed with its audit entry. `tmpDir`: the session's own folder.
 */
export async function finishIngest(
  plan: IngestPlan,
  deps: IngestDeps,
  sessionId: IngestSessionId,
  startedAt: Date,
  tally: IngestTally,
  files: FilesDone,
  tmpDir: string,
): Promise<IngestResult> {
  const { db } = deps.store;
  let { status, message } = files;
  regroupTouched(db, tally);
  for (const day of [...files.days].sort()) {
    try {
      refreshDayRecords(db, day, { archiveRoot: deps.store.paths.root, tmpDir, sign: deps.sign, signerId: plan.receivedBy, at: deps.now(), audit: deps.audit });
    } catch (e) {
      deps.log.error('day manifest write failed', { day, error: String(e) });
      status = status === 'completed' ? 'failed' : status;
      message ??= `第 ${day} 天的清单写入失败，请检查磁盘后运行完整性校验`;
    }
  }

  const drift = estimateDrift({ dockedAt: startedAt, info: plan.scan.recorder.info, parseLocal: parseLocalText(plan.timeZone), newestRecorderTime: files.newestRecorderTime });
  const sourceCleared = plan.clearSource && status === 'completed' && tally.counts.failed === 0 ? await clearSource(deps.store, sessionId, plan, deps) : false;
  closeIngestSession(db, sessionId, deps.now(), { status, message, counts: tally.counts, drift, sourceCleared }, deps.audit);
  tally.progress(null);
  return { sessionId, status, message, items: tally.items, drift, days: [...files.days].sort(), sourceCleared };
}

/** Recordings for everything this run touched; a rerun after a crash also groups what the crashed run stored but did not group. */
function regroupTouched(db: Db, tally: IngestTally): void {
  const touched = tally.touchedMedia();
  if (!touched.length) return;
  const groups = db
    .prepare(
      `SELECT recorder_id, MIN(ingest_session_id) AS session_id, MIN(start_at) AS a, MAX(COALESCE(end_at, start_at)) AS b,
              SUM(recording_id IS NULL AND end_at IS NOT NULL AND kind IN ('video', 'audio')) AS ungrouped
       FROM media WHERE id IN (${touched.map(() => '?').join(',')})
       GROUP BY recorder_id, CASE WHEN recorder_id IS NULL THEN ingest_session_id END`,
    )
    .all(...touched) as { recorder_id: number | null; session_id: number; a: string; b: string; ungrouped: number }[];
  db.transaction(() => {
    for (const g of groups) {
      if (tally.counts.stored === 0 && g.ungrouped === 0) continue;
      regroupRecordings(db, { recorderId: g.recorder_id, sessionId: g.session_id }, new Date(g.a), new Date(g.b));
    }
  })();
}

function parseLocalText(timeZone: string) {
  return (text: string): Date | null => {
    const m = /(\d{4})\D?(\d{2})\D?(\d{2})\D*?(\d{2})\D?(\d{2})\D?(\d{2})/.exec(text);
    if (!m) return null;
    const [y, mo, d, hh, mm, ss] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    return zonedToUtc({ y, m: mo, d, hh, mm, ss }, timeZone);
  };
}

/**
 * Deletes the session's files from the recorder, only after every stored copy (and every copy a
 * duplicate points to) is re-read and matches its registered hash (rules: nothing lost).
 */
async function clearSource(store: Store, sessionId: IngestSessionId, plan: IngestPlan, deps: IngestDeps): Promise<boolean> {
  const rows = store.db
    .prepare(`SELECT i.rel_path, m.sha256, m.stored_path FROM ingest_items i JOIN media m ON m.id = i.media_id WHERE i.session_id = ? AND i.outcome IN ('stored', 'duplicate')`)
    .all(sessionId) as { rel_path: string; sha256: string; stored_path: string }[];
  for (const r of rows) {
    const actual = await hashFile(toAbsolute(store.paths.root, r.stored_path), deps.signal);
    if (actual !== r.sha256) {
      deps.log.error('clear source refused: stored copy does not verify', { stored: r.stored_path });
      return false;
    }
  }
  const byRel = new Map(plan.scan.originals.map((o) => [o.relPath, o.path]));
  for (const r of rows) {
    const p = byRel.get(r.rel_path);
    if (p) await rm(p, { force: true });
  }
  store.db.transaction(() => deps.audit(store.db, 'ingest.clear_source', `ingest:${sessionId}`, { files: rows.length }))();
  return true;
}

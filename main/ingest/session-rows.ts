import type { AuditDetails } from '../audit';
import type { Db } from '../store';
import type { IngestItemOutcome, IngestPlan, IngestResult } from './run';
import type { CandidateOriginal } from './scan';
import type { DriftEstimate } from './drift';

export type IngestSessionId = number & { readonly __brand: 'IngestSessionId' };

/** Appends an audit entry as the receiving custodian; called inside the change's transaction. */
export type IngestAudit = (db: Db, action: string, target: string | null, details: AuditDetails) => void;

/** The session's row and its `ingest.start` entry, before any file is read. */
export function openIngestSession(db: Db, plan: IngestPlan, startedAt: Date, audit: IngestAudit): IngestSessionId {
  const originals = plan.scan.originals;
  const bytesTotal = originals.reduce((s, o) => s + o.size, 0);
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO ingest_sessions (started_at, status, received_by, handed_over_by, recorder_id, source_label, source_kind, files_total, bytes_total, recorder_info)
         VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        startedAt.toISOString(),
        plan.receivedBy,
        plan.officer?.id ?? null,
        plan.recorder?.id ?? null,
        plan.sourceLabel,
        plan.scan.recorderVolume ? 'recorder' : 'folder',
        originals.length,
        bytesTotal,
        recorderInfoRecord(plan),
      ).lastInsertRowid as number;
    audit(db, 'ingest.start', `ingest:${id}`, {
      source: plan.sourceLabel,
      recorder: plan.recorder?.serial ?? null,
      officer: plan.officer ? `${plan.officer.name}(${plan.officer.badgeNo})` : null,
      files: originals.length,
      bytes: bytesTotal,
    });
    return id as IngestSessionId;
  })();
}

/** The recorder's info file as it was at the docking (its name and text), or null when the source had none. */
function recorderInfoRecord(plan: IngestPlan): string | null {
  const r = plan.scan.recorder;
  return r.infoFile && r.infoText !== undefined ? JSON.stringify({ file: r.infoFile, text: r.infoText }) : null;
}

/** What became of one source file; inside the caller's transaction, with its audit entry. */
export function insertIngestItem(db: Db, sessionId: IngestSessionId, c: CandidateOriginal, outcome: IngestItemOutcome): void {
  const sha256 = outcome.outcome === 'failed' ? null : outcome.sha256;
  const mediaId = outcome.outcome === 'failed' ? null : outcome.mediaId;
  const message = outcome.outcome === 'failed' ? outcome.message : null;
  db.prepare('INSERT INTO ingest_items (session_id, rel_path, size, sha256, outcome, media_id, message) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    sessionId,
    c.relPath,
    c.size,
    sha256,
    outcome.outcome,
    mediaId,
    message,
  );
}

export interface SessionClose {
  status: IngestResult['status'];
  message: string | null;
  counts: { stored: number; duplicates: number; failed: number };
  drift: DriftEstimate | null;
  sourceCleared: boolean;
}

export function closeIngestSession(db: Db, sessionId: IngestSessionId, at: Date, c: SessionClose, audit: IngestAudit): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE ingest_sessions SET finished_at = ?, status = ?, files_duplicate = ?, files_failed = ?, clock_drift_sec = ?, clock_drift_basis = ?, source_cleared = ?, error = ? WHERE id = ?`,
    ).run(at.toISOString(), c.status, c.counts.duplicates, c.counts.failed, c.drift?.seconds ?? null, c.drift?.basis ?? null, c.sourceCleared ? 1 : 0, c.message, sessionId);
    audit(db, 'ingest.finish', `ingest:${sessionId}`, { status: c.status, ...c.counts, drift: c.drift?.seconds ?? null, sourceCleared: c.sourceCleared });
  })();
}

/** After a crash, these sessions still marked running were interrupted; their stored files stay registered. */
export function markInterruptedSessions(db: Db, ids: readonly number[]): number {
  const mark = db.prepare(
    "UPDATE ingest_sessions SET status = 'interrupted', error = COALESCE(error, '程序意外退出，导入中断；再次导入会跳过已保存的文件') WHERE id = ? AND status = 'running'",
  );
  return ids.reduce((n, id) => n + mark.run(id).changes, 0);
}

// Holds (保留): footage kept indefinitely for an investigation or by the chief's decision, each with a reason;
// released only with a reason. Rows are never deleted (triggers).
import type { HoldKind } from '../common';
import type { Db } from '../store';

export interface HoldRow {
  id: number;
  mediaId: number;
  kind: HoldKind;
  reason: string;
  setBy: string;
  setAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
}

export function insertHold(db: Db, h: { mediaId: number; kind: HoldKind; reason: string; userId: number; now: Date }): number {
  return db
    .prepare('INSERT INTO retention_holds (media_id, kind, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)')
    .run(h.mediaId, h.kind, h.reason, h.userId, h.now.toISOString()).lastInsertRowid as number;
}

/** Releases a hold still in force; false when there was none to release. */
export function releaseHold(db: Db, id: number, userId: number, reason: string, now: Date): boolean {
  return db
    .prepare('UPDATE retention_holds SET released_by = ?, released_at = ?, release_reason = ? WHERE id = ? AND released_at IS NULL')
    .run(userId, now.toISOString(), reason, id).changes > 0;
}

const HOLD_SELECT = `SELECT h.id, h.media_id AS mediaId, h.kind, h.reason, s.display_name AS setBy, h.set_at AS setAt,
       r.display_name AS releasedBy, h.released_at AS releasedAt, h.release_reason AS releaseReason
  FROM retention_holds h JOIN users s ON s.id = h.set_by LEFT JOIN users r ON r.id = h.released_by`;

export function findHold(db: Db, id: number): HoldRow | null {
  return (db.prepare(`${HOLD_SELECT} WHERE h.id = ?`).get(id) as HoldRow | undefined) ?? null;
}

/** Holds of one original, or every hold in force; newest first. */
export function listHolds(db: Db, q: { mediaId?: number }): HoldRow[] {
  return q.mediaId !== undefined
    ? (db.prepare(`${HOLD_SELECT} WHERE h.media_id = ? ORDER BY h.id DESC`).all(q.mediaId) as HoldRow[])
    : (db.prepare(`${HOLD_SELECT} WHERE h.released_at IS NULL ORDER BY h.id DESC`).all() as HoldRow[]);
}

/** The same kind of hold still in force on this original, if any (holding twice adds nothing). */
export function activeHoldOf(db: Db, mediaId: number, kind: HoldKind): number | null {
  const r = db.prepare('SELECT id FROM retention_holds WHERE media_id = ? AND kind = ? AND released_at IS NULL').get(mediaId, kind) as { id: number } | undefined;
  return r?.id ?? null;
}

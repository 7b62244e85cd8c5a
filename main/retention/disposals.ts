// Disposal (销毁) of originals past their keep-until day: requested by the custodian, approved or rejected by the
// chief (not the requester), carried out by another person than the approver. The row, hash and metadata of each
// original stay; only its bytes go. The store's triggers refuse every other way of marking an original disposed.
import { createHash } from 'node:crypto';
import { AppError, KEEP_BASIS_LABELS, type DisposalState } from '../common';
import type { Db } from '../store';
import type { RetentionStatus } from './status';

export interface DisposalRow {
  id: number;
  state: DisposalState;
  reason: string;
  itemsSha256: string;
  requestedById: number;
  requestedBy: string;
  requestedAt: string;
  decidedById: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  executedById: number | null;
  executedBy: string | null;
  executedAt: string | null;
  recordFile: string | null;
  recordSha256: string | null;
  signatureFile: string | null;
  signatureSha256: string | null;
  files: number;
  bytes: number;
}

export interface DisposalItemRow {
  mediaId: number;
  sha256: string;
  keepUntil: string;
  dueReason: string;
  size: number;
  storedPath: string;
  originalName: string;
  startAt: string;
  recorderSerial: string | null;
  officerName: string | null;
}

/** Pure: the fingerprint of a list of originals (id and hash), whatever its order: what an approval covers. */
export function itemsFingerprint(items: readonly { mediaId: number; sha256: string }[]): string {
  const lines = [...items].sort((a, b) => a.mediaId - b.mediaId).map((i) => `${i.mediaId}:${i.sha256}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/**
 * Refuses (DISPOSAL_REFUSED, naming each file and why) unless every original may be disposed of today: past its
 * keep-until day, in no open case, not held, not classified, not disposed already.
 */
export function assertDisposable(statuses: readonly RetentionStatus[]): void {
  const refused = statuses.filter((s) => s.refusal !== null);
  if (!refused.length) return;
  const named = refused.slice(0, 5).map((s) => `${s.originalName}：${s.refusal}`).join('；');
  throw new AppError('DISPOSAL_REFUSED', `以下资料不能销毁：${named}${refused.length > 5 ? ` 等 ${refused.length} 个` : ''}`,
    `disposal refused for media ${refused.map((s) => s.mediaId).join(',')}`);
}

/** The reason an original is due, as the record prints it. */
export function dueReason(s: RetentionStatus): string {
  return `${KEEP_BASIS_LABELS[s.basis]}，保存至 ${s.keepUntil ?? '—'}，已到期`;
}

export function insertDisposal(db: Db, d: { reason: string; statuses: readonly RetentionStatus[]; userId: number; now: Date }): number {
  const id = db
    .prepare("INSERT INTO disposals (state, reason, items_sha256, requested_by, requested_at) VALUES ('requested', ?, ?, ?, ?)")
    .run(d.reason, itemsFingerprint(d.statuses), d.userId, d.now.toISOString()).lastInsertRowid as number;
  const item = db.prepare('INSERT INTO disposal_items (disposal_id, media_id, sha256, keep_until, due_reason) VALUES (?, ?, ?, ?, ?)');
  for (const s of d.statuses) item.run(id, s.mediaId, s.sha256, s.keepUntil, dueReason(s));
  return id;
}

const DISPOSAL_SELECT = `SELECT d.id, d.state, d.reason, d.items_sha256 AS itemsSha256,
       d.requested_by AS requestedById, rq.display_name AS requestedBy, d.requested_at AS requestedAt,
       d.decided_by AS decidedById, dc.display_name AS decidedBy, d.decided_at AS decidedAt, d.decision_reason AS decisionReason,
       d.executed_by AS executedById, ex.display_name AS executedBy, d.executed_at AS executedAt,
       d.record_file AS recordFile, d.record_sha256 AS recordSha256, d.signature_file AS signatureFile, d.signature_sha256 AS signatureSha256,
       (SELECT count(*) FROM disposal_items i WHERE i.disposal_id = d.id) AS files,
       (SELECT coalesce(sum(m.size), 0) FROM disposal_items i JOIN media m ON m.id = i.media_id WHERE i.disposal_id = d.id) AS bytes
  FROM disposals d JOIN users rq ON rq.id = d.requested_by LEFT JOIN users dc ON dc.id = d.decided_by LEFT JOIN users ex ON ex.id = d.executed_by`;

export function findDisposal(db: Db, id: number): DisposalRow {
  const r = db.prepare(`${DISPOSAL_SELECT} WHERE d.id = ?`).get(id) as DisposalRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '销毁申请不存在');
  return r;
}

export function listDisposals(db: Db): DisposalRow[] {
  return db.prepare(`${DISPOSAL_SELECT} ORDER BY d.id DESC`).all() as DisposalRow[];
}

export function disposalItems(db: Db, id: number): DisposalItemRow[] {
  return db
    .prepare(
      `SELECT i.media_id AS mediaId, i.sha256, i.keep_until AS keepUntil, i.due_reason AS dueReason, m.size, m.stored_path AS storedPath,
              m.original_name AS originalName, m.start_at AS startAt, r.serial AS recorderSerial, o.name AS officerName
       FROM disposal_items i JOIN media m ON m.id = i.media_id LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id
       WHERE i.disposal_id = ? ORDER BY m.day, m.stored_path`,
    )
    .all(id) as DisposalItemRow[];
}

export function decideDisposal(db: Db, id: number, d: { approve: boolean; userId: number; reason: string | null; now: Date }): void {
  db.prepare("UPDATE disposals SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND state = 'requested'").run(
    d.approve ? 'approved' : 'rejected',
    d.userId,
    d.now.toISOString(),
    d.reason,
    id,
  );
}

/** The disposal is carried out: its record is stored, then each original is marked disposed (the triggers check both). */
export function markExecuted(
  db: Db,
  id: number,
  e: { userId: number; now: Date; recordFile: string; recordSha256: string; signatureFile: string; signatureSha256: string },
): number[] {
  const at = e.now.toISOString();
  db.prepare(
    "UPDATE disposals SET state = 'executed', executed_by = ?, executed_at = ?, record_file = ?, record_sha256 = ?, signature_file = ?, signature_sha256 = ? WHERE id = ? AND state = 'approved'",
  ).run(e.userId, at, e.recordFile, e.recordSha256, e.signatureFile, e.signatureSha256, id);
  const ids = (db.prepare('SELECT media_id FROM disposal_items WHERE disposal_id = ?').all(id) as { media_id: number }[]).map((r) => r.media_id);
  const mark = db.prepare('UPDATE media SET disposal_id = ?, disposed_at = ? WHERE id = ?');
  for (const m of ids) mark.run(id, at, m);
  return ids;
}

// Writing cases and what they hold; reading them is in ./cases.
import { AppError, disposalNumber, type Classification, type CaseStatus } from '../common';
import type { Db } from '../store';

export function caseNumberTaken(db: Db, number: string): boolean {
  return !!db.prepare('SELECT 1 FROM cases WHERE number = ?').get(number);
}

export interface NewCase {
  number: string;
  title: string;
  handlerOfficerId: number | null;
  description: string;
  classification: Classification;
}

export function insertCase(db: Db, c: NewCase, userId: number, now: Date): number {
  return db
    .prepare('INSERT INTO cases (number, title, handler_officer_id, description, classification, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.number, c.title, c.handlerOfficerId, c.description, c.classification, userId, now.toISOString()).lastInsertRowid as number;
}

export interface CaseChanges {
  title?: string;
  handlerOfficerId?: number | null;
  description?: string;
  classification?: Classification;
  /** Closing stamps closed_at; reopening clears it. */
  status?: CaseStatus;
}

/** Writes the given columns; false when there was nothing to write. */
export function updateCase(db: Db, id: number, changes: CaseChanges, now: Date): boolean {
  const set: string[] = [];
  const params: unknown[] = [];
  const put = (col: string, v: unknown) => {
    set.push(`${col} = ?`);
    params.push(v);
  };
  if (changes.title !== undefined) put('title', changes.title);
  if (changes.handlerOfficerId !== undefined) put('handler_officer_id', changes.handlerOfficerId);
  if (changes.description !== undefined) put('description', changes.description);
  if (changes.classification !== undefined) put('classification', changes.classification);
  if (changes.status !== undefined) {
    put('status', changes.status);
    put('closed_at', changes.status === 'closed' ? now.toISOString() : null);
  }
  if (!set.length) return false;
  db.prepare(`UPDATE cases SET ${set.join(', ')} WHERE id = ?`).run(...params, id);
  return true;
}

export function setCaseClassification(db: Db, id: number, classification: Classification): void {
  db.prepare('UPDATE cases SET classification = ? WHERE id = ?').run(classification, id);
}

/** Adds the media not yet in the case; returns those it added. */
export function addCaseItems(db: Db, caseId: number, mediaIds: readonly number[], userId: number, now: Date): number[] {
  // The store refuses it too (trigger); this names the file in words.
  const disposed = db
    .prepare('SELECT original_name, disposal_id FROM media WHERE disposal_id IS NOT NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1')
    .get(JSON.stringify(mediaIds)) as { original_name: string; disposal_id: number } | undefined;
  if (disposed) throw new AppError('MEDIA_DISPOSED', `视听资料“${disposed.original_name}”已按销毁记录 ${disposalNumber(disposed.disposal_id)} 销毁，不能加入案件`);
  const ins = db.prepare('INSERT OR IGNORE INTO case_items (case_id, media_id, added_by, added_at) VALUES (?, ?, ?, ?)');
  return mediaIds.filter((id) => ins.run(caseId, id, userId, now.toISOString()).changes === 1);
}

export function findCaseItem(db: Db, caseId: number, mediaId: number): { addedBy: number; addedAt: string } | undefined {
  return db.prepare('SELECT added_by AS addedBy, added_at AS addedAt FROM case_items WHERE case_id = ? AND media_id = ?').get(caseId, mediaId) as
    | { addedBy: number; addedAt: string }
    | undefined;
}

export function removeCaseItem(db: Db, caseId: number, mediaId: number): void {
  db.prepare('DELETE FROM case_items WHERE case_id = ? AND media_id = ?').run(caseId, mediaId);
}

import { AppError, type StartRule } from '../common';
import { retentionUntil } from '../ingest';
import type { Db } from '../store';
import type { BookmarkDto, MediaDetailDto } from './types';
import { ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';

interface DetailRow extends ItemRow {
  sha256: string;
  width: number | null;
  height: number | null;
  has_audio: number;
  start_source: string;
  start_rule: StartRule | null;
  retention_until: string;
  held_by_case: number;
  last_case_closed_at: string | null;
}

export function listBookmarks(db: Db, mediaId: number): BookmarkDto[] {
  return db
    .prepare(
      `SELECT b.id, b.media_id AS mediaId, b.offset_sec AS offsetSec, b.label, u.display_name AS createdBy, b.created_at AS createdAt
       FROM bookmarks b JOIN users u ON u.id = b.created_by WHERE b.media_id = ? ORDER BY b.offset_sec, b.id`,
    )
    .all(mediaId) as BookmarkDto[];
}

/**
 * Retention that applies today (art. 11(3)): held while any case holding the item is open;
 * once its cases are closed, kept until the later of its own date and the last closing plus the
 * office's retention period. Computed, never written back: media.retention_until stays as ingested.
 */
export function effectiveRetention(own: string, heldByCase: boolean, lastClosedAt: string | null, retentionMonths: number): string | null {
  if (heldByCase) return null;
  if (!lastClosedAt) return own;
  const afterCase = retentionUntil(new Date(lastClosedAt), retentionMonths).toISOString();
  return afterCase > own ? afterCase : own;
}

export function loadMediaDetail(db: Db, id: number, retentionMonths: number): MediaDetailDto {
  const r = db
    .prepare(
      `SELECT ${ITEM_COLUMNS}, m.sha256, m.width, m.height, m.has_audio, m.start_source, m.start_rule, m.retention_until,
              mr.held_by_case, mr.last_case_closed_at
       FROM media m ${ITEM_JOINS} JOIN media_retention mr ON mr.media_id = m.id WHERE m.id = ?`,
    )
    .get(id) as DetailRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '资料不存在');
  const note = db
    .prepare('SELECT n.text, u.display_name AS updatedBy, n.updated_at AS updatedAt FROM media_notes n JOIN users u ON u.id = n.updated_by WHERE n.media_id = ?')
    .get(id) as MediaDetailDto['notes'] | undefined;
  const cases = db
    .prepare('SELECT c.id, c.number, c.title FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = ? ORDER BY c.created_at, c.id')
    .all(id) as MediaDetailDto['cases'];
  return {
    ...toItem(r),
    sha256: r.sha256,
    container: r.container,
    videoCodec: r.video_codec,
    audioCodec: r.audio_codec,
    width: r.width,
    height: r.height,
    hasAudio: r.has_audio === 1,
    startSource: r.start_source,
    startRule: r.start_rule,
    retentionUntil: r.retention_until,
    heldByCase: r.held_by_case === 1,
    effectiveRetentionUntil: effectiveRetention(r.retention_until, r.held_by_case === 1, r.last_case_closed_at, retentionMonths),
    notes: note ?? null,
    bookmarks: listBookmarks(db, id),
    cases,
  };
}

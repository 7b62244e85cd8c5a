// What users keep beside an original: its category, key mark, notes and bookmarks. The original is never touched.
import type { Db } from '../store';
import type { Category, Classification } from '../common';

export function mediaExists(db: Db, id: number): boolean {
  return !!db.prepare('SELECT 1 FROM media WHERE id = ?').get(id);
}

export function setCategory(db: Db, id: number, category: Category | null): void {
  db.prepare('UPDATE media SET category = ? WHERE id = ?').run(category, id);
}

export function setKeyMark(db: Db, id: number, keyMark: boolean): void {
  db.prepare('UPDATE media SET key_mark = ? WHERE id = ?').run(keyMark ? 1 : 0, id);
}

/** Null removes the note. */
export function setNote(db: Db, id: number, text: string | null, userId: number, at: Date): void {
  if (text === null) {
    db.prepare('DELETE FROM media_notes WHERE media_id = ?').run(id);
    return;
  }
  db.prepare(
    `INSERT INTO media_notes (media_id, text, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(media_id) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, text, userId, at.toISOString());
}

export function addBookmark(db: Db, b: { mediaId: number; offsetSec: number; label: string; userId: number; at: Date }): number {
  return db
    .prepare('INSERT INTO bookmarks (media_id, offset_sec, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(b.mediaId, b.offsetSec, b.label, b.userId, b.at.toISOString()).lastInsertRowid as number;
}

export function findBookmark(db: Db, id: number): { id: number; mediaId: number; offsetSec: number; label: string } | undefined {
  return db.prepare('SELECT id, media_id AS mediaId, offset_sec AS offsetSec, label FROM bookmarks WHERE id = ?').get(id) as
    | { id: number; mediaId: number; offsetSec: number; label: string }
    | undefined;
}

export function removeBookmark(db: Db, id: number): void {
  db.prepare('DELETE FROM bookmarks WHERE id = ?').run(id);
}

/** A recording's segments in play order; empty when there is no such recording. */
export function recordingMediaIds(db: Db, recordingId: number): number[] {
  return (db.prepare('SELECT id FROM media WHERE recording_id = ? ORDER BY start_at, id').all(recordingId) as { id: number }[]).map((r) => r.id);
}

/** The ids among these that name no media. */
export function unknownMediaIds(db: Db, ids: readonly number[]): number[] {
  const known = db.prepare('SELECT 1 FROM media WHERE id = ?');
  return ids.filter((id) => !known.get(id));
}

export function mediaClassificationRow(db: Db, id: number): { sha256: string; classification: Classification } | undefined {
  return db.prepare('SELECT sha256, classification FROM media WHERE id = ?').get(id) as { sha256: string; classification: Classification } | undefined;
}

export function setMediaClassification(db: Db, id: number, classification: Classification): void {
  db.prepare('UPDATE media SET classification = ? WHERE id = ?').run(classification, id);
}

/** The hash and size recorded at ingest: what a copy of the original must still match. */
export function ingestedHash(db: Db, id: number): { sha256: string; size: number } | undefined {
  return db.prepare('SELECT sha256, size FROM media WHERE id = ?').get(id) as { sha256: string; size: number } | undefined;
}

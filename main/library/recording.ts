import { AppError } from '../common';
import type { Db } from '../store';
import type { RecordingDto } from './types';
import { officerRef, ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';

interface RecRow {
  id: number;
  start_at: string;
  end_at: string;
  gaps: string;
  officer_id: number | null;
  officer_name: string | null;
  officer_badge: string | null;
  recorder_serial: string | null;
}

/** A recording with its segments in play order and its gaps (rules art. 6). */
export function loadRecording(db: Db, id: number): RecordingDto {
  const rec = db
    .prepare(
      `SELECT g.id, g.start_at, g.end_at, g.gaps, o.id AS officer_id, o.name AS officer_name, o.badge_no AS officer_badge, r.serial AS recorder_serial
       FROM recordings g LEFT JOIN officers o ON o.id = g.officer_id LEFT JOIN recorders r ON r.id = g.recorder_id WHERE g.id = ?`,
    )
    .get(id) as RecRow | undefined;
  if (!rec) throw new AppError('NOT_FOUND', '录像不存在');
  const rows = db
    .prepare(`SELECT ${ITEM_COLUMNS} FROM media m ${ITEM_JOINS} WHERE m.recording_id = ? ORDER BY m.start_at, m.id`)
    .all(id) as ItemRow[];
  const segments = rows.map((r) => {
    const item = toItem(r);
    return {
      mediaId: item.id,
      originalName: item.originalName,
      startAt: item.startAt,
      endAt: item.endAt,
      durationSec: item.durationSec,
      size: item.size,
      videoCodec: r.video_codec,
      audioCodec: r.audio_codec,
      needsProxy: item.needsProxy,
      flags: item.flags,
    };
  });
  let stored: (RecordingDto['gaps'][number] & { overlap?: true })[];
  try {
    stored = JSON.parse(rec.gaps) as typeof stored;
  } catch {
    stored = [];
  }
  // One stored list; shown apart: a gap is a break in recording, an overlap is a clock problem.
  const gaps = stored.filter((g) => !g.overlap).map((g) => ({ afterMediaId: g.afterMediaId, seconds: g.seconds }));
  const overlaps = stored.filter((g) => g.overlap).map((g) => ({ afterMediaId: g.afterMediaId, seconds: g.seconds }));
  return {
    id: rec.id,
    recorderSerial: rec.recorder_serial,
    officer: officerRef(rec.officer_id, rec.officer_name, rec.officer_badge),
    startAt: rec.start_at,
    endAt: rec.end_at,
    segments,
    gaps,
    overlaps,
    totalDurationSec: segments.reduce((s, x) => s + (x.durationSec ?? 0), 0),
    totalSize: segments.reduce((s, x) => s + x.size, 0),
  };
}

/** The media ids of a recording's segments in play order; a recording without segments does not exist. */
export function recordingSegmentIds(db: Db, recordingId: number): number[] {
  const ids = (db.prepare('SELECT id FROM media WHERE recording_id = ? ORDER BY start_at, id').all(recordingId) as { id: number }[]).map((r) => r.id);
  if (!ids.length) throw new AppError('NOT_FOUND', '录像不存在');
  return ids;
}

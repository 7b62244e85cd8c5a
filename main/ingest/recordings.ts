import type { Db } from '../store';

export interface SegmentTime {
  id: number;
  start: Date;
  end: Date;
}

export interface Gap {
  /** The segment after which the gap opens. */
  afterMediaId: number;
  seconds: number;
  /**
   * The next segment starts `seconds` before this one ends: the recorder's clock, not a break in recording. Kept in
   * the same list (recordings.gaps) so one rebuild writes both; readers split them (library/recording.ts).
   */
  overlap?: true;
}

export interface GroupedRecording {
  mediaIds: number[];
  start: Date;
  end: Date;
  gaps: Gap[];
}

/** Segments closer than this to the previous one's end continue the same recording. */
export const CONTINUATION_TOLERANCE_SEC = 5;
/** Smaller differences are rounding in the recorder's timestamps, not gaps. */
export const GAP_NOISE_SEC = 0.5;

/**
 * Pure: groups one recorder's segments into recordings. A segment continues the previous one
 * when it starts within the tolerance of its end; any real gap inside a recording is kept (art. 6).
 */
export function groupSegments(segments: SegmentTime[], toleranceSec = CONTINUATION_TOLERANCE_SEC): GroupedRecording[] {
  const sorted = [...segments].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
  const out: GroupedRecording[] = [];
  let cur: GroupedRecording | null = null;
  for (const s of sorted) {
    const gapSec: number = cur ? (s.start.getTime() - cur.end.getTime()) / 1000 : Infinity;
    if (cur && gapSec <= toleranceSec && gapSec >= -toleranceSec) {
      if (gapSec > GAP_NOISE_SEC) cur.gaps.push({ afterMediaId: cur.mediaIds.at(-1)!, seconds: Math.round(gapSec * 10) / 10 });
      else if (gapSec < -GAP_NOISE_SEC) cur.gaps.push({ afterMediaId: cur.mediaIds.at(-1)!, seconds: Math.round(-gapSec * 10) / 10, overlap: true });
      cur.mediaIds.push(s.id);
      if (s.end > cur.end) cur.end = s.end;
    } else {
      cur = { mediaIds: [s.id], start: s.start, end: s.end, gaps: [] };
      out.push(cur);
    }
  }
  return out;
}

/**
 * Re-groups the timed media of one recorder (or, without one, of one ingest session) around a
 * time window. Recordings are derived data: they are rebuilt, never edited by hand.
 */
export function regroupRecordings(db: Db, key: { recorderId: number | null; sessionId: number }, from: Date, to: Date): number {
  const pad = 24 * 3600_000;
  const rows = db
    .prepare(
      `SELECT id, start_at, end_at, recording_id, officer_id FROM media
       WHERE kind IN ('video', 'audio') AND end_at IS NOT NULL
         AND ${key.recorderId === null ? 'recorder_id IS NULL AND ingest_session_id = ?' : 'recorder_id = ?'}
         AND start_at >= ? AND start_at <= ?`,
    )
    .all(key.recorderId ?? key.sessionId, new Date(from.getTime() - pad).toISOString(), new Date(to.getTime() + pad).toISOString()) as {
    id: number;
    start_at: string;
    end_at: string;
    recording_id: number | null;
    officer_id: number | null;
  }[];
  const officerOf = new Map(rows.map((r) => [r.id, r.officer_id]));
  const old = [...new Set(rows.map((r) => r.recording_id).filter((x): x is number => x !== null))];
  const groups = groupSegments(rows.map((r) => ({ id: r.id, start: new Date(r.start_at), end: new Date(r.end_at) })));
  const clear = db.prepare('UPDATE media SET recording_id = NULL WHERE id = ?');
  for (const r of rows) clear.run(r.id);
  const del = db.prepare('DELETE FROM recordings WHERE id = ? AND NOT EXISTS (SELECT 1 FROM media WHERE recording_id = ?)');
  for (const id of old) del.run(id, id);
  const ins = db.prepare('INSERT INTO recordings (recorder_id, officer_id, start_at, end_at, segments, gaps) VALUES (?, ?, ?, ?, ?, ?)');
  const link = db.prepare('UPDATE media SET recording_id = ? WHERE id = ?');
  for (const g of groups) {
    const id = ins.run(key.recorderId, officerOf.get(g.mediaIds[0]!) ?? null, g.start.toISOString(), g.end.toISOString(), g.mediaIds.length, JSON.stringify(g.gaps))
      .lastInsertRowid as number;
    for (const m of g.mediaIds) link.run(id, m);
  }
  return groups.length;
}

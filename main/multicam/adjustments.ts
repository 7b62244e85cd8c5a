import { AppError } from '../common';
import type { Db } from '../store';
import type { CameraAdjustmentDto } from './types';

interface Row {
  seconds: number;
  reason: string;
  set_at: string;
  user_id: number;
  login: string;
  display_name: string;
}

/** The hand correction in force for a recording: its latest row, or null. */
export function latestAdjustment(db: Db, recordingId: number): CameraAdjustmentDto | null {
  const r = db
    .prepare(
      `SELECT a.seconds, a.reason, a.set_at, u.id AS user_id, u.login, u.display_name FROM multicam_adjustments a JOIN users u ON u.id = a.set_by
       WHERE a.recording_id = ? ORDER BY a.id DESC LIMIT 1`,
    )
    .get(recordingId) as Row | undefined;
  return r ? { seconds: r.seconds, reason: r.reason, at: r.set_at, by: { id: r.user_id, login: r.login, displayName: r.display_name } } : null;
}

/** Records a new hand correction of a recording's start on the shared axis (who, when, value, reason). */
export function addAdjustment(db: Db, args: { recordingId: number; seconds: number; reason: string; by: number; at: Date }): number {
  if (!db.prepare('SELECT 1 FROM recordings WHERE id = ?').get(args.recordingId)) throw new AppError('NOT_FOUND', '录像不存在');
  return db
    .prepare('INSERT INTO multicam_adjustments (recording_id, seconds, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)')
    .run(args.recordingId, args.seconds, args.reason, args.by, args.at.toISOString()).lastInsertRowid as number;
}

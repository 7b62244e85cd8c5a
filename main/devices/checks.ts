import { AppError, CHECK_ITEMS, type CheckItem } from '../common';
import type { Db } from '../store';
import type { RecorderId } from './register';

/** One recorder's pre-use check on one office day (art. 4). */
export interface RecorderCheck {
  id: number;
  recorderId: RecorderId;
  serial: string;
  day: string;
  /** Each point of the rule: true when it was found in order. */
  items: Record<CheckItem, boolean>;
  /** The points found wanting, in the rule's order; empty when the recorder passed. */
  failed: CheckItem[];
  note: string | null;
  checkedAt: string;
  checkedBy: string;
}

export interface CheckEntry {
  recorderId: number;
  items: Record<CheckItem, boolean>;
  note: string | null;
}

interface CheckRow {
  id: number;
  recorder_id: number;
  serial: string;
  day: string;
  no_fault: number;
  battery_ok: number;
  storage_ok: number;
  clock_ok: number;
  note: string | null;
  checked_at: string;
  checked_by: string;
}

const SELECT = `SELECT c.*, r.serial, u.display_name AS checked_by FROM recorder_checks c
  JOIN recorders r ON r.id = c.recorder_id JOIN users u ON u.id = c.checked_by`;

function toCheck(r: CheckRow): RecorderCheck {
  const items: Record<CheckItem, boolean> = { noFault: r.no_fault === 1, battery: r.battery_ok === 1, storage: r.storage_ok === 1, clock: r.clock_ok === 1 };
  return {
    id: r.id,
    recorderId: r.recorder_id as RecorderId,
    serial: r.serial,
    day: r.day,
    items,
    failed: CHECK_ITEMS.filter((k) => !items[k]),
    note: r.note,
    checkedAt: r.checked_at,
    checkedBy: r.checked_by,
  };
}

/** The checks of one office day, by serial. */
export function checksOfDay(db: Db, day: string): RecorderCheck[] {
  return (db.prepare(`${SELECT} WHERE c.day = ? ORDER BY r.serial`).all(day) as CheckRow[]).map(toCheck);
}

/** One recorder's checks, newest first. */
export function checksOf(db: Db, recorderId: RecorderId, limit = 400): RecorderCheck[] {
  return (db.prepare(`${SELECT} WHERE c.recorder_id = ? ORDER BY c.day DESC LIMIT ?`).all(recorderId, limit) as CheckRow[]).map(toCheck);
}

/**
 * Records the day's checks of several recorders at once. A second entry for the same recorder and day replaces the
 * first (a re-check after charging); the caller audits both versions. Only recorders in service are checked for use,
 * and no day after today (office time).
 */
export function recordChecks(
  db: Db,
  args: { day: string; today: string; entries: readonly CheckEntry[]; by: number; at: Date },
): { before: RecorderCheck | null; after: RecorderCheck }[] {
  if (args.day > args.today) throw new AppError('CHECK_IN_FUTURE', '不能登记今天以后的使用前检查');
  const ids = args.entries.map((e) => e.recorderId);
  if (new Set(ids).size !== ids.length) throw new AppError('CHECK_DUPLICATE', '同一台记录仪在一次登记中出现了两次');
  const status = db.prepare('SELECT serial, status FROM recorders WHERE id = ?');
  const find = db.prepare(`${SELECT} WHERE c.recorder_id = ? AND c.day = ?`);
  const upsert = db.prepare(
    `INSERT INTO recorder_checks (recorder_id, day, no_fault, battery_ok, storage_ok, clock_ok, note, checked_at, checked_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (recorder_id, day) DO UPDATE SET no_fault = excluded.no_fault, battery_ok = excluded.battery_ok,
       storage_ok = excluded.storage_ok, clock_ok = excluded.clock_ok, note = excluded.note, checked_at = excluded.checked_at,
       checked_by = excluded.checked_by`,
  );
  const bit = (b: boolean) => (b ? 1 : 0);
  return args.entries.map((e) => {
    const r = status.get(e.recorderId) as { serial: string; status: string } | undefined;
    if (!r) throw new AppError('NOT_FOUND', '记录仪不存在');
    if (r.status !== 'in_service') throw new AppError('RECORDER_NOT_IN_SERVICE', `记录仪 ${r.serial} 不在用，无需登记使用前检查`);
    const before = find.get(e.recorderId, args.day) as CheckRow | undefined;
    upsert.run(e.recorderId, args.day, bit(e.items.noFault), bit(e.items.battery), bit(e.items.storage), bit(e.items.clock), e.note, args.at.toISOString(), args.by);
    return { before: before ? toCheck(before) : null, after: toCheck(find.get(e.recorderId, args.day) as CheckRow) };
  });
}

/** A docking of a recorder (an ingest session) with the clock drift measured then (main/ingest/drift.ts). */
export interface Docking {
  sessionId: number;
  recorderId: RecorderId;
  at: string;
  /** Recorder clock minus true time, seconds; null when it could not be measured. */
  driftSec: number | null;
  basis: string | null;
}

/** Dockings in [from, to), oldest first; of one recorder when given. Read from the ingest sessions. */
export function dockingsBetween(db: Db, from: Date, to: Date, recorderId?: RecorderId): Docking[] {
  const rows = db
    .prepare(
      `SELECT id, recorder_id, started_at, clock_drift_sec, clock_drift_basis FROM ingest_sessions
       WHERE recorder_id IS NOT NULL AND started_at >= ? AND started_at < ? AND (? IS NULL OR recorder_id = ?)
       ORDER BY started_at, id`,
    )
    .all(from.toISOString(), to.toISOString(), recorderId ?? null, recorderId ?? null) as {
    id: number;
    recorder_id: number;
    started_at: string;
    clock_drift_sec: number | null;
    clock_drift_basis: string | null;
  }[];
  return rows.map((r) => ({ sessionId: r.id, recorderId: r.recorder_id as RecorderId, at: r.started_at, driftSec: r.clock_drift_sec, basis: r.clock_drift_basis }));
}

/** The latest docking of each recorder, by recorder id. */
export function lastDockings(db: Db): Map<RecorderId, Docking> {
  const rows = db
    .prepare(
      `SELECT s.id, s.recorder_id, s.started_at, s.clock_drift_sec, s.clock_drift_basis FROM ingest_sessions s
       WHERE s.recorder_id IS NOT NULL AND s.id = (SELECT s2.id FROM ingest_sessions s2 WHERE s2.recorder_id = s.recorder_id ORDER BY s2.started_at DESC, s2.id DESC LIMIT 1)`,
    )
    .all() as { id: number; recorder_id: number; started_at: string; clock_drift_sec: number | null; clock_drift_basis: string | null }[];
  return new Map(rows.map((r) => [r.recorder_id as RecorderId, { sessionId: r.id, recorderId: r.recorder_id as RecorderId, at: r.started_at, driftSec: r.clock_drift_sec, basis: r.clock_drift_basis }]));
}

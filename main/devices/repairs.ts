import { AppError, type RepairResult } from '../common';
import type { Db } from '../store';
import { unassignRecorder, type RecorderId } from './register';

/** A repair (art. 9): sent when, by whom, with what fault, to whom; returned when, with what result. */
export interface Repair {
  id: number;
  recorderId: RecorderId;
  serial: string;
  sentAt: string;
  sentBy: string;
  fault: string;
  repairer: string | null;
  returnedAt: string | null;
  returnedBy: string | null;
  result: RepairResult | null;
  resultNote: string | null;
}

interface RepairRow {
  id: number;
  recorder_id: number;
  serial: string;
  sent_at: string;
  sent_by: string;
  fault: string;
  repairer: string | null;
  returned_at: string | null;
  returned_by: string | null;
  result: RepairResult | null;
  result_note: string | null;
}

const SELECT = `SELECT p.id, p.recorder_id, r.serial, p.sent_at, s.display_name AS sent_by, p.fault, p.repairer, p.returned_at,
    b.display_name AS returned_by, p.result, p.result_note
  FROM recorder_repairs p JOIN recorders r ON r.id = p.recorder_id JOIN users s ON s.id = p.sent_by LEFT JOIN users b ON b.id = p.returned_by`;

const toRepair = (r: RepairRow): Repair => ({
  id: r.id,
  recorderId: r.recorder_id as RecorderId,
  serial: r.serial,
  sentAt: r.sent_at,
  sentBy: r.sent_by,
  fault: r.fault,
  repairer: r.repairer,
  returnedAt: r.returned_at,
  returnedBy: r.returned_by,
  result: r.result,
  resultNote: r.result_note,
});

export function findRepair(db: Db, id: number): Repair | null {
  const r = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as RepairRow | undefined;
  return r ? toRepair(r) : null;
}

/** One recorder's repairs, or all, newest first. */
export function repairsOf(db: Db, recorderId?: RecorderId): Repair[] {
  return (db.prepare(`${SELECT} WHERE (? IS NULL OR p.recorder_id = ?) ORDER BY p.sent_at DESC, p.id DESC`).all(recorderId ?? null, recorderId ?? null) as RepairRow[]).map(
    toRepair,
  );
}

/** Repairs sent or returned in [from, to), oldest first. */
export function repairsBetween(db: Db, from: Date, to: Date): Repair[] {
  const f = from.toISOString();
  const t = to.toISOString();
  return (
    db.prepare(`${SELECT} WHERE (p.sent_at >= ? AND p.sent_at < ?) OR (p.returned_at >= ? AND p.returned_at < ?) ORDER BY p.sent_at, p.id`).all(f, t, f, t) as RepairRow[]
  ).map(toRepair);
}

/**
 * Sends a recorder in service for repair: its status becomes 维修 and whoever wore it gives it back at that moment.
 * While the repair is open the recorder cannot be assigned (assignRecorder refuses it).
 */
export function sendForRepair(db: Db, args: { recorderId: number; fault: string; repairer: string | null; sentAt: Date; by: number; now: Date }): Repair {
  const r = db.prepare('SELECT serial, status FROM recorders WHERE id = ?').get(args.recorderId) as { serial: string; status: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', '记录仪不存在');
  if (r.status === 'repair') throw new AppError('REPAIR_OPEN', `记录仪 ${r.serial} 已在维修中`);
  if (r.status !== 'in_service') throw new AppError('RECORDER_NOT_IN_SERVICE', `记录仪 ${r.serial} 不在用（丢失或报废），不能送修`);
  if (args.sentAt > args.now) throw new AppError('TIME_IN_FUTURE', '送修时间不能晚于现在');
  // Given back when it was sent; an assignment begun after that (entered late) ends now.
  unassignRecorder(db, args.recorderId as RecorderId, args.sentAt);
  unassignRecorder(db, args.recorderId as RecorderId, args.now);
  db.prepare("UPDATE recorders SET status = 'repair' WHERE id = ?").run(args.recorderId);
  const id = db
    .prepare('INSERT INTO recorder_repairs (recorder_id, sent_at, sent_by, fault, repairer) VALUES (?, ?, ?, ?, ?)')
    .run(args.recorderId, args.sentAt.toISOString(), args.by, args.fault, args.repairer).lastInsertRowid as number;
  return findRepair(db, id)!;
}

/** Closes an open repair: repaired → back in service (unassigned), unrepairable → retired. */
export function returnFromRepair(db: Db, args: { repairId: number; result: RepairResult; note: string | null; returnedAt: Date; by: number; now: Date }): Repair {
  const p = findRepair(db, args.repairId);
  if (!p) throw new AppError('NOT_FOUND', '维修记录不存在');
  if (p.returnedAt) throw new AppError('REPAIR_CLOSED', '该维修已登记返回');
  if (args.returnedAt > args.now) throw new AppError('TIME_IN_FUTURE', '返回时间不能晚于现在');
  if (args.returnedAt.toISOString() < p.sentAt) throw new AppError('TIME_ORDER', '返回时间不能早于送修时间');
  db.prepare('UPDATE recorder_repairs SET returned_at = ?, returned_by = ?, result = ?, result_note = ? WHERE id = ?').run(
    args.returnedAt.toISOString(),
    args.by,
    args.result,
    args.note,
    p.id,
  );
  db.prepare('UPDATE recorders SET status = ? WHERE id = ?').run(args.result === 'repaired' ? 'in_service' : 'retired', p.recorderId);
  return findRepair(db, p.id)!;
}

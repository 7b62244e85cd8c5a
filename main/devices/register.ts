import { AppError, RECORDER_STATUS_LABELS, RECORDER_STATUSES, type RecorderStatus } from '../common';
import type { Db } from '../store';

export type OfficerId = number & { readonly __brand: 'OfficerId' };
export type RecorderId = number & { readonly __brand: 'RecorderId' };

export { RECORDER_STATUSES, type RecorderStatus };

export interface Officer {
  id: OfficerId;
  name: string;
  badgeNo: string;
  userId: number | null;
  active: boolean;
}

export interface Recorder {
  id: RecorderId;
  serial: string;
  brand: string | null;
  model: string | null;
  assetNo: string | null;
  status: RecorderStatus;
  notes: string | null;
  /** The officer wearing it now, if any. */
  currentOfficer: Officer | null;
}

export interface Assignment {
  id: number;
  recorderId: RecorderId;
  officer: Officer;
  fromAt: string;
  toAt: string | null;
}

interface OfficerRow {
  id: number;
  name: string;
  badge_no: string;
  user_id: number | null;
  active: number;
}

const toOfficer = (r: OfficerRow): Officer => ({ id: r.id as OfficerId, name: r.name, badgeNo: r.badge_no, userId: r.user_id, active: r.active === 1 });

export function listOfficers(db: Db): Officer[] {
  return (db.prepare('SELECT * FROM officers ORDER BY active DESC, badge_no').all() as OfficerRow[]).map(toOfficer);
}

export function findOfficer(db: Db, id: number): Officer | null {
  const r = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow | undefined;
  return r ? toOfficer(r) : null;
}

export function findOfficerByBadge(db: Db, badgeNo: string): Officer | null {
  const r = db.prepare('SELECT * FROM officers WHERE badge_no = ?').get(badgeNo) as OfficerRow | undefined;
  return r ? toOfficer(r) : null;
}

export function insertOfficer(db: Db, o: { name: string; badgeNo: string; userId?: number | null }, now: Date): Officer {
  if (findOfficerByBadge(db, o.badgeNo)) throw new AppError('BADGE_TAKEN', `警号“${o.badgeNo}”已登记`, `badge ${o.badgeNo} exists`);
  const id = db
    .prepare('INSERT INTO officers (name, badge_no, user_id, created_at) VALUES (?, ?, ?, ?)')
    .run(o.name, o.badgeNo, o.userId ?? null, now.toISOString()).lastInsertRowid as number;
  return findOfficer(db, id)!;
}

export function updateOfficer(db: Db, id: number, patch: { name?: string; active?: boolean; userId?: number | null }): Officer {
  const o = findOfficer(db, id);
  if (!o) throw new AppError('NOT_FOUND', '人员不存在');
  db.prepare('UPDATE officers SET name = ?, active = ?, user_id = ? WHERE id = ?').run(
    patch.name ?? o.name,
    (patch.active ?? o.active) ? 1 : 0,
    patch.userId !== undefined ? patch.userId : o.userId,
    id,
  );
  return findOfficer(db, id)!;
}

interface RecorderRow {
  id: number;
  serial: string;
  brand: string | null;
  model: string | null;
  asset_no: string | null;
  status: RecorderStatus;
  notes: string | null;
}

function toRecorder(db: Db, r: RecorderRow, now: Date): Recorder {
  return {
    id: r.id as RecorderId,
    serial: r.serial,
    brand: r.brand,
    model: r.model,
    assetNo: r.asset_no,
    status: r.status,
    notes: r.notes,
    currentOfficer: officerAt(db, r.id as RecorderId, now),
  };
}

export function listRecorders(db: Db, now: Date): Recorder[] {
  return (db.prepare('SELECT * FROM recorders ORDER BY serial').all() as RecorderRow[]).map((r) => toRecorder(db, r, now));
}

export function findRecorder(db: Db, id: number, now: Date): Recorder | null {
  const r = db.prepare('SELECT * FROM recorders WHERE id = ?').get(id) as RecorderRow | undefined;
  return r ? toRecorder(db, r, now) : null;
}

export function findRecorderBySerial(db: Db, serial: string, now: Date): Recorder | null {
  const r = db.prepare('SELECT * FROM recorders WHERE serial = ?').get(serial) as RecorderRow | undefined;
  return r ? toRecorder(db, r, now) : null;
}

export function insertRecorder(
  db: Db,
  r: { serial: string; brand?: string | null; model?: string | null; assetNo?: string | null; notes?: string | null },
  now: Date,
): Recorder {
  if (findRecorderBySerial(db, r.serial, now)) throw new AppError('SERIAL_TAKEN', `记录仪“${r.serial}”已登记`, `recorder ${r.serial} exists`);
  const id = db
    .prepare('INSERT INTO recorders (serial, brand, model, asset_no, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.serial, r.brand ?? null, r.model ?? null, r.assetNo ?? null, r.notes ?? null, now.toISOString()).lastInsertRowid as number;
  return findRecorder(db, id, now)!;
}

export function updateRecorder(
  db: Db,
  id: number,
  patch: { brand?: string | null; model?: string | null; assetNo?: string | null; status?: RecorderStatus; notes?: string | null },
  now: Date,
): Recorder {
  const r = findRecorder(db, id, now);
  if (!r) throw new AppError('NOT_FOUND', '记录仪不存在');
  if (patch.status !== undefined && patch.status !== r.status) {
    // Repair and loss have their own records (art. 9, 10): the status follows them, never a bare edit.
    if (patch.status === 'repair') throw new AppError('STATUS_BY_RECORD', '送修请使用“送修”登记（送修人、故障），状态随之改为维修', 'repair by edit');
    if (patch.status === 'lost') throw new AppError('STATUS_BY_RECORD', '丢失请使用“丢失/损坏”登记（佩戴人、经过），状态随之改为丢失', 'loss by edit');
    if (r.status === 'repair') throw new AppError('STATUS_BY_RECORD', '维修中的记录仪请登记维修返回及结果', 'leave repair by edit');
  }
  const pick = <T>(v: T | undefined, old: T) => (v !== undefined ? v : old);
  db.prepare('UPDATE recorders SET brand = ?, model = ?, asset_no = ?, status = ?, notes = ? WHERE id = ?').run(
    pick(patch.brand, r.brand),
    pick(patch.model, r.model),
    pick(patch.assetNo, r.assetNo),
    pick(patch.status, r.status),
    pick(patch.notes, r.notes),
    id,
  );
  return findRecorder(db, id, now)!;
}

/** The officer a recorder was assigned to at an instant: whose footage it is (art. 10). */
export function officerAt(db: Db, recorderId: RecorderId, at: Date): Officer | null {
  const iso = at.toISOString();
  const r = db
    .prepare(
      `SELECT o.* FROM recorder_assignments a JOIN officers o ON o.id = a.officer_id
       WHERE a.recorder_id = ? AND a.from_at <= ? AND (a.to_at IS NULL OR a.to_at > ?)
       ORDER BY a.from_at DESC LIMIT 1`,
    )
    .get(recorderId, iso, iso) as OfficerRow | undefined;
  return r ? toOfficer(r) : null;
}

/**
 * Hands a recorder to an officer from an instant on, closing the previous assignment. Only to an active officer
 * registered with the office (art. 9: no lending to other units or persons) and only a recorder in service: one
 * under repair, lost or retired cannot be worn.
 */
export function assignRecorder(db: Db, recorderId: RecorderId, officerId: OfficerId, from: Date): void {
  const recorder = db.prepare('SELECT serial, status FROM recorders WHERE id = ?').get(recorderId) as { serial: string; status: RecorderStatus } | undefined;
  if (!recorder) throw new AppError('NOT_FOUND', '记录仪不存在');
  if (recorder.status === 'repair') throw new AppError('RECORDER_UNDER_REPAIR', `记录仪 ${recorder.serial} 正在维修，维修返回前不能领用`, 'recorder under repair');
  if (recorder.status !== 'in_service')
    throw new AppError('RECORDER_NOT_IN_SERVICE', `记录仪 ${recorder.serial} 已${RECORDER_STATUS_LABELS[recorder.status]}，不能领用`, `recorder ${recorder.status}`);
  const officer = findOfficer(db, officerId);
  if (!officer) throw new AppError('OFFICER_NOT_REGISTERED', '只能由本单位登记的执法人员领用，不得转借其他单位或个人（制度第九条）', 'officer not registered');
  if (!officer.active) throw new AppError('OFFICER_INACTIVE', `${officer.name} 已停用，不能领用记录仪`, 'officer inactive');
  const iso = from.toISOString();
  const later = db.prepare('SELECT COUNT(*) AS n FROM recorder_assignments WHERE recorder_id = ? AND from_at >= ?').get(recorderId, iso) as { n: number };
  if (later.n > 0) throw new AppError('ASSIGNMENT_ORDER', '该时间之后已有领用记录，不能倒签', 'assignment before a later one');
  db.prepare('UPDATE recorder_assignments SET to_at = ? WHERE recorder_id = ? AND to_at IS NULL').run(iso, recorderId);
  db.prepare('INSERT INTO recorder_assignments (recorder_id, officer_id, from_at) VALUES (?, ?, ?)').run(recorderId, officerId, iso);
}

/** Ends the current assignment (returned to the store, under repair, lost). */
export function unassignRecorder(db: Db, recorderId: RecorderId, at: Date): void {
  db.prepare('UPDATE recorder_assignments SET to_at = ? WHERE recorder_id = ? AND to_at IS NULL AND from_at < ?').run(at.toISOString(), recorderId, at.toISOString());
}

export function assignmentsOf(db: Db, recorderId: RecorderId): Assignment[] {
  return (
    db
      .prepare(
        `SELECT a.id, a.recorder_id, a.from_at, a.to_at, o.id AS o_id, o.name, o.badge_no, o.user_id, o.active
         FROM recorder_assignments a JOIN officers o ON o.id = a.officer_id WHERE a.recorder_id = ? ORDER BY a.from_at DESC`,
      )
      .all(recorderId) as (OfficerRow & { o_id: number; recorder_id: number; from_at: string; to_at: string | null })[]
  ).map((r) => ({
    id: r.id,
    recorderId: r.recorder_id as RecorderId,
    officer: toOfficer({ ...r, id: r.o_id }),
    fromAt: r.from_at,
    toAt: r.to_at,
  }));
}

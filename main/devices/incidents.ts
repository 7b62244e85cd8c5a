import { AppError, type CompensationDecision, type IncidentKind } from '../common';
import type { Db } from '../store';
import { officerAt, unassignRecorder, type Officer, type OfficerId, type RecorderId } from './register';

/** A scanned statement filed with an incident: its bytes sit read-only in forms/ under fileName. */
export interface IncidentStatement {
  id: number;
  fileName: string;
  sha256: string;
  size: number;
  type: 'pdf' | 'jpg' | 'png';
  uploadedName: string;
  addedAt: string;
  addedBy: string;
}

/** Loss or damage of a recorder (art. 10: who wears it is responsible). */
export interface Incident {
  id: number;
  recorderId: RecorderId;
  serial: string;
  kind: IncidentKind;
  occurredAt: string;
  /** Who wore it then, from the assignment in force at occurredAt; null when nobody had it. */
  officer: Pick<Officer, 'id' | 'name' | 'badgeNo'> | null;
  description: string;
  reportedAt: string;
  reportedBy: string;
  decision: CompensationDecision | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  statements: IncidentStatement[];
}

interface IncidentRow {
  id: number;
  recorder_id: number;
  serial: string;
  kind: IncidentKind;
  occurred_at: string;
  officer_id: number | null;
  officer_name: string | null;
  officer_badge: string | null;
  description: string;
  reported_at: string;
  reported_by: string;
  decision: CompensationDecision | null;
  decision_note: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

const SELECT = `SELECT i.id, i.recorder_id, r.serial, i.kind, i.occurred_at, i.officer_id, o.name AS officer_name, o.badge_no AS officer_badge,
    i.description, i.reported_at, p.display_name AS reported_by, i.decision, i.decision_note, i.decided_at, d.display_name AS decided_by
  FROM recorder_incidents i JOIN recorders r ON r.id = i.recorder_id LEFT JOIN officers o ON o.id = i.officer_id
  JOIN users p ON p.id = i.reported_by LEFT JOIN users d ON d.id = i.decided_by`;

function statementsOf(db: Db, incidentId: number): IncidentStatement[] {
  return (
    db
      .prepare(
        `SELECT f.id, f.file_name, f.sha256, f.size, f.type, f.uploaded_name, f.added_at, u.display_name AS added_by
         FROM recorder_incident_files f JOIN users u ON u.id = f.added_by WHERE f.incident_id = ? ORDER BY f.id`,
      )
      .all(incidentId) as { id: number; file_name: string; sha256: string; size: number; type: IncidentStatement['type']; uploaded_name: string; added_at: string; added_by: string }[]
  ).map((f) => ({ id: f.id, fileName: f.file_name, sha256: f.sha256, size: f.size, type: f.type, uploadedName: f.uploaded_name, addedAt: f.added_at, addedBy: f.added_by }));
}

function toIncident(db: Db, r: IncidentRow): Incident {
  return {
    id: r.id,
    recorderId: r.recorder_id as RecorderId,
    serial: r.serial,
    kind: r.kind,
    occurredAt: r.occurred_at,
    officer: r.officer_id !== null ? { id: r.officer_id as OfficerId, name: r.officer_name ?? '', badgeNo: r.officer_badge ?? '' } : null,
    description: r.description,
    reportedAt: r.reported_at,
    reportedBy: r.reported_by,
    decision: r.decision,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    statements: statementsOf(db, r.id),
  };
}

export function findIncident(db: Db, id: number): Incident | null {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IncidentRow | undefined;
  return r ? toIncident(db, r) : null;
}

/** One recorder's incidents, or all, newest first. */
export function incidentsOf(db: Db, recorderId?: RecorderId): Incident[] {
  return (
    db.prepare(`${SELECT} WHERE (? IS NULL OR i.recorder_id = ?) ORDER BY i.occurred_at DESC, i.id DESC`).all(recorderId ?? null, recorderId ?? null) as IncidentRow[]
  ).map((r) => toIncident(db, r));
}

/** Incidents that happened or were reported in [from, to), oldest first. */
export function incidentsBetween(db: Db, from: Date, to: Date): Incident[] {
  const f = from.toISOString();
  const t = to.toISOString();
  return (
    db
      .prepare(`${SELECT} WHERE (i.occurred_at >= ? AND i.occurred_at < ?) OR (i.reported_at >= ? AND i.reported_at < ?) ORDER BY i.occurred_at, i.id`)
      .all(f, t, f, t) as IncidentRow[]
  ).map((r) => toIncident(db, r));
}

/**
 * Records a loss or damage. The wearer is the officer of the assignment in force when it happened, never a name
 * typed in. A lost recorder leaves service (status 丢失, its assignment ends); its records all stay.
 */
export function reportIncident(
  db: Db,
  args: { recorderId: number; kind: IncidentKind; occurredAt: Date; description: string; by: number; now: Date },
): Incident {
  const r = db.prepare('SELECT serial, status FROM recorders WHERE id = ?').get(args.recorderId) as { serial: string; status: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', '记录仪不存在');
  if (r.status === 'lost') throw new AppError('RECORDER_LOST', `记录仪 ${r.serial} 已登记丢失`);
  if (r.status === 'retired') throw new AppError('RECORDER_RETIRED', `记录仪 ${r.serial} 已报废`);
  if (args.kind === 'lost' && r.status === 'repair') throw new AppError('RECORDER_UNDER_REPAIR', `记录仪 ${r.serial} 正在维修，请先登记维修返回`);
  if (args.occurredAt > args.now) throw new AppError('TIME_IN_FUTURE', '发生时间不能晚于现在');
  const rid = args.recorderId as RecorderId;
  const wearer = officerAt(db, rid, args.occurredAt);
  if (args.kind === 'lost') {
    // Out of the wearer's hands when it was lost; an assignment begun after that (entered late) ends now.
    unassignRecorder(db, rid, args.occurredAt);
    unassignRecorder(db, rid, args.now);
    db.prepare("UPDATE recorders SET status = 'lost' WHERE id = ?").run(args.recorderId);
  }
  const id = db
    .prepare('INSERT INTO recorder_incidents (recorder_id, kind, occurred_at, officer_id, description, reported_at, reported_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(args.recorderId, args.kind, args.occurredAt.toISOString(), wearer?.id ?? null, args.description, args.now.toISOString(), args.by).lastInsertRowid as number;
  return findIncident(db, id)!;
}

/** The chief's decision on compensation (art. 10); made once. */
export function decideCompensation(db: Db, args: { incidentId: number; decision: CompensationDecision; note: string | null; by: number; now: Date }): Incident {
  const i = findIncident(db, args.incidentId);
  if (!i) throw new AppError('NOT_FOUND', '丢失/损坏记录不存在');
  if (i.decision) throw new AppError('DECISION_MADE', '已对该记录作出赔偿决定，不能更改');
  db.prepare('UPDATE recorder_incidents SET decision = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(
    args.decision,
    args.note,
    args.now.toISOString(),
    args.by,
    i.id,
  );
  return findIncident(db, i.id)!;
}

/** Files a stored statement's row (the bytes are already written, read-only). */
export function addStatement(
  db: Db,
  args: { incidentId: number; fileName: string; sha256: string; size: number; type: IncidentStatement['type']; uploadedName: string; by: number; now: Date },
): void {
  db.prepare('INSERT INTO recorder_incident_files (incident_id, file_name, sha256, size, type, uploaded_name, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    args.incidentId,
    args.fileName,
    args.sha256,
    args.size,
    args.type,
    args.uploadedName,
    args.now.toISOString(),
    args.by,
  );
}

/** The statement stored under this file name, or null. */
export function findStatement(db: Db, fileName: string): (IncidentStatement & { incidentId: number }) | null {
  const r = db.prepare('SELECT incident_id FROM recorder_incident_files WHERE file_name = ?').get(fileName) as { incident_id: number } | undefined;
  if (!r) return null;
  const s = statementsOf(db, r.incident_id).find((x) => x.fileName === fileName);
  return s ? { ...s, incidentId: r.incident_id } : null;
}

/** The next free statement number of an incident, for its file name. */
export function nextStatementNo(db: Db, incidentId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM recorder_incident_files WHERE incident_id = ?').get(incidentId) as { n: number }).n + 1;
}

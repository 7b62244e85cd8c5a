// The chief's marks, corrections and signature of a day (tables of migration 0011).
import { AppError, type RuleArticle, type Verdict } from '../common';
import type { Db } from '../store';
import type { Correction, Mark } from './types';

export function dayMarks(db: Db, day: string): Mark[] {
  return (
    db
      .prepare(
        `SELECT m.finding_key, m.verdict, m.note, u.display_name, m.marked_at FROM supervision_marks m JOIN users u ON u.id = m.marked_by WHERE m.day = ? ORDER BY m.finding_key`,
      )
      .all(day) as { finding_key: string; verdict: Verdict; note: string; display_name: string; marked_at: string }[]
  ).map((m) => ({ findingKey: m.finding_key, verdict: m.verdict, note: m.note, markedBy: m.display_name, markedAt: m.marked_at }));
}

/** Sets (or changes) the chief's mark on one finding; returns the previous verdict, if any. */
export function setMark(db: Db, m: { day: string; findingKey: string; verdict: Verdict; note: string; userId: number; now: Date }): Verdict | null {
  const before = db.prepare('SELECT verdict FROM supervision_marks WHERE day = ? AND finding_key = ?').get(m.day, m.findingKey) as { verdict: Verdict } | undefined;
  db.prepare(
    `INSERT INTO supervision_marks (day, finding_key, verdict, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, finding_key) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
  ).run(m.day, m.findingKey, m.verdict, m.note, m.userId, m.now.toISOString());
  return before?.verdict ?? null;
}

interface CorrectionRaw {
  id: number;
  day: string;
  finding_key: string;
  article: RuleArticle;
  finding: string;
  assignee: string;
  action: string;
  due_day: string;
  opener: string;
  opened_at: string;
  closer: string | null;
  closed_at: string | null;
  outcome: string | null;
}

const CORRECTION_SELECT = `SELECT c.id, c.day, c.finding_key, c.article, c.finding, c.assignee, c.action, c.due_day, o.display_name AS opener, c.opened_at,
  x.display_name AS closer, c.closed_at, c.outcome
  FROM supervision_corrections c JOIN users o ON o.id = c.opened_by LEFT JOIN users x ON x.id = c.closed_by`;

const correction = (c: CorrectionRaw): Correction => ({
  id: c.id,
  day: c.day,
  findingKey: c.finding_key,
  article: c.article,
  finding: c.finding,
  assignee: c.assignee,
  action: c.action,
  dueDay: c.due_day,
  openedBy: c.opener,
  openedAt: c.opened_at,
  closedBy: c.closer,
  closedAt: c.closed_at,
  outcome: c.outcome,
});

export function dayCorrections(db: Db, day: string): Correction[] {
  return (db.prepare(`${CORRECTION_SELECT} WHERE c.day = ? ORDER BY c.id`).all(day) as CorrectionRaw[]).map(correction);
}

/** Every correction not yet closed, oldest due first: what stays on the 监督 page and 工作台 until done. */
export function openCorrections(db: Db): Correction[] {
  return (db.prepare(`${CORRECTION_SELECT} WHERE c.closed_at IS NULL ORDER BY c.due_day, c.id`).all() as CorrectionRaw[]).map(correction);
}

export function findCorrection(db: Db, id: number): Correction {
  const r = db.prepare(`${CORRECTION_SELECT} WHERE c.id = ?`).get(id) as CorrectionRaw | undefined;
  if (!r) throw new AppError('NOT_FOUND', '纠正事项不存在');
  return correction(r);
}

export function insertCorrection(
  db: Db,
  c: { day: string; findingKey: string; article: RuleArticle; finding: string; assignee: string; action: string; dueDay: string; userId: number; now: Date },
): number {
  return db
    .prepare(
      `INSERT INTO supervision_corrections (day, finding_key, article, finding, assignee, action, due_day, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.day, c.findingKey, c.article, c.finding, c.assignee, c.action, c.dueDay, c.userId, c.now.toISOString()).lastInsertRowid as number;
}

export function closeCorrection(db: Db, c: { id: number; outcome: string; userId: number; now: Date }): void {
  const changed = db
    .prepare('UPDATE supervision_corrections SET closed_by = ?, closed_at = ?, outcome = ? WHERE id = ? AND closed_at IS NULL')
    .run(c.userId, c.now.toISOString(), c.outcome, c.id).changes;
  if (!changed) throw new AppError('CORRECTION_CLOSED', '该纠正事项已关闭');
}

export interface SignatureRecord {
  id: number;
  day: string;
  content: string;
  contentSha256: string;
  signature: Buffer;
  certSerial: string;
  signer: string;
  signerLogin: string;
  signedAt: string;
}

export function daySignature(db: Db, day: string): SignatureRecord | null {
  const r = db
    .prepare(
      `SELECT s.id, s.day, s.content, s.content_sha256, s.signature, s.cert_serial, u.display_name, u.login, s.signed_at
       FROM supervision_signatures s JOIN users u ON u.id = s.user_id WHERE s.day = ?`,
    )
    .get(day) as
    | { id: number; day: string; content: string; content_sha256: string; signature: Buffer; cert_serial: string; display_name: string; login: string; signed_at: string }
    | undefined;
  return r
    ? { id: r.id, day: r.day, content: r.content, contentSha256: r.content_sha256, signature: r.signature, certSerial: r.cert_serial, signer: r.display_name, signerLogin: r.login, signedAt: r.signed_at }
    : null;
}

export function insertDaySignature(db: Db, s: { day: string; content: Buffer; contentSha256: string; signature: Buffer; certSerial: string; userId: number; now: Date }): number {
  return db
    .prepare('INSERT INTO supervision_signatures (day, content, content_sha256, signature, cert_serial, user_id, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(s.day, s.content.toString('utf8'), s.contentSha256, s.signature, s.certSerial, s.userId, s.now.toISOString()).lastInsertRowid as number;
}

/** Corrections ordered for days of a period (inclusive), open and closed alike. */
export function periodCorrections(db: Db, from: string, to: string): Correction[] {
  return (db.prepare(`${CORRECTION_SELECT} WHERE c.day BETWEEN ? AND ? ORDER BY c.day, c.id`).all(from, to) as CorrectionRaw[]).map(correction);
}

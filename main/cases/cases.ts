import { AppError } from '../common';
import type { Db } from '../store';
import type { CaseDetailDto, CaseItemDto, CasePageDto, CaseSummaryDto } from './types';
import type { CaseStatus, Classification } from '../common';
import { officerRef } from '../library';

interface CaseRow {
  id: number;
  number: string;
  title: string;
  description: string;
  classification: Classification;
  status: CaseStatus;
  created_at: string;
  closed_at: string | null;
  created_by: string;
  handler_id: number | null;
  handler_name: string | null;
  handler_badge: string | null;
  item_count: number;
  total_duration: number | null;
  total_size: number | null;
}

const CASE_SELECT = `
  SELECT c.id, c.number, c.title, c.description, c.classification, c.status, c.created_at, c.closed_at,
         u.display_name AS created_by, o.id AS handler_id, o.name AS handler_name, o.badge_no AS handler_badge,
         (SELECT COUNT(*) FROM case_items ci WHERE ci.case_id = c.id) AS item_count,
         (SELECT SUM(m.duration_sec) FROM case_items ci JOIN media m ON m.id = ci.media_id WHERE ci.case_id = c.id) AS total_duration,
         (SELECT SUM(m.size) FROM case_items ci JOIN media m ON m.id = ci.media_id WHERE ci.case_id = c.id) AS total_size
  FROM cases c JOIN users u ON u.id = c.created_by LEFT JOIN officers o ON o.id = c.handler_officer_id`;

function toSummary(r: CaseRow): CaseSummaryDto {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    handler: officerRef(r.handler_id, r.handler_name, r.handler_badge),
    classification: r.classification,
    status: r.status,
    createdAt: r.created_at,
    createdBy: r.created_by,
    closedAt: r.closed_at,
    itemCount: r.item_count,
    totalDurationSec: r.total_duration ?? 0,
    totalSize: r.total_size ?? 0,
  };
}

export function listCases(db: Db, q: { text?: string; status?: CaseStatus; limit: number; offset: number }): CasePageDto {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.status) {
    where.push('c.status = :status');
    params.status = q.status;
  }
  if (q.text) {
    where.push(`(c.number LIKE :text ESCAPE '\\' OR c.title LIKE :text ESCAPE '\\')`);
    params.text = `%${q.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM cases c ${w}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${CASE_SELECT} ${w} ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset`).all({ ...params, limit: q.limit, offset: q.offset }) as CaseRow[];
  return { total, cases: rows.map(toSummary) };
}

export function findCase(db: Db, id: number): CaseRow | null {
  return (db.prepare(`${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined) ?? null;
}

export function loadCase(db: Db, id: number): CaseDetailDto {
  const c = findCase(db, id);
  if (!c) throw new AppError('NOT_FOUND', '案件不存在');
  const items = db
    .prepare(
      `SELECT m.id AS mediaId, m.kind, m.original_name AS originalName, m.sha256, m.start_at AS startAt, m.end_at AS endAt,
              m.duration_sec AS durationSec, m.size, m.recording_id AS recordingId,
              o.id AS officerId, o.name AS officerName, o.badge_no AS officerBadge, r.serial AS recorderSerial,
              u.display_name AS addedBy, ci.added_at AS addedAt
       FROM case_items ci JOIN media m ON m.id = ci.media_id JOIN users u ON u.id = ci.added_by
       LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN recorders r ON r.id = m.recorder_id
       WHERE ci.case_id = ? ORDER BY m.start_at, m.id`,
    )
    .all(id) as (Omit<CaseItemDto, 'officer'> & { officerId: number | null; officerName: string | null; officerBadge: string | null })[];
  return {
    ...toSummary(c),
    description: c.description,
    items: items.map(({ officerId, officerName, officerBadge, ...rest }) => ({ ...rest, officer: officerRef(officerId, officerName, officerBadge) })),
  };
}

/** The plain columns of a case, for audit before/after. */
export function caseColumns(db: Db, id: number): Record<string, unknown> | null {
  return (
    (db.prepare('SELECT number, title, handler_officer_id AS handlerOfficerId, description, classification, status, closed_at AS closedAt FROM cases WHERE id = ?').get(id) as
      | Record<string, unknown>
      | undefined) ?? null
  );
}

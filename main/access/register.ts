import { dayStart, nextDay } from '../common';
import type { Db } from '../store';
import type { AccessType } from '../common';
import type { RegisterPageDto, ViewingRowDto } from './types';

/** The instants [from, to) covering local days `fromDay`..`toDay` inclusive in the office time zone. */
export function dayBounds(fromDay: string, toDay: string, timeZone: string): { from: string; to: string } {
  return { from: dayStart(fromDay, timeZone).toISOString(), to: dayStart(nextDay(toDay), timeZone).toISOString() };
}

export interface RegisterQuery {
  from: string;
  to: string;
  viewerId?: number;
  /** A media id ('123' or '#123') or part of its original name. */
  item?: string;
  limit: number;
  offset: number;
}

interface Row {
  id: number;
  viewer_id: number;
  viewer_login: string;
  viewer_name: string;
  media_id: number;
  media_name: string;
  recording_id: number | null;
  started_at: string;
  last_at: string;
  basis: string;
  request_type: AccessType | null;
  grant_id: number | null;
  reason: string | null;
  approver_id: number | null;
  approver_login: string | null;
  approver_name: string | null;
  self_approved: number | null;
}

const FROM = `FROM viewings v JOIN users u ON u.id = v.user_id JOIN media m ON m.id = v.media_id LEFT JOIN users a ON a.id = v.approver_id`;

function whereOf(q: Omit<RegisterQuery, 'limit' | 'offset'>): { w: string; params: Record<string, unknown> } {
  const where = ['v.started_at >= :from', 'v.started_at < :to'];
  const params: Record<string, unknown> = { from: q.from, to: q.to };
  if (q.viewerId !== undefined) {
    where.push('v.user_id = :viewerId');
    params.viewerId = q.viewerId;
  }
  const item = q.item?.trim();
  if (item) {
    const id = /^#?(\d{1,15})$/.exec(item);
    if (id) {
      where.push('(v.media_id = :itemId OR v.recording_id = :itemId)');
      params.itemId = Number(id[1]);
    } else {
      where.push(`m.original_name LIKE :itemText ESCAPE '\\'`);
      params.itemText = `%${item.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    }
  }
  return { w: `WHERE ${where.join(' AND ')}`, params };
}

function toDto(r: Row): ViewingRowDto {
  return {
    id: r.id,
    viewer: { id: r.viewer_id, login: r.viewer_login, displayName: r.viewer_name },
    mediaId: r.media_id,
    mediaName: r.media_name,
    recordingId: r.recording_id,
    startedAt: r.started_at,
    lastAt: r.last_at,
    basis: r.basis,
    requestType: r.request_type,
    requestId: r.grant_id,
    reason: r.reason,
    approver: r.approver_id === null ? null : { id: r.approver_id, login: r.approver_login!, displayName: r.approver_name! },
    selfApproved: r.self_approved === 1,
  };
}

const COLUMNS = `v.id, u.id AS viewer_id, u.login AS viewer_login, u.display_name AS viewer_name, m.id AS media_id, m.original_name AS media_name,
  v.recording_id, v.started_at, v.last_at, v.basis, v.request_type, v.grant_id, v.reason, v.approver_id, a.login AS approver_login, a.display_name AS approver_name,
  (SELECT g.decided_by = g.requested_by FROM access_requests g WHERE g.id = v.grant_id) AS self_approved`;

/** The viewing register (查阅登记, art. 14) for a period, oldest first, as the keeper writes it. */
export function listRegister(db: Db, q: RegisterQuery): RegisterPageDto {
  const { w, params } = whereOf(q);
  const total = (db.prepare(`SELECT COUNT(*) AS n ${FROM} ${w}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} ${w} ORDER BY v.started_at, v.id LIMIT :limit OFFSET :offset`).all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
  return { total, items: rows.map(toDto) };
}

/** Every row of a period, for the printed register. */
export function registerEntries(db: Db, q: Omit<RegisterQuery, 'limit' | 'offset'>): ViewingRowDto[] {
  const { w, params } = whereOf(q);
  return (db.prepare(`SELECT ${COLUMNS} ${FROM} ${w} ORDER BY v.started_at, v.id`).all(params) as Row[]).map(toDto);
}

/** The case a case-scoped request is about, by its number; undefined for other scopes. */
export function requestCaseNumber(db: Db, requestId: number): string | undefined {
  const r = db.prepare("SELECT c.number FROM access_requests a JOIN cases c ON c.id = a.scope_id WHERE a.id = ? AND a.scope_kind = 'case'").get(requestId) as
    | { number: string }
    | undefined;
  return r?.number;
}

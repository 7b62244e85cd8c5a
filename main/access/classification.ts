import { AppError, CLASSIFICATIONS, formatInstant } from '../common';
import { readOffice, type Db } from '../store';
import type { AccessScopeDto } from './types';
import type { AccessScopeKind, Classification } from '../common';

export { CLASSIFICATIONS, CLASSIFICATION_LABELS } from '../common';

export function highest(list: Iterable<Classification>): Classification {
  let top = 0;
  for (const c of list) top = Math.max(top, CLASSIFICATIONS.indexOf(c));
  return CLASSIFICATIONS[top]!;
}

export const isClassified = (c: Classification): boolean => c !== 'normal';

/** A media item is as secret as itself and every case that holds it. */
export function mediaClassification(db: Db, mediaId: number): Classification {
  return mediaClassifications(db, [mediaId]).get(mediaId) ?? 'normal';
}

/** mediaClassification for many media in one query (a library page): media id → classification. */
export function mediaClassifications(db: Db, mediaIds: readonly number[]): Map<number, Classification> {
  const rows = db
    .prepare(
      `WITH ids AS (SELECT value AS id FROM json_each(?))
       SELECT m.id, m.classification AS c FROM media m WHERE m.id IN ids
       UNION ALL SELECT ci.media_id, c.classification FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id IN ids`,
    )
    .all(JSON.stringify(mediaIds)) as { id: number; c: Classification }[];
  const out = new Map<number, Classification>();
  for (const r of rows) out.set(r.id, highest([out.get(r.id) ?? 'normal', r.c]));
  return out;
}

export interface Scope {
  kind: AccessScopeKind;
  id: number;
}

/** The media a scope names today. An approval records this set when it is decided and covers that set only (./items). */
export function scopeMediaIds(db: Db, scope: Scope): number[] {
  const sql = {
    media: 'SELECT id FROM media WHERE id = ?',
    recording: 'SELECT id FROM media WHERE recording_id = ? ORDER BY start_at, id',
    case: 'SELECT media_id AS id FROM case_items WHERE case_id = ? ORDER BY media_id',
  }[scope.kind];
  return (db.prepare(sql).all(scope.id) as { id: number }[]).map((r) => r.id);
}

/** Describes a scope over `ids` (by default the media it names today); throws NOT_FOUND when it names nothing. */
export function describeScope(db: Db, scope: Scope, ids: readonly number[] = scopeMediaIds(db, scope)): AccessScopeDto {
  const classes = ids.map((id) => mediaClassification(db, id));
  let label: string;
  if (scope.kind === 'media') {
    const m = db.prepare('SELECT original_name AS name FROM media WHERE id = ?').get(scope.id) as { name: string } | undefined;
    if (!m) throw new AppError('NOT_FOUND', `资料 #${scope.id} 不存在`);
    label = `${footageLabel(db, [scope.id])} ${m.name}`;
  } else if (scope.kind === 'recording') {
    const r = db.prepare('SELECT start_at AS startAt, segments FROM recordings WHERE id = ?').get(scope.id) as { startAt: string; segments: number } | undefined;
    if (!r || !ids.length) throw new AppError('NOT_FOUND', `录像 #${scope.id} 不存在`);
    label = `${footageLabel(db, ids)}（${ids.length} 段）`;
  } else {
    const c = db.prepare('SELECT number, title, classification AS c FROM cases WHERE id = ?').get(scope.id) as { number: string; title: string; c: Classification } | undefined;
    if (!c) throw new AppError('NOT_FOUND', `案件 #${scope.id} 不存在`);
    label = `案件 ${c.number} ${c.title}`;
    classes.push(c.c);
  }
  return { kind: scope.kind, id: scope.id, label, classification: highest(classes), mediaCount: ids.length };
}

/**
 * Footage as people name it (issue 11): when, whose, on which recorder, e.g.
 * '2026-11-26 09:00–09:06 张三（警号 310115）记录仪 R-01'. Times in the office's zone; no internal ids.
 */
export function footageLabel(db: Db, ids: readonly number[]): string {
  if (!ids.length) return '—';
  const r = db
    .prepare(
      `SELECT MIN(m.start_at) AS startAt, MAX(COALESCE(m.end_at, m.start_at)) AS endAt, MIN(o.name) AS officer, MIN(o.badge_no) AS badge, MIN(rc.serial) AS serial
       FROM media m LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN recorders rc ON rc.id = m.recorder_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(ids)) as { startAt: string; endAt: string; officer: string | null; badge: string | null; serial: string | null };
  const tz = readOffice(db)?.timeZone ?? 'Asia/Shanghai';
  const start = formatInstant(new Date(r.startAt), tz, 'YYYY-MM-DD HH:mm');
  const endDay = formatInstant(new Date(r.endAt), tz, 'YYYY-MM-DD');
  const end = formatInstant(new Date(r.endAt), tz, endDay === start.slice(0, 10) ? 'HH:mm' : 'YYYY-MM-DD HH:mm');
  const who = r.officer ? `${r.officer}（警号 ${r.badge}）` : '执法人员未登记';
  return `${start}–${end} ${who}${r.serial ? ` 记录仪 ${r.serial}` : ''}`;
}

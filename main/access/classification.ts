import { AppError, CLASSIFICATIONS } from '../common';
import type { Db } from '../store';
import type { AccessScopeDto } from './types';
import type { AccessScopeKindDto, ClassificationDto } from '../common';

export { CLASSIFICATIONS, CLASSIFICATION_LABELS } from '../common';

export function highest(list: Iterable<ClassificationDto>): ClassificationDto {
  let top = 0;
  for (const c of list) top = Math.max(top, CLASSIFICATIONS.indexOf(c));
  return CLASSIFICATIONS[top]!;
}

export const isClassified = (c: ClassificationDto): boolean => c !== 'normal';

/** A media item is as secret as itself and every case that holds it. */
export function mediaClassification(db: Db, mediaId: number): ClassificationDto {
  const rows = db
    .prepare(
      `SELECT classification AS c FROM media WHERE id = ?
       UNION SELECT c.classification FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = ?`,
    )
    .all(mediaId, mediaId) as { c: ClassificationDto }[];
  return highest(rows.map((r) => r.c));
}

export interface Scope {
  kind: AccessScopeKindDto;
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
    label = `资料 #${scope.id} ${m.name}`;
  } else if (scope.kind === 'recording') {
    const r = db.prepare('SELECT start_at AS startAt, segments FROM recordings WHERE id = ?').get(scope.id) as { startAt: string; segments: number } | undefined;
    if (!r || !ids.length) throw new AppError('NOT_FOUND', `录像 #${scope.id} 不存在`);
    label = `录像 #${scope.id}（${ids.length} 段）`;
  } else {
    const c = db.prepare('SELECT number, title, classification AS c FROM cases WHERE id = ?').get(scope.id) as { number: string; title: string; c: ClassificationDto } | undefined;
    if (!c) throw new AppError('NOT_FOUND', `案件 #${scope.id} 不存在`);
    label = `案件 ${c.number} ${c.title}`;
    classes.push(c.c);
  }
  return { kind: scope.kind, id: scope.id, label, classification: highest(classes), mediaCount: ids.length };
}

import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0018 combined library indexes', () => {
  it('applies once and the combined filters seek their own index', () => {
    const db = databaseBefore(18);
    expectAppliesOnce(db, 18);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM media m WHERE m.category = 'evidence' AND m.kind = 'video' ORDER BY m.size, m.id LIMIT 100")).toMatch(/media_category_kind_size/);
    expect(plan('SELECT id FROM media m WHERE m.recorder_id = 3 ORDER BY m.size DESC, m.id DESC LIMIT 100')).toMatch(/media_recorder_size/);
    expect(plan("SELECT id FROM media m WHERE m.classification = 'privacy' AND m.flags <> '[]' ORDER BY ifnull(m.duration_sec, -1), m.id LIMIT 100")).toMatch(/media_flagged_class/);
  });
});

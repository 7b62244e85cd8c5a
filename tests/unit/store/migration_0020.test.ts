import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0020 flagged files by duration', () => {
  it('applies once and flagged files by duration read their own index, in order', () => {
    const db = databaseBefore(20);
    expectAppliesOnce(db, 20);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const dir of ['', ' DESC']) {
      const p = plan(`SELECT id FROM media m WHERE m.flags <> '[]' AND (instr(m.flags, '"blurred"') > 0) ORDER BY ifnull(m.duration_sec, -1)${dir}, m.id${dir} LIMIT 100`);
      expect(p).toMatch(/media_flagged_duration/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });
});

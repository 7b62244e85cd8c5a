import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0019 library indexes by size and duration', () => {
  it('applies once and a single filter by size or duration seeks its own index', () => {
    const db = databaseBefore(19);
    expectAppliesOnce(db, 19);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const duration = 'ifnull(m.duration_sec, -1)';
    expect(plan('SELECT id FROM media m WHERE m.officer_id = 3 ORDER BY m.size DESC, m.id DESC LIMIT 100')).toMatch(/media_officer_size/);
    expect(plan(`SELECT id FROM media m WHERE m.officer_id = 3 ORDER BY ${duration}, m.id LIMIT 100`)).toMatch(/media_officer_duration/);
    expect(plan(`SELECT id FROM media m WHERE m.recorder_id = 3 ORDER BY ${duration} DESC, m.id DESC LIMIT 100`)).toMatch(/media_recorder_duration/);
    expect(plan("SELECT id FROM media m WHERE m.kind = 'audio' ORDER BY m.size DESC, m.id DESC LIMIT 100")).toMatch(/media_kind_size/);
    expect(plan(`SELECT id FROM media m WHERE m.kind = 'audio' ORDER BY ${duration}, m.id LIMIT 100`)).toMatch(/media_kind_duration/);
    expect(plan("SELECT id FROM media m WHERE m.classification = 'state_secret' ORDER BY m.size, m.id LIMIT 100")).toMatch(/media_classification_size/);
    expect(plan("SELECT id FROM media m WHERE m.flags <> '[]' ORDER BY m.size, m.id LIMIT 100")).toMatch(/media_flagged_size/);
    // The duration order is walked reading the start and the key mark from the index alone.
    expect(plan(`SELECT id FROM media m WHERE +m.start_at >= '2024' AND +m.key_mark = 1 ORDER BY ${duration} DESC, m.id DESC LIMIT 100`)).toMatch(/COVERING INDEX media_duration_walk/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'media_duration_key'").all()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0021 the latest start per block of media ids', () => {
  it('applies once, fills the blocks from the media there, and the triggers only ever raise a block’s start', () => {
    const db = databaseBefore(21);
    // Media rows need their session; none of the library's columns matter here beyond id and start.
    db.exec("PRAGMA foreign_keys = OFF");
    const add = db.prepare(`INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, container, has_audio, retention_until, created_at)
      VALUES (?, ?, 1, ?, 'a.mp4', 'a.mp4', 'video', 1, ?, 'file_name', '2026-01-01', 'mp4', 0, '2099-01-01', 't')`);
    const put = (id: number, start: string) => add.run(id, id.toString(16).padStart(64, '0'), `originals/${id}`, start);
    put(1, '2026-01-01T00:00:00.000Z');
    put(2, '2026-01-03T00:00:00.000Z');
    put(1500, '2026-01-02T00:00:00.000Z');
    expectAppliesOnce(db, 21);
    const blocks = () => db.prepare('SELECT block, max_start FROM media_start_bound ORDER BY block').raw().all();
    expect(blocks()).toEqual([[0, '2026-01-03T00:00:00.000Z'], [1, '2026-01-02T00:00:00.000Z']]);
    put(3000, '2026-01-05T00:00:00.000Z');
    put(1501, '2026-01-01T00:00:00.000Z');
    db.prepare('UPDATE media SET start_at = ? WHERE id = 1').run('2026-02-01T00:00:00.000Z');
    db.prepare('UPDATE media SET start_at = ? WHERE id = 2').run('2025-01-01T00:00:00.000Z');
    expect(blocks()).toEqual([[0, '2026-02-01T00:00:00.000Z'], [1, '2026-01-02T00:00:00.000Z'], [2, '2026-01-05T00:00:00.000Z']]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, STATISTICS_FROM_MEDIA, type Db } from '../../../main/store';
import { gatherStatisticsAside, statisticsStatements } from '../../../main/store/statistics';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A media table with a whole-table index and a partial one, as the archive's. */
function archiveWith(rows: number): { file: string; db: Db } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-stats-'));
  dirs.push(dir);
  const file = path.join(dir, 'evidence.db');
  const db = openDatabase(file);
  db.exec(`CREATE TABLE media (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key_mark INTEGER NOT NULL, size INTEGER NOT NULL);
    CREATE INDEX media_kind ON media (kind); CREATE INDEX media_size ON media (size); CREATE INDEX media_key_marked ON media (id) WHERE key_mark = 1;
    CREATE TABLE case_items (case_id INTEGER NOT NULL, media_id INTEGER NOT NULL, PRIMARY KEY (case_id, media_id)) WITHOUT ROWID;
    CREATE INDEX case_items_media ON case_items (media_id, case_id);
    CREATE TABLE media_notes (media_id INTEGER PRIMARY KEY, text TEXT NOT NULL)`);
  addMedia(db, rows);
  return { file, db };
}

function addMedia(db: Db, rows: number): void {
  const put = db.prepare('INSERT INTO media (kind, key_mark, size) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) put.run(['video', 'audio', 'photo'][i % 3], i % 30 === 0 ? 1 : 0, i);
  })();
}

const statOf = (db: Db, index: string): string | undefined =>
  db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
    ? (db.prepare('SELECT stat FROM sqlite_stat1 WHERE idx = ?').pluck().get(index) as string | undefined)
    : undefined;

/** Gathers them aside as the program's open does; false when not due. */
async function gathered(db: Db): Promise<boolean> {
  const run = gatherStatisticsAside(db);
  return run ? (await run.done).gathered : false;
}

describe('the planner statistics of the library tables', () => {
  it('gathers nothing for a small archive, whose statistics would soon mislead', async () => {
    const { db } = archiveWith(STATISTICS_FROM_MEDIA - 1);
    expect(await gathered(db)).toBe(false);
    expect(statOf(db, 'media_kind')).toBeUndefined();
    db.close();
  });

  it('gathers full statistics once the archive is large, then again only when its media have doubled', async () => {
    const n = STATISTICS_FROM_MEDIA + 2_000;
    const { db } = archiveWith(n);
    expect(await gathered(db)).toBe(true);
    // Full, not sampled: every row counted, the three kinds a third each.
    expect(statOf(db, 'media_kind')).toBe(`${n} ${n / 3}`);
    expect(statOf(db, 'media_key_marked')).toBe(`${n / 30} 1`);
    expect(await gathered(db)).toBe(false);
    addMedia(db, n - 3);
    expect(await gathered(db)).toBe(false);
    addMedia(db, 3);
    expect(await gathered(db)).toBe(true);
    expect(statOf(db, 'media_kind')).toBe(`${2 * n} ${(2 * n) / 3}`);
    db.close();
  });

  it('analyzes each named index apart, and a table whole that has none or keeps its rows in its primary key', () => {
    const { db } = archiveWith(10);
    expect(statisticsStatements(db)).toEqual(['ANALYZE "case_items"', 'ANALYZE "media_key_marked"', 'ANALYZE "media_kind"', 'ANALYZE "media_size"', 'ANALYZE "media_notes"']);
    db.close();
  });

  it('gathers them aside on a connection of its own, and this connection plans with the new ones without reopening', async () => {
    const n = STATISTICS_FROM_MEDIA + 2_000;
    const { db } = archiveWith(n);
    const plan = () => (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM media WHERE kind = ? AND size = ?').all('video', 7) as { detail: string }[]).map((r) => r.detail).join();
    expect(await gathered(db)).toBe(true);
    // Three kinds, every size once: the size finds a row.
    expect(plan()).toContain('media_size');
    // Three times as many again, every kind new and one size: now the kind finds fewer rows.
    const put = db.prepare('INSERT INTO media (kind, key_mark, size) VALUES (?, 0, 7)');
    db.transaction(() => {
      for (let i = 0; i < 3 * n; i++) put.run(`k${i}`);
    })();
    const run = gatherStatisticsAside(db)!;
    expect(run).not.toBeNull();
    // The main connection goes on writing meanwhile.
    put.run('one more');
    expect(await run.done).toMatchObject({ gathered: true });
    // The row written meanwhile is counted or not, as the worker's read began before or after it.
    expect([`${4 * n} 2`, `${4 * n + 1} 2`]).toContain(statOf(db, 'media_kind'));
    expect(plan()).toContain('media_kind');
    // Gathered: not due again until the media double.
    expect(gatherStatisticsAside(db)).toBeNull();
    db.close();
  });

  it('stops when the archive closes, leaving no statistics half made', async () => {
    const { db } = archiveWith(STATISTICS_FROM_MEDIA + 2_000);
    const run = gatherStatisticsAside(db)!;
    run.stop();
    const r = await run.done;
    expect(r.gathered).toBe(false);
    // Each index's ANALYZE is one transaction: committed whole or not at all.
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
      ? (db.prepare('SELECT idx, stat FROM sqlite_stat1').all() as { idx: string; stat: string }[])
      : [];
    for (const row of rows) expect(row.stat).toMatch(/^\d+( \d+)*$/);
    db.close();
  });

  it('leaves a read-only connection as it was, without failing', () => {
    const { file, db } = archiveWith(STATISTICS_FROM_MEDIA);
    db.close();
    const ro = openDatabase(file, { readonly: true });
    expect(gatherStatisticsAside(ro)).toBeNull();
    expect(statOf(ro, 'media_kind')).toBeUndefined();
    ro.close();
  });
});

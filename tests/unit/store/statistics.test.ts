import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, refreshStatistics, type Db } from '../../../main/store';
import { STATISTICS_FROM_MEDIA } from '../../../main/store/db';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A media table with a whole-table index and a partial one, as the archive's. */
function archiveWith(rows: number): { file: string; db: Db } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-stats-'));
  dirs.push(dir);
  const file = path.join(dir, 'evidence.db');
  const db = openDatabase(file);
  db.exec(`CREATE TABLE media (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key_mark INTEGER NOT NULL);
    CREATE INDEX media_kind ON media (kind); CREATE INDEX media_key_marked ON media (id) WHERE key_mark = 1`);
  addMedia(db, rows);
  return { file, db };
}

function addMedia(db: Db, rows: number): void {
  const put = db.prepare('INSERT INTO media (kind, key_mark) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) put.run(['video', 'audio', 'photo'][i % 3], i % 30 === 0 ? 1 : 0);
  })();
}

const statOf = (db: Db, index: string): string | undefined =>
  db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
    ? (db.prepare('SELECT stat FROM sqlite_stat1 WHERE idx = ?').pluck().get(index) as string | undefined)
    : undefined;

describe('refreshStatistics', () => {
  it('gathers nothing for a small archive, whose statistics would soon mislead', () => {
    const { db } = archiveWith(STATISTICS_FROM_MEDIA - 1);
    expect(refreshStatistics(db)).toBe(false);
    expect(statOf(db, 'media_kind')).toBeUndefined();
    db.close();
  });

  it('gathers full statistics once the archive is large, then again only when its media have doubled', () => {
    const n = STATISTICS_FROM_MEDIA + 2_000;
    const { db } = archiveWith(n);
    expect(refreshStatistics(db)).toBe(true);
    // Full, not sampled: every row counted, the three kinds a third each.
    expect(statOf(db, 'media_kind')).toBe(`${n} ${n / 3}`);
    expect(statOf(db, 'media_key_marked')).toBe(`${n / 30} 1`);
    expect(refreshStatistics(db)).toBe(false);
    addMedia(db, n - 3);
    expect(refreshStatistics(db)).toBe(false);
    addMedia(db, 3);
    expect(refreshStatistics(db)).toBe(true);
    expect(statOf(db, 'media_kind')).toBe(`${2 * n} ${(2 * n) / 3}`);
    db.close();
  });

  it('leaves a read-only connection as it was, without failing', () => {
    const { file, db } = archiveWith(STATISTICS_FROM_MEDIA);
    db.close();
    const ro = openDatabase(file, { readonly: true });
    expect(refreshStatistics(ro)).toBe(false);
    expect(statOf(ro, 'media_kind')).toBeUndefined();
    ro.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointAndClose, openDatabase, refreshStatistics } from '../../../main/store';
import { STATISTICS_FROM_MEDIA } from '../../../main/store/db';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function grownDatabase(rows = 2 * STATISTICS_FROM_MEDIA): { file: string; db: ReturnType<typeof openDatabase> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-stats-'));
  dirs.push(dir);
  const file = path.join(dir, 'evidence.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE media (id INTEGER PRIMARY KEY, kind TEXT NOT NULL); CREATE INDEX media_kind ON media (kind)');
  const put = db.prepare('INSERT INTO media (kind) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) put.run(['video', 'audio', 'photo'][i % 3]);
  })();
  return { file, db };
}

const statOf = (db: ReturnType<typeof openDatabase>): string | undefined =>
  db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
    ? (db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'media_kind'").pluck().get() as string | undefined)
    : undefined;

describe('refreshStatistics', () => {
  it('gathers statistics at close for a table the connection used, and they are there at the next open', () => {
    const { file, db } = grownDatabase();
    expect(statOf(db)).toBeUndefined();
    db.prepare("SELECT count(*) FROM media WHERE kind = 'audio'").get();
    checkpointAndClose(db);
    const again = openDatabase(file);
    // "rows in the index, rows per kind": three kinds share the rows.
    expect(statOf(again)).toMatch(/^\d+ \d+$/);
    again.close();
  });

  it('at open, checks every table, including ones this connection has not used', () => {
    const { db } = grownDatabase();
    db.exec('CREATE TABLE seed (x)');
    db.exec('ANALYZE seed');
    refreshStatistics(db, 'open');
    expect(statOf(db)).toMatch(/^\d+ \d+$/);
    db.close();
  });

  it('gathers nothing for a small archive, whose statistics would soon mislead', () => {
    const { file, db } = grownDatabase(STATISTICS_FROM_MEDIA - 1);
    db.prepare("SELECT count(*) FROM media WHERE kind = 'audio'").get();
    refreshStatistics(db, 'open');
    checkpointAndClose(db);
    const again = openDatabase(file);
    expect(statOf(again)).toBeUndefined();
    again.close();
  });

  it('leaves a read-only connection as it was, without failing', () => {
    const { file, db } = grownDatabase();
    db.close();
    const ro = openDatabase(file, { readonly: true });
    expect(() => refreshStatistics(ro, 'open')).not.toThrow();
    expect(statOf(ro)).toBeUndefined();
    ro.close();
  });
});

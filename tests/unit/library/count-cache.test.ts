import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeSuite } from '../../support/office-suite';
import { officeWithSyntheticLibrary } from './synthetic';

/** A filter's count is taken once and kept until the database changes (main/library/count-cache.ts). */
describe('library counts kept per query until the data changes', () => {
  const office = officeSuite(() => officeWithSyntheticLibrary(1500));
  const count = async (q: { category?: 'none'; keyMark?: boolean }) => (await office.t.call(office.admin, 'library.search', { ...q, limit: 1 })).total;
  const truth = (where: string) => office.t.services.archive.open().db.prepare(`SELECT COUNT(*) FROM media WHERE ${where}`).pluck().get() as number;

  it('a change through the API counts again', async () => {
    const before = await count({ category: 'none' });
    expect(before).toBe(truth('category IS NULL'));
    expect(await count({ category: 'none' })).toBe(before);
    const id = office.lib.media.find((m) => m.category === null)!.id;
    await office.t.call(office.admin, 'media.update', { id, category: 'evidence' });
    expect(await count({ category: 'none' })).toBe(before! - 1);
  });

  it('a change committed by another connection (the command line, a second process) counts again', async () => {
    const before = await count({ keyMark: true });
    expect(before).toBe(truth('key_mark = 1'));
    const other = new Database(path.join(office.t.root, 'evidence.db'));
    try {
      other.prepare('UPDATE media SET key_mark = 1 WHERE id = (SELECT MIN(id) FROM media WHERE key_mark = 0)').run();
    } finally {
      other.close();
    }
    expect(await count({ keyMark: true })).toBe(before! + 1);
  });
});

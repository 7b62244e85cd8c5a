import { afterAll, describe, expect, it } from 'vitest';
import { countLibrary, keepTextListsWhenSlowerThan, searchLibrary, setNote, whereClause, type LibraryQuery } from '../../../main/library';
import { generatedArchive } from './plain-query';

/** Free-text pages come from each text's matches kept in sort order (main/library/text-pages.ts); they must be the plain query's rows. */
describe('free-text pages from kept match lists on 4 000 generated media', () => {
  const { db, lib, full, plain, ids } = generatedArchive(4000, 50);
  // At 4 000 media every plain query is quick; 0 lists every text once it is counted.
  keepTextListsWhenSlowerThan(0);
  afterAll(() => keepTextListsWhenSlowerThan(20));

  it('text alone and with other filters, every sort both ways, offsets and cursors: the plain query’s rows in its order', () => {
    const archive = lib();
    const year = archive.lastStart.slice(0, 4);
    const officerId = archive.officers[2]!.id;
    const texts = ['在场', '拒绝配合', archive.officers.find((o) => [...o.name].length === 3)!.name, archive.recorders[3]!.serial.slice(4)];
    const filters: Partial<LibraryQuery>[] = [
      {},
      { officerId },
      { from: `${Number(year) - 1}-01-01T00:00:00+08:00`, to: `${year}-01-01T00:00:00+08:00` },
      { from: `${year}-03-01T00:00:00+08:00` },
      { kind: 'video', category: 'evidence' },
      { keyMark: false, recorderId: archive.recorders[1]!.id },
    ];
    let compared = 0;
    for (const text of texts) {
      for (const filter of filters) {
        for (const sort of ['startAt', 'size', 'durationSec'] as const) {
          for (const order of ['asc', 'desc'] as const) {
            const q = full({ text, ...filter, sort, order });
            const first = plain(q);
            const page0 = searchLibrary(db(), q);
            expect(page0.items.map((i) => i.id), JSON.stringify(q)).toEqual(first);
            // A text and filter searched for the first time come without their count (any sort counts alike).
            if (sort === 'startAt' && order === 'asc') expect(page0.total, JSON.stringify(q)).toBeNull();
            // Counting builds the list the later pages come from; the first page brings the count from then on.
            const { sql, params } = whereClause(db(), q);
            const total = db().prepare(`SELECT COUNT(*) FROM media m ${sql}`).pluck().get(params) as number;
            expect(countLibrary(db(), q), JSON.stringify(q)).toBe(total);
            expect(searchLibrary(db(), q).total, JSON.stringify(q)).toBe(total);
            expect(ids(q), `${JSON.stringify(q)} from the list`).toEqual(first);
            for (const offset of [7, 120]) expect(ids({ ...q, offset }), `${JSON.stringify(q)} offset ${offset}`).toEqual(plain({ ...q, offset }));
            const page = searchLibrary(db(), q);
            if (page.next) expect(ids({ ...q, after: page.next }), `${JSON.stringify(q)} after`).toEqual(plain({ ...q, offset: q.limit }));
            compared += first.length;
          }
        }
      }
    }
    // The texts do match: the comparisons are of real pages, not of empty ones.
    expect(compared).toBeGreaterThan(2000);
  });

  it('a short text tested row by row (with one officer’s or recorder’s files, or naming an officer with many): the plain query’s rows in its order', () => {
    keepTextListsWhenSlowerThan(Infinity);
    try {
      const archive = lib();
      const officerId = archive.officers[2]!.id;
      let compared = 0;
      for (const text of ['在场', '张三', '拒绝']) {
        for (const filter of [{ officerId }, { recorderId: archive.recorders[1]!.id, kind: 'video' as const }, {}]) {
          for (const sort of ['startAt', 'size', 'durationSec'] as const) {
            for (const order of ['asc', 'desc'] as const) {
              const q = full({ text, ...filter, sort, order });
              for (const offset of [0, 7, 120]) expect(ids({ ...q, offset }), `${JSON.stringify(q)} offset ${offset}`).toEqual(plain({ ...q, offset }));
              const page = searchLibrary(db(), q);
              if (page.next) expect(ids({ ...q, after: page.next }), `${JSON.stringify(q)} after`).toEqual(plain({ ...q, offset: q.limit }));
              compared += page.items.length;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    } finally {
      keepTextListsWhenSlowerThan(0);
    }
  });

  it('a note written after a list was kept is found on the next search', () => {
    const q = full({ text: '独一无二的备注' });
    expect(ids(q)).toEqual([]);
    expect(countLibrary(db(), q)).toBe(0);
    const id = 10;
    setNote(db(), id, '独一无二的备注', 1, new Date('2026-01-01T00:00:00.000Z'));
    expect(ids(q)).toEqual([id]);
    expect(plain(q)).toEqual([id]);
  });
});

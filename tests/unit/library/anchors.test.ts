import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/store';
import { searchLibrary, setKeyMark, whereClause, type LibraryQuery } from '../../../main/library';
import { makeOfficeApi, type TestApi } from '../../support/services';
import { generateLibrary } from '../../support/library-rows';

const SORT_KEY = { startAt: 'm.start_at', size: 'm.size', durationSec: 'ifnull(m.duration_sec, -1)' } as const;

/** Deep offsets (5 000 and more) start from anchors kept per query (main/library/anchors.ts); they must be the plain OFFSET's rows. */
describe('deep pages by offset through anchors on 12 000 generated media', () => {
  let t: TestApi;
  let db: Db;

  beforeAll(async () => {
    ({ t } = await makeOfficeApi());
    db = t.services.archive.open().db;
    generateLibrary(db, 12_000);
  }, 180_000);
  afterAll(() => t.cleanup());

  const full = (q: Partial<LibraryQuery>): LibraryQuery => ({ sort: 'startAt', order: 'desc', limit: 100, offset: 0, ...q });
  function plain(q: LibraryQuery): number[] {
    const { sql, params } = whereClause(db, q);
    const dir = q.order === 'asc' ? 'ASC' : 'DESC';
    return db.prepare(`SELECT m.id FROM media m ${sql} ORDER BY ${SORT_KEY[q.sort]} ${dir}, m.id ${dir} LIMIT :limit OFFSET :offset`).pluck().all({ ...params, limit: q.limit, offset: q.offset }) as number[];
  }
  const ids = (q: LibraryQuery) => searchLibrary(db, q).items.map((i) => i.id);

  it('every sort both ways, with and without a filter, at offsets around anchors, in any order of asking', () => {
    const queries: Partial<LibraryQuery>[] = [{}, { sort: 'size', order: 'asc' }, { sort: 'durationSec' }, { sort: 'durationSec', order: 'asc' }, { keyMark: false, sort: 'size' }, { kind: 'video' }];
    // Deeper first, then shallower (an anchor found from the start), then between (from an anchor before it), then past the end.
    const offsets = [9_000, 5_000, 4_999, 5_001, 6_999, 7_000, 7_350, 11_950, 8_999, 30_000];
    let compared = 0;
    for (const query of queries) {
      for (const offset of offsets) {
        const q = full({ ...query, offset });
        const expected = plain(q);
        expect(ids(q), `${JSON.stringify(query)} offset ${offset}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(30 * 100);
  });

  it('a change to the data drops the anchors: the rows after it are the plain query’s again', () => {
    const q = full({ keyMark: false, offset: 6_000 });
    const before = ids(q);
    expect(before).toEqual(plain(q));
    // Key-mark a row before the anchor: every later position moves up by one.
    const early = plain({ ...q, offset: 10, limit: 1 })[0]!;
    setKeyMark(db, early, true);
    const after = plain(q);
    expect(ids(q)).toEqual(after);
    // Everything from the anchor on moved up by one: kept anchors would have given the old rows.
    expect(after.slice(0, 99)).toEqual(before.slice(1));
  });
});

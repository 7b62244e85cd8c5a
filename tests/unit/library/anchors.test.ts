import { describe, expect, it } from 'vitest';
import { setKeyMark, type LibraryQuery } from '../../../main/library';
import { generatedArchive } from './plain-query';

/** Deep offsets (5 000 and more) start from anchors kept per query (main/library/anchors.ts); they must be the plain OFFSET's rows. */
describe('deep pages by offset through anchors on 12 000 generated media', () => {
  const { db, full, plain, ids } = generatedArchive(12_000, 100);

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
    setKeyMark(db(), early, true);
    const after = plain(q);
    expect(ids(q)).toEqual(after);
    // Everything from the anchor on moved up by one: kept anchors would have given the old rows.
    expect(after.slice(0, 99)).toEqual(before.slice(1));
  });
});

import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../../main/store';
import { makeOfficeApi, type TestApi } from '../../support/services';
import { generateLibrary, type GeneratedLibrary } from '../../support/library-rows';
import { searchLibrary, whereClause, type LibraryQuery } from '../../../main/library';

const SORT_KEY = { startAt: 'm.start_at', size: 'm.size', durationSec: 'ifnull(m.duration_sec, -1)' } as const;

/** A library query with the API's defaults filled in. */
export const fullQuery = (q: Partial<LibraryQuery>, limit = 100): LibraryQuery => ({ sort: 'startAt', order: 'desc', limit, offset: 0, ...q });

/**
 * The page's ids as one plain SELECT gives them (WHERE, ORDER BY key and id, LIMIT/OFFSET): what every faster path must match.
 * A free text as the set of its matches (`gather`), never the row-by-row test a page may use.
 */
export function plainIds(db: Db, q: LibraryQuery): number[] {
  const { sql, params } = whereClause(db, q, { gather: true });
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  return db.prepare(`SELECT m.id FROM media m ${sql} ORDER BY ${SORT_KEY[q.sort]} ${dir}, m.id ${dir} LIMIT :limit OFFSET :offset`).pluck().all({ ...params, limit: q.limit, offset: q.offset }) as number[];
}

/**
 * A set-up office with `count` generated media (tests/support/library-rows.ts) for the suite it is called in,
 * with the query helpers the suites compare by: `full` (defaults, pages of `limit`), `plain` (plainIds) and
 * `ids` (the page searchLibrary gives).
 */
export function generatedArchive(count: number, limit: number) {
  let t: TestApi | undefined;
  let db: Db | undefined;
  let lib: GeneratedLibrary | undefined;
  beforeAll(async () => {
    ({ t } = await makeOfficeApi());
    db = t.services.archive.open().db;
    lib = generateLibrary(db, count);
  }, 180_000);
  afterAll(() => t?.cleanup());
  return {
    db: () => db!,
    lib: () => lib!,
    full: (q: Partial<LibraryQuery>) => fullQuery(q, limit),
    plain: (q: LibraryQuery) => plainIds(db!, q),
    ids: (q: LibraryQuery) => searchLibrary(db!, q).items.map((i) => i.id),
  };
}

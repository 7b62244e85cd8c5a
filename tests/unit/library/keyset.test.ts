import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, MethodInput } from '../../../main/api';
import type { Db } from '../../../main/store';
import { makeOfficeApi, type TestApi } from '../../support/services';
import { generateLibrary, type GeneratedLibrary } from '../../support/library-rows';

type Query = MethodInput<'library.search'>;

interface Row {
  id: number;
  startAt: string;
  size: number;
  durationSec: number | null;
  officerId: number | null;
  category: string | null;
  recordingId: number | null;
}

/** Keyset pages (`after` = the page before's `next`) give the rows offset pages give, in the same order. */
describe('library.search pages by cursor on 2 500 generated media', () => {
  let t: TestApi;
  let admin: Client;
  let db: Db;
  let lib: GeneratedLibrary;
  let rows: Row[];

  beforeAll(async () => {
    ({ t, admin } = await makeOfficeApi());
    db = t.services.archive.open().db;
    lib = generateLibrary(db, 2500);
    rows = db
      .prepare('SELECT id, start_at AS startAt, size, duration_sec AS durationSec, officer_id AS officerId, category, recording_id AS recordingId FROM media')
      .all() as Row[];
  }, 120_000);
  afterAll(() => t.cleanup());

  /** The expected order, computed here: no duration sorts lowest; ties by id. */
  function sorted(keep: (r: Row) => boolean, sort: 'startAt' | 'size' | 'durationSec', order: 'asc' | 'desc'): number[] {
    const key = (r: Row) => (sort === 'durationSec' ? (r.durationSec ?? -1) : r[sort]);
    const out = rows.filter(keep).sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
      return order === 'asc' ? c : -c;
    });
    return out.map((r) => r.id);
  }

  async function byCursor(q: Query, limit: number): Promise<{ ids: number[]; total: number | null; later: (number | null)[] }> {
    const first = await t.call(admin, 'library.search', { ...q, limit });
    const ids = first.items.map((i) => i.id);
    const later: (number | null)[] = [];
    for (let next = first.next; next; ) {
      const page = await t.call(admin, 'library.search', { ...q, limit, after: next });
      ids.push(...page.items.map((i) => i.id));
      later.push(page.total);
      next = page.next;
    }
    return { ids, total: first.total, later };
  }

  async function byOffset(q: Query, limit: number): Promise<number[]> {
    const ids: number[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await t.call(admin, 'library.search', { ...q, limit, offset });
      ids.push(...page.items.map((i) => i.id));
      if (page.items.length < limit) return ids;
    }
  }

  it('every sort both ways, with and without a filter: cursor pages = offset pages = the expected order', async () => {
    const officerId = lib.officers[4]!.id;
    for (const sort of ['startAt', 'size', 'durationSec'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const [q, keep] of [
          [{}, () => true],
          [{ officerId, category: 'none' }, (r: Row) => r.officerId === officerId && r.category === null],
        ] as [Query, (r: Row) => boolean][]) {
          const want = sorted(keep, sort, order);
          const name = `${sort} ${order} ${JSON.stringify(q)}`;
          const limit = want.length > 300 ? 241 : 7;
          const got = await byCursor({ ...q, sort, order }, limit);
          expect(got.ids, name).toEqual(want);
          expect(got.total, name).toBe(want.length);
          expect(got.later.every((n) => n === null), name).toBe(true);
          expect(await byOffset({ ...q, sort, order }, limit), name).toEqual(want);
        }
      }
    }
  });

  it('durations tie by the hundred (segments cut at 10 minutes) and photos have none: the tie is walked by id', () => {
    const ties = rows.filter((r) => r.durationSec === 600).length;
    expect(ties).toBeGreaterThan(500);
    expect(rows.some((r) => r.durationSec === null)).toBe(true);
  });

  it('the last page has no next; a cursor past the end gives an empty page', async () => {
    const want = sorted(() => true, 'startAt', 'desc');
    const last = want.at(-1)!;
    const row = rows.find((r) => r.id === last)!;
    const page = await t.call(admin, 'library.search', { after: { key: row.startAt, id: row.id } });
    expect(page).toMatchObject({ items: [], next: null, total: null });
    expect(await t.raw(admin, 'library.recordings', { after: { key: row.startAt, id: row.id } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.raw(admin, 'library.search', { after: { key: row.startAt } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('按录制分组 across pages: each recording once, with every segment, whatever page its segments fall on', async () => {
    const seen = new Map<string, number[]>();
    let total: number | undefined;
    for (let offset = 0; ; offset += 200) {
      const page = await t.call(admin, 'library.recordings', { limit: 200, offset });
      total = page.total;
      for (const g of page.groups) {
        expect(seen.has(g.key), g.key).toBe(false);
        seen.set(g.key, g.segmentIds);
      }
      if (page.groups.length < 200) break;
    }
    const want = new Map<string, number[]>();
    for (const r of [...rows].sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id - b.id))) {
      const key = r.recordingId !== null ? `r${r.recordingId}` : `m${r.id}`;
      want.set(key, [...(want.get(key) ?? []), r.id]);
    }
    expect(total).toBe(want.size);
    expect(new Map([...seen].sort())).toEqual(new Map([...want].sort()));
    expect([...want.values()].some((ids) => ids.length > 2)).toBe(true);
  });
});

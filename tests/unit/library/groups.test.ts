import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../main/api';
import { officeSuite } from '../../support/office-suite';
import { officeWithSyntheticLibrary, type SynthMedia } from './synthetic';

type Query = MethodInput<'library.recordings'>;

interface Expected {
  key: string;
  segmentIds: number[];
  startAt: string;
  size: number;
  durationSec: number;
}

/** 按录制分组 paged on the server: groups against an expectation computed in JS from the generated rows. */
describe('library.recordings (按录制分组) on 3 000 media', () => {
  const office = officeSuite(() => officeWithSyntheticLibrary(3000));

  /** Groups holding any media that `keep` accepts, each with all its segments, sorted as the server sorts them. */
  function expectedGroups(keep: (m: SynthMedia) => boolean, sort: 'startAt' | 'size' | 'durationSec', order: 'asc' | 'desc'): Expected[] {
    const keyOf = (m: SynthMedia) => (m.recordingId !== null ? `r${m.recordingId}` : `m${m.id}`);
    const hit = new Set(office.lib.media.filter(keep).map(keyOf));
    const byKey = new Map<string, SynthMedia[]>();
    for (const m of office.lib.media) if (hit.has(keyOf(m))) byKey.set(keyOf(m), [...(byKey.get(keyOf(m)) ?? []), m]);
    const groups = [...byKey.entries()].map(([key, ms]) => {
      const segs = [...ms].sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id - b.id));
      return {
        key,
        segmentIds: segs.map((m) => m.id),
        startAt: segs[0]!.startAt,
        size: segs.reduce((s, m) => s + m.size, 0),
        durationSec: segs.reduce((s, m) => s + (m.durationSec ?? 0), 0),
      };
    });
    const tie = (g: Expected) => Number(g.key.slice(1)) * (g.key.startsWith('r') ? 1 : 0);
    const lone = (g: Expected) => Number(g.key.slice(1)) * (g.key.startsWith('m') ? 1 : 0);
    groups.sort((a, b) => {
      const c =
        a[sort] !== b[sort] ? (a[sort] < b[sort] ? -1 : 1) : a.startAt !== b.startAt ? (a.startAt < b.startAt ? -1 : 1) : tie(a) - tie(b) || lone(a) - lone(b);
      return order === 'asc' ? c : -c;
    });
    return groups;
  }

  async function allPages(query: Query, limit = 500) {
    const got: Expected[] = [];
    let total: number | undefined;
    for (let offset = 0; ; offset += limit) {
      const page = await office.t.call(office.admin, 'library.recordings', { ...query, limit, offset });
      total = page.total;
      got.push(
        ...page.groups.map((g) => ({ key: g.key, segmentIds: g.segmentIds, startAt: g.startAt, size: g.size, durationSec: Math.round(g.durationSec * 10) / 10 })),
      );
      if (!page.groups.length) break;
    }
    return { total, got };
  }

  const round = (gs: Expected[]) => gs.map((g) => ({ ...g, durationSec: Math.round(g.durationSec * 10) / 10 }));

  it('a recording split over two flat pages is one group with all its segments; total counts groups', async () => {
    // The flat list, 100 a page: find a recording whose segments fall on different pages.
    const pageOf = new Map<number, number>();
    for (let p = 0; p * 100 < office.lib.media.length; p++) {
      const flat = await office.t.call(office.admin, 'library.search', { limit: 100, offset: p * 100 });
      for (const i of flat.items) pageOf.set(i.id, p);
    }
    const split = [...new Set(office.lib.media.map((m) => m.recordingId).filter((r): r is number => r !== null))].find((rid) => {
      const pages = new Set(office.lib.media.filter((m) => m.recordingId === rid).map((m) => pageOf.get(m.id)));
      return pages.size > 1;
    });
    expect(split).toBeDefined();

    const { total, got } = await allPages({});
    const expected = round(expectedGroups(() => true, 'startAt', 'desc'));
    expect(total).toBe(expected.length);
    expect(total).toBeLessThan(office.lib.media.length);
    expect(got).toEqual(expected);
    const group = got.filter((g) => g.key === `r${split}`);
    expect(group).toHaveLength(1);
    expect([...group[0]!.segmentIds].sort((a, b) => a - b)).toEqual(
      office.lib.media.filter((m) => m.recordingId === split).map((m) => m.id).sort((a, b) => a - b),
    );
  });

  it('without a filter, oldest first too: every recording and lone file once, in the order of their first start', async () => {
    const { total, got } = await allPages({ order: 'asc' });
    const expected = round(expectedGroups(() => true, 'startAt', 'asc'));
    expect(total).toBe(expected.length);
    expect(got).toEqual(expected);
  });

  it('filters like the flat list (a group is in when any segment matches) and sorts by the group’s totals', async () => {
    const officerId = office.lib.officers[3]!;
    const a = await allPages({ officerId, sort: 'durationSec', order: 'asc' });
    const ea = round(expectedGroups((m) => m.officerId === officerId, 'durationSec', 'asc'));
    expect(a.total).toBe(ea.length);
    expect(a.got).toEqual(ea);

    const b = await allPages({ flags: ['no_audio', 'truncated'], sort: 'size', order: 'desc' });
    const eb = round(expectedGroups((m) => m.flags.includes('no_audio') || m.flags.includes('truncated'), 'size', 'desc'));
    expect(b.total).toBe(eb.length);
    expect(b.got).toEqual(eb);
  });

  it('filtered, by first start (a walk that stops once the page is settled): the same groups and order as every match aggregated', async () => {
    const officerId = office.lib.officers[5]!;
    const cases: [Query, (m: SynthMedia) => boolean][] = [
      [{ officerId }, (m) => m.officerId === officerId],
      [{ kind: 'video' }, (m) => m.kind === 'video'],
      [{ flags: ['no_audio', 'truncated'] }, (m) => m.flags.includes('no_audio') || m.flags.includes('truncated')],
      [{ from: '2025-03-01T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00' }, (m) => m.startAt >= '2025-02-28T16:00:00.000Z' && m.startAt < '2025-05-31T16:00:00.000Z'],
    ];
    for (const [query, keep] of cases) {
      for (const order of ['desc', 'asc'] as const) {
        const expected = round(expectedGroups(keep, 'startAt', order));
        expect(expected.length, JSON.stringify(query)).toBeGreaterThan(20);
        // Small pages: the walk stops early on each, and groups that span a page edge must not move or repeat.
        const { total, got } = await allPages({ ...query, order }, 37);
        expect(total, JSON.stringify(query)).toBe(expected.length);
        expect(got, `${JSON.stringify(query)} ${order}`).toEqual(expected);
      }
    }
  });

  it('a group shows its first segment (with canView), the union of its flags and a page at a time', async () => {
    const page = await office.t.call(office.admin, 'library.recordings', { limit: 20, offset: 20 });
    expect(page.groups).toHaveLength(20);
    expect(page.groups.map((g) => g.key)).toEqual(round(expectedGroups(() => true, 'startAt', 'desc')).slice(20, 40).map((g) => g.key));
    for (const g of page.groups) {
      expect(g.first.id).toBe(g.segmentIds[0]);
      expect(typeof g.first.canView).toBe('boolean');
      const flags = new Set(office.lib.media.filter((m) => g.segmentIds.includes(m.id)).flatMap((m) => m.flags));
      expect([...g.flags].sort()).toEqual([...flags].sort());
    }
  });
});

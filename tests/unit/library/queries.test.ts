import { describe, expect, it } from 'vitest';
import type { LibraryItemDto, MethodInput } from '../../../main/api';
import { officeSuite } from '../../support/office-suite';
import { officeWithSyntheticLibrary, type SynthMedia } from './synthetic';

type Query = MethodInput<'library.search'>;

/** Library queries at 20 000 media: every filter against an expectation computed in JS from the generated rows (scale is the bench's). */
describe('library.search on 20 000 media', () => {
  const office = officeSuite(() => officeWithSyntheticLibrary(20_000));

  const cmp = (by: 'startAt' | 'size' | 'durationSec', dir: 'asc' | 'desc') => (a: SynthMedia, b: SynthMedia) => {
    const va = a[by] ?? -Infinity;
    const vb = b[by] ?? -Infinity;
    const c = va < vb ? -1 : va > vb ? 1 : a.id - b.id;
    return dir === 'asc' ? c : -c;
  };

  async function check(name: string, query: Query, keep: (m: SynthMedia) => boolean) {
    const sort = query.sort ?? 'startAt';
    const order = query.order ?? 'desc';
    const expected = office.lib.media.filter(keep).sort(cmp(sort, order));
    const page = await office.t.call(office.admin, 'library.search', { ...query, limit: 500 });
    // A free text's first page comes without its count; library.count gives it.
    const total = query.text === undefined ? page.total : (await office.t.call(office.admin, 'library.count', { ...query })).total;
    expect(total, name).toBe(expected.length);
    expect(page.items.map((i: LibraryItemDto) => i.id), name).toEqual(expected.slice(0, 500).map((m) => m.id));
    return { expected, page };
  }

  it('generated a realistic mix', () => {
    expect(office.lib.media).toHaveLength(20_000);
    expect(office.lib.media.filter((m) => m.flags.length).length).toBeGreaterThan(200);
  });

  it('no filter: everything, newest first', async () => {
    await check('all', {}, () => true);
  });

  it('date range on start time (from inclusive, to exclusive, any offset)', async () => {
    const from = '2025-03-01T00:00:00+08:00';
    const to = '2025-03-15T00:00:00+08:00';
    const [f, tt] = [new Date(from).toISOString(), new Date(to).toISOString()];
    await check('range', { from, to }, (m) => m.startAt >= f && m.startAt < tt);
  });

  it('officer, recorder', async () => {
    const officerId = office.lib.officers[7]!;
    await check('officer', { officerId }, (m) => m.officerId === officerId);
    const recorderId = office.lib.recorders[11]!;
    await check('recorder', { recorderId }, (m) => m.recorderId === recorderId);
  });

  it('category, none category, key mark, classification', async () => {
    await check('category', { category: 'coercive' }, (m) => m.category === 'coercive');
    await check('no category', { category: 'none' }, (m) => m.category === null);
    await check('key mark', { keyMark: true }, (m) => m.keyMark);
    await check('classification', { classification: 'state_secret' }, (m) => m.classification === 'state_secret');
  });

  it('flags: has any of', async () => {
    await check('one flag', { flags: ['no_audio'] }, (m) => m.flags.includes('no_audio'));
    await check('two flags', { flags: ['truncated', 'clock_suspect'] }, (m) => m.flags.includes('truncated') || m.flags.includes('clock_suspect'));
  });

  it('case and recording', async () => {
    const [caseId, items] = [...office.lib.cases.entries()][3]!;
    await check('case', { caseId }, (m) => items.has(m.id));
    const recordingId = office.lib.media.find((m) => m.recordingId !== null && m.id > 5000)!.recordingId!;
    await check('recording', { recordingId }, (m) => m.recordingId === recordingId);
  });

  it('free text over names and notes, case-insensitive for Latin letters, % and _ taken literally', async () => {
    await check('chinese name', { text: '询问笔录' }, (m) => m.originalName.includes('询问笔录'));
    await check('note', { text: '拒绝配合' }, (m) => m.note?.includes('拒绝配合') ?? false);
    await check('latin, either case', { text: 'routine PATROL' }, (m) => m.note?.toLowerCase().includes('routine patrol') ?? false);
    await check('serial in name', { text: 'syn000012_' }, (m) => m.originalName.toLowerCase().includes('syn000012_'));
    await check('like wildcards are literal', { text: '%_%' }, () => false);
  });

  it('combined filters', async () => {
    const officerId = office.lib.officers[3]!;
    const from = '2025-01-01T00:00:00Z';
    await check('officer + category + from', { officerId, category: 'inspection', from }, (m) => m.officerId === officerId && m.category === 'inspection' && m.startAt >= new Date(from).toISOString());
    await check('kind + classification', { kind: 'audio', classification: 'privacy' }, (m) => m.kind === 'audio' && m.classification === 'privacy');
  });

  it('combinations with their own index (0018) keep the rows and order of the plain query', async () => {
    const recorderId = office.lib.recorders[4]!;
    const [from, to] = ['2024-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'];
    for (const order of ['asc', 'desc'] as const) {
      await check(`recorder + kind + range by size ${order}`, { recorderId, kind: 'video', from, to, sort: 'size', order }, (m) => m.recorderId === recorderId && m.kind === 'video' && m.startAt >= from && m.startAt < to);
      await check(`classification + flags by duration ${order}`, { classification: 'privacy', flags: ['no_audio', 'truncated'], sort: 'durationSec', order }, (m) => m.classification === 'privacy' && (m.flags.includes('no_audio') || m.flags.includes('truncated')));
      await check(`category + kind by size ${order}`, { category: 'evidence', kind: 'video', sort: 'size', order }, (m) => m.category === 'evidence' && m.kind === 'video');
      await check(`no category + kind by size ${order}`, { category: 'none', kind: 'audio', sort: 'size', order }, (m) => m.category === null && m.kind === 'audio');
    }
  });

  it('sorts by start, size and duration, both ways', async () => {
    for (const sort of ['startAt', 'size', 'durationSec'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        await check(`${sort} ${order}`, { sort, order, classification: 'privacy' }, (m) => m.classification === 'privacy');
      }
    }
  });

  it('pages with limit and offset', async () => {
    const expected = office.lib.media.filter((m) => m.category === 'evidence').sort(cmp('size', 'desc'));
    const page = await office.t.call(office.admin, 'library.search', { category: 'evidence', sort: 'size', limit: 50, offset: 1000 });
    expect(page.items.map((i) => i.id)).toEqual(expected.slice(1000, 1050).map((m) => m.id));
  });

  it('returns the row fields the table shows', async () => {
    const page = await office.t.call(office.admin, 'library.search', { limit: 1, recorderId: office.lib.recorders[0]! });
    const item = page.items[0]!;
    const m = office.lib.media.find((x) => x.id === item.id)!;
    expect(item).toMatchObject({ kind: m.kind, originalName: m.originalName, startAt: m.startAt, size: m.size, durationSec: m.durationSec, recorderSerial: 'SYN000000', flags: m.flags, category: m.category, keyMark: m.keyMark, classification: m.classification, recordingId: m.recordingId });
    if (m.officerId !== null) expect(item.officer).toMatchObject({ id: m.officerId, name: expect.any(String), badgeNo: expect.stringMatching(/^S\d{5}$/) });
  });

  it('refuses a limit over 500 and unknown filters', async () => {
    expect(await office.t.raw(office.admin, 'library.search', { limit: 501 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await office.t.raw(office.admin, 'library.search', { sql: '1=1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await office.t.raw(office.admin, 'library.search', { flags: ['deleted'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

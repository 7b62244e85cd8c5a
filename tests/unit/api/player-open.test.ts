// media.open (issue 14 item 2): everything the player needs before its first request for bytes, in one call, with
// leave checked for every segment as media.preparePreview does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grant } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

describe('media.open', () => {
  let a: MediaArchive;
  const count = (sql: string) => (a.t.services.archive.open().db.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    a = await makeMediaArchive();
    const all = a.ingest.items.filter((i) => i.mediaId).map((i) => i.mediaId!);
    const c = await a.t.call(a.custodian, 'cases.create', { number: 'PO-1', title: '打开播放器' });
    await a.t.call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: all });
    await grant(a.t, a.custodian, a.chief, 'work', { kind: 'case', id: c.id });
  }, 180_000);
  afterAll(() => a.t.cleanup());

  it('answers the item, its recording, every segment’s details and preview status in recording order', async () => {
    const second = a.mediaIdOf('segment', 1);
    const got = await a.t.call(a.custodian, 'media.open', { id: second });
    expect(got.refused).toBeNull();
    expect(got.detail).toEqual(await a.t.call(a.custodian, 'media.get', { id: second }));
    const recording = await a.t.call(a.custodian, 'library.recording', { id: got.detail.recordingId! });
    expect(got.recording).toEqual(recording);
    const order = recording.segments.map((s) => s.mediaId);
    expect(order.length).toBeGreaterThan(1);
    expect(order).toContain(second);
    expect(got.segments.map((d) => d.id)).toEqual(order);
    expect(got.segments[order.indexOf(second)]).toEqual(got.detail);
    expect(got.previews.map((p) => p.mediaId)).toEqual(order);
    expect(got.previews.every((p) => p.available && p.ready && !p.needsProxy)).toBe(true);
  });

  it('is no viewing: it writes no register row and no audit row', async () => {
    const id = a.mediaIdOf('segment', 0);
    const viewings = count('SELECT COUNT(*) AS n FROM viewings');
    const audits = count('SELECT COUNT(*) AS n FROM audit_log');
    await a.t.call(a.custodian, 'media.open', { id });
    expect(count('SELECT COUNT(*) AS n FROM viewings')).toBe(viewings);
    expect(count('SELECT COUNT(*) AS n FROM audit_log')).toBe(audits);
  });

  it('answers a one-file recording as its one segment, and says an HEVC original needs a proxy', async () => {
    const hevc = a.mediaIdOf('hevc');
    const got = await a.t.call(a.custodian, 'media.open', { id: hevc });
    expect(got.recording?.segments.map((s) => s.mediaId)).toEqual([hevc]);
    expect(got.segments.map((d) => d.id)).toEqual([hevc]);
    expect(got.previews).toEqual([expect.objectContaining({ mediaId: hevc, needsProxy: true, available: true })]);
  });

  it('without leave: the refusal and the item (to ask leave for it), no segments and no preview work', async () => {
    const id = a.mediaIdOf('segment', 0);
    const got = await a.t.call(a.officer, 'media.open', { id });
    expect(got.refused?.message).toMatch(/查阅申请/);
    expect(got.refused?.code).toBeTruthy();
    expect(got.detail.id).toBe(id);
    expect(got.segments).toEqual([]);
    expect(got.previews).toEqual([]);
  });

  it('refuses unknown media and forged input', async () => {
    await expect(a.t.call(a.custodian, 'media.open', { id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(a.t.call(a.custodian, 'media.open', { id: 1, extra: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(a.t.call(a.custodian, 'media.open', { id: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

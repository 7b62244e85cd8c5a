// Issue 15 items 2 and 3: no copy without an approved 公开使用 request covering the item, only by the chief or whom the
// approval names, and none at all of classified footage whatever the request says. Each refusal is checked before
// anything is rendered: no job starts and nothing is written under derived/public/.
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyOperations } from '../../../main/common';
import { userWith } from '../api/access-fixture';
import { approved, boxAt, officeWithPatternClip, type CopyOffice } from './fixture';

const OPS: CopyOperations = { range: { from: 0, to: 2 }, regions: [{ kind: 'plate', style: 'pixelate', from: 0, to: 2, keyFrames: [{ t: 0, ...boxAt(0) }] }], mute: [] };

let o: CopyOffice;
beforeAll(async () => {
  o = await officeWithPatternClip();
}, 60_000);
afterAll(() => o?.t.cleanup());

const render = (c: CopyOffice['chief'], requestId: number, operations = OPS) => o.t.call(c, 'publicCopies.render', { requestId, mediaId: o.mediaId, operations });
const nothingWritten = () => {
  const dir = o.t.services.archive.open().paths.publicCopies;
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  expect([...o.t.services.jobs.keys()].filter((k) => k.startsWith('public-copy:'))).toEqual([]);
};

describe('who may have a public-use copy made, and of what', () => {
  it('refuses without a request, under a pending one and under a 工作查阅 approval', async () => {
    await expect(render(o.chief, 999)).rejects.toMatchObject({ code: 'PUBLIC_COPY_NOT_APPROVED' });
    const pending = await o.t.call(o.officer.client, 'access.request', { type: 'public', scope: { kind: 'media', id: o.mediaId }, reason: '待批' });
    await expect(render(o.chief, pending.id)).rejects.toMatchObject({ code: 'PUBLIC_COPY_NOT_APPROVED' });
    const work = await approved(o, 'work');
    await expect(render(o.chief, work)).rejects.toMatchObject({ code: 'PUBLIC_COPY_NOT_APPROVED' });
    expect((await o.t.call(o.chief, 'publicCopies.sources')).map((s) => s.requestId)).toEqual([]);
    nothingWritten();
  });

  it('lets the chief and whom the approval names use it; refuses others and the admin', async () => {
    const other = await userWith(o.t, o.admin, 'zhao', ['officer'], '赵警官');
    const named = await approved(o, 'public', [o.officer.id]);
    await expect(render(other.client, named)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(o.t.call(o.admin, 'publicCopies.render', { requestId: named, mediaId: o.mediaId, operations: OPS })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await o.t.call(other.client, 'publicCopies.sources')).toEqual([]);
    const [source] = await o.t.call(o.officer.client, 'publicCopies.sources');
    expect(source).toMatchObject({ requestId: named, items: [{ mediaId: o.mediaId, refusal: null }] });
    expect((await o.t.call(o.chief, 'publicCopies.sources')).map((s) => s.requestId)).toEqual([named]);
    nothingWritten();
  });

  it('refuses operations that do not fit the original', async () => {
    const id = await approved(o, 'public');
    await expect(render(o.chief, id, { ...OPS, range: { from: 0, to: 60 } })).rejects.toMatchObject({ code: 'PUBLIC_COPY_INVALID' });
    const offFrame = { ...OPS, regions: [{ ...OPS.regions[0]!, keyFrames: [{ t: 0, x: 300, y: 10, w: 64, h: 48 }] }] };
    await expect(render(o.chief, id, offFrame)).rejects.toMatchObject({ code: 'PUBLIC_COPY_INVALID' });
    nothingWritten();
  });

  for (const classification of ['privacy', 'business_secret', 'state_secret'] as const) {
    it(`never makes one of ${classification} footage, whatever the approval says`, async () => {
      const id = await approved(o, 'public', [o.officer.id]);
      await o.t.call(o.chief, 'media.classify', { id: o.mediaId, classification });
      try {
        await expect(render(o.chief, id)).rejects.toMatchObject({ code: 'PUBLIC_COPY_CLASSIFIED' });
        await expect(render(o.officer.client, id)).rejects.toMatchObject({ code: 'PUBLIC_COPY_CLASSIFIED' });
        const items = (await o.t.call(o.chief, 'publicCopies.sources')).flatMap((s) => s.items);
        for (const i of items) expect(i.refusal).toMatch(/涉密资料不得制作公开使用副本/);
        nothingWritten();
      } finally {
        await o.t.call(o.chief, 'media.classify', { id: o.mediaId, classification: 'normal' });
      }
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../../main/api';
import { grant } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

/** DESIGN §2: media bytes never cross the JSON API; they come only from the media handler. */
describe('no media bytes in the JSON API', () => {
  it('no method is named for exporting, downloading or reading bytes', () => {
    // Word by word ('disposals.execute' is not 'cut'; 'media.readBytes' is 'read' and 'bytes').
    const suspicious = new Set(['export', 'download', 'save', 'bytes', 'blob', 'content', 'raw', 'stream', 'read', 'copy', 'extract', 'cut', 'trim', 'clip', 'edit', 'delete']);
    const words = (m: string) => m.split(/\.|(?=[A-Z])/).map((w) => w.toLowerCase());
    expect(words('media.readBytes')).toEqual(['media', 'read', 'bytes']);
    expect(methodNames.filter((m) => words(m).some((w) => suspicious.has(w)))).toEqual([]);
  });

  describe('results of library, media, bookmark and case methods', () => {
    let a: MediaArchive;
    beforeAll(async () => {
      a = await makeMediaArchive();
    }, 180_000);
    afterAll(async () => {
      // preparePreview started proxies in the background; let them finish before the archive goes.
      await Promise.allSettled([...a.t.services.jobs.values()].map((j) => j.done));
      a.t.cleanup();
    });

    /** Fails on binary payloads: typed arrays, data: URLs, long base64 or hex runs other than a sha256. */
    function assertNoBytes(method: MethodName, value: unknown): void {
      const walk = (v: unknown, where: string): void => {
        expect(v instanceof Uint8Array || v instanceof ArrayBuffer || Buffer.isBuffer(v), `${method} ${where}`).toBe(false);
        if (typeof v === 'string') {
          expect(v.length, `${method} ${where}`).toBeLessThan(4000);
          expect(v, `${method} ${where}`).not.toMatch(/^data:|[A-Za-z0-9+/=_-]{120,}/);
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
        }
      };
      walk(value, '');
      expect(JSON.stringify(value).length, method).toBeLessThan(200_000);
    }

    let leave: Promise<unknown> | null = null;
    let caseId = 0;
    const ensureLeave = () => (leave ??= grant(a.t, a.custodian, a.chief, 'work', { kind: 'case', id: caseId }));

    it('carry metadata only', async () => {
      const ids = a.ingest.items.filter((i) => i.mediaId).map((i) => i.mediaId!);
      const c = await a.t.call(a.custodian, 'cases.create', { number: 'NB-1', title: '无字节' });
      caseId = c.id;
      const calls: [MethodName, unknown][] = [
        ['library.search', { limit: 500 }],
        ['library.search', { text: 'MP4', limit: 500 }],
        ['cases.addItems', { caseId: c.id, mediaIds: ids }],
        ['cases.get', { id: c.id }],
        ['cases.list', {}],
      ];
      for (const id of ids) {
        calls.push(['media.get', { id }], ['media.preparePreview', { id }], ['bookmarks.list', { mediaId: id }]);
      }
      const recordingId = (await a.t.call(a.custodian, 'media.get', { id: a.mediaIdOf('segment') })).recordingId!;
      calls.push(['library.recording', { id: recordingId }]);
      calls.push(['access.list', { box: 'all' }], ['register.list', { from: '2000-01-01', to: '2099-12-31' }]);
      for (const [method, input] of calls) {
        // media.preparePreview passes the view check: leave for the case, once its items are in.
        if (method === 'media.preparePreview') await ensureLeave();
        const r = await a.t.raw(a.custodian, method, input);
        expect(r.ok, method).toBe(true);
        if (r.ok) assertNoBytes(method, r.value);
      }
    });
  });
});

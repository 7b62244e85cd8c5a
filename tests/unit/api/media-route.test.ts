import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, parseMediaUrl } from '../../../main/api';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { locateTools } from '../../../main/media';
import { tempDir } from '../../support/services';
import { grant } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

describe('the media handler', () => {
  let a: MediaArchive;
  let segId: number;
  let original: Buffer;
  /** The approvals that let the custodian and the chief view (issue 5: strict by default). */
  let custodianGrant: number;
  let chiefGrant: number;
  const url = (id: number | string, suffix = '') => `http://127.0.0.1/media/${id}${suffix}`;
  const get = (id: number | string, headers: Record<string, string> = {}, who: 'custodian' | 'chief' | 'officer' | null = 'custodian', method = 'GET') =>
    handleMediaRequest(a.t.services, new Request(url(id), { method, headers }), who ? a.sessionOf(a[who]) : null);

  beforeAll(async () => {
    a = await makeMediaArchive();
    segId = a.mediaIdOf('segment', 0);
    const stored = a.ingest.items.find((i) => i.mediaId === segId)!.storedPath!;
    original = readFileSync(path.join(a.t.root, stored));
    // Every viewing needs leave: a case of all media, work viewing approved by the chief for the
    // custodian, and the chief's own work viewing which the policy lets the chief approve.
    const all = a.ingest.items.filter((i) => i.mediaId).map((i) => i.mediaId!);
    const c = await a.t.call(a.custodian, 'cases.create', { number: 'MR-1', title: '播放测试' });
    await a.t.call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: all });
    custodianGrant = (await grant(a.t, a.custodian, a.chief, 'work', { kind: 'case', id: c.id })).id;
    chiefGrant = (await grant(a.t, a.chief, a.chief, 'work', { kind: 'case', id: c.id })).id;
  }, 180_000);
  afterAll(() => a.t.cleanup());

  it('serves the whole file with 200, Accept-Ranges, a media type, nosniff and no-store', async () => {
    const r = await get(segId);
    expect(r.status).toBe(200);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Number(r.headers.get('content-length'))).toBe(original.length);
    expect(Buffer.from(await r.arrayBuffer()).equals(original)).toBe(true);
  });

  it('answers bytes=a-b with 206, Content-Range and exactly those bytes', async () => {
    const r = await get(segId, { Range: 'bytes=100-1123' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 100-1123/${original.length}`);
    expect(r.headers.get('content-length')).toBe('1024');
    expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(100, 1124))).toBe(true);
  });

  it('answers a suffix range with the last n bytes', async () => {
    const r = await get(segId, { Range: 'bytes=-500' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${original.length - 500}-${original.length - 1}/${original.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(original.length - 500))).toBe(true);
  });

  it('answers an open-ended range up to the end', async () => {
    const from = original.length - 3000;
    const r = await get(segId, { Range: `bytes=${from}-` });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${from}-${original.length - 1}/${original.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(from))).toBe(true);
  });

  it('answers several ranges with the first one only', async () => {
    const r = await get(segId, { Range: 'bytes=0-9, 20-29' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 0-9/${original.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(0, 10))).toBe(true);
  });

  it('refuses an unsatisfiable range with 416 and bytes */size', async () => {
    for (const range of [`bytes=${original.length}-`, `bytes=${original.length + 10}-${original.length + 20}`, 'bytes=-0']) {
      const r = await get(segId, { Range: range });
      expect(r.status, range).toBe(416);
      expect(r.headers.get('content-range'), range).toBe(`bytes */${original.length}`);
    }
  });

  it('ignores a malformed Range header and serves the whole file', async () => {
    const r = await get(segId, { Range: 'lines=1-2' });
    expect(r.status).toBe(200);
    await r.arrayBuffer();
  });

  it('answers HEAD with the headers and no body, and registers no viewing', async () => {
    const r = await get(segId, { Range: 'bytes=0-99' }, 'chief', 'HEAD');
    expect(r.status).toBe(206);
    expect(r.headers.get('content-length')).toBe('100');
    expect(r.body).toBeNull();
    const rows = a.t.services.archive.open().db.prepare("SELECT COUNT(*) AS n FROM viewings v JOIN users u ON u.id = v.user_id WHERE u.login = 'chief'").get() as { n: number };
    expect(rows.n).toBe(0);
  });

  it('404 for unknown media and foreign paths, 401 without a session, 403 without leave', async () => {
    expect((await get(999_999)).status).toBe(404);
    expect((await get('abc')).status).toBe(404);
    expect((await handleMediaRequest(a.t.services, new Request('http://127.0.0.1/media/1/../../evidence.db'), a.sessionOf(a.custodian))).status).toBe(404);
    expect((await get(segId, {}, null)).status).toBe(401);
    const refused = await get(segId, {}, 'officer');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/查阅申请/);
    const audit = await a.t.call(a.custodian, 'audit.list', { action: 'media.view_denied' });
    expect(audit.entries.some((e) => e.actorLogin === 'officer1' && e.target === `media:${segId}`)).toBe(true);
  });

  it('refuses other methods', async () => {
    expect((await get(segId, {}, 'custodian', 'POST')).status).toBe(405);
  });

  it('serves photos and audio with their media types', async () => {
    const photo = await get(a.mediaIdOf('photo'));
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    await photo.arrayBuffer();
    const audio = await get(a.mediaIdOf('audio'));
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    await audio.arrayBuffer();
  });

  it('parses both URL forms: /media/<id> and evidence://media/<id>', () => {
    expect(parseMediaUrl('evidence://media/12')).toEqual({ id: 12, variant: 'original' });
    expect(parseMediaUrl('evidence://media/12/preview')).toEqual({ id: 12, variant: 'preview' });
    expect(parseMediaUrl('http://127.0.0.1:5000/media/7/thumb')).toEqual({ id: 7, variant: 'thumb' });
    for (const bad of ['evidence://other/12', 'http://x/media/0', 'http://x/media/12/raw', 'http://x/media/-1']) {
      expect(parseMediaUrl(bad), bad).toBeNull();
    }
  });

  describe('viewing register', () => {
    it('makes one row per viewing session, however many Range requests; another user gets another row', async () => {
      const id = a.mediaIdOf('segment', 1);
      const db = a.t.services.archive.open().db;
      const start = a.t.clock.now();
      for (let i = 0; i < 6; i++) {
        const r = await get(id, { Range: `bytes=${i * 100}-${i * 100 + 99}` });
        expect(r.status).toBe(206);
        await r.arrayBuffer();
        a.t.clock.advance(30_000);
      }
      const chiefView = await get(id, { Range: 'bytes=0-9' }, 'chief');
      await chiefView.arrayBuffer();
      const rows = db
        .prepare('SELECT u.login, v.started_at, v.last_at, v.recording_id, v.basis FROM viewings v JOIN users u ON u.id = v.user_id WHERE v.media_id = ? ORDER BY v.id')
        .all(id) as { login: string; started_at: string; last_at: string; recording_id: number | null; basis: string }[];
      expect(rows.map((r) => r.login)).toEqual(['admin', 'chief']);
      expect(rows[0]!.started_at).toBe(start.toISOString());
      expect(Date.parse(rows[0]!.last_at) - Date.parse(rows[0]!.started_at)).toBe(5 * 30_000);
      expect(rows[0]!.recording_id).not.toBeNull();
      expect(rows[0]!.basis).toBe(`grant:${custodianGrant}`);
      expect(rows[1]!.basis).toBe(`grant:${chiefGrant}`);
      const audit = await a.t.call(a.custodian, 'audit.list', { action: 'media.view', limit: 500 });
      const forThis = audit.entries.filter((e) => e.target === `media:${id}`);
      expect(forThis.map((e) => e.actorLogin).sort()).toEqual(['admin', 'chief']);
    });

    it('opens a new row after a pause longer than the idle window', async () => {
      const id = a.mediaIdOf('segment', 2);
      const db = a.t.services.archive.open().db;
      await (await get(id, { Range: 'bytes=0-9' })).arrayBuffer();
      a.t.clock.advance(6 * 60_000);
      await (await get(id, { Range: 'bytes=0-9' })).arrayBuffer();
      const n = (db.prepare('SELECT COUNT(*) AS n FROM viewings WHERE media_id = ?').get(id) as { n: number }).n;
      expect(n).toBe(2);
    });

    it('registers the viewing while the bytes go out: written by the end of the body; a failed write cuts the body (issue 14 item 2)', async () => {
      const db = a.t.services.archive.open().db;
      const count = () => (db.prepare("SELECT COUNT(*) AS n, MAX(last_at) AS last FROM viewings v JOIN users u ON u.id = v.user_id WHERE u.login = 'chief' AND v.media_id = ?").get(segId) as { n: number; last: string | null });
      a.t.clock.advance(10 * 60_000);
      const ok = await get(segId, {}, 'chief');
      expect(ok.status).toBe(200);
      expect(Buffer.from(await ok.arrayBuffer()).equals(original)).toBe(true);
      const after = count();
      expect(after.last).toBe(a.t.clock.now().toISOString());

      // The register refuses every write: the headers have gone, but the body never ends whole.
      db.exec("CREATE TEMP TRIGGER no_view_insert BEFORE INSERT ON viewings BEGIN SELECT RAISE(ABORT, 'register down'); END");
      db.exec("CREATE TEMP TRIGGER no_view_update BEFORE UPDATE ON viewings BEGIN SELECT RAISE(ABORT, 'register down'); END");
      try {
        a.t.clock.advance(10 * 60_000);
        const cut = await get(segId, {}, 'chief');
        expect(cut.status).toBe(200);
        await expect(cut.arrayBuffer()).rejects.toThrow();
        expect(count()).toEqual(after);
      } finally {
        db.exec('DROP TRIGGER no_view_insert; DROP TRIGGER no_view_update');
      }
    });
  });

  describe('preloading is not viewing (issue 10 item 8)', () => {
    type Row = { login: string; started_at: string; last_at: string; basis: string };
    const rowsOf = (id: number) =>
      a.t.services.archive
        .open()
        .db.prepare('SELECT u.login, v.started_at, v.last_at, v.basis FROM viewings v JOIN users u ON u.id = v.user_id WHERE v.media_id = ? ORDER BY v.id')
        .all(id) as Row[];
    const preload = (id: number, who: 'custodian' | 'chief' | 'officer', suffix = '', range = 'bytes=0-99') =>
      handleMediaRequest(a.t.services, new Request(url(id, `${suffix}?purpose=preload`), { headers: { Range: range } }), a.sessionOf(a[who]));

    it('a preload request is served in full and checked like any other, but writes no register row', async () => {
      const id = a.mediaIdOf('no_audio');
      for (const range of ['bytes=0-99', 'bytes=100-', 'bytes=-50']) {
        const r = await preload(id, 'chief', '', range);
        expect(r.status).toBe(206);
        expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      const whole = await preload(id, 'chief', '', '');
      expect(whole.status).toBe(200);
      await whole.arrayBuffer();
      const proxy = await preload(id, 'chief', '/preview');
      expect(proxy.status).toBe(206);
      await proxy.arrayBuffer();
      expect(rowsOf(id)).toEqual([]);
      expect((await a.t.call(a.chief, 'audit.list', { action: 'media.view', limit: 500 })).entries.filter((e) => e.target === `media:${id}` && e.action === 'media.view')).toEqual([]);
    });

    it('a preload without leave is refused (403) and audited as refused, like any media request', async () => {
      const id = a.mediaIdOf('no_audio');
      const r = await preload(id, 'officer');
      expect(r.status).toBe(403);
      await r.arrayBuffer();
      const denied = await a.t.call(a.chief, 'audit.list', { action: 'media.view_denied', limit: 500 });
      expect(denied.entries.some((e) => e.actorLogin === 'officer1' && e.target === `media:${id}` && (e.details as { preload?: boolean }).preload === true)).toBe(true);
    });

    it('the player reports a segment shown: the row starts at that moment, and later reports extend it', async () => {
      const id = a.mediaIdOf('no_audio');
      await (await preload(id, 'chief')).arrayBuffer();
      a.t.clock.advance(9_000); // the segment before it plays on
      const shownAt = a.t.clock.now().toISOString();
      expect(await a.t.call(a.chief, 'media.viewed', { mediaId: id })).toBeNull();
      expect(rowsOf(id)).toEqual([{ login: 'chief', started_at: shownAt, last_at: shownAt, basis: `grant:${chiefGrant}` }]);
      a.t.clock.advance(60_000);
      await a.t.call(a.chief, 'media.viewed', { mediaId: id, variant: 'preview' });
      expect(rowsOf(id)).toEqual([{ login: 'chief', started_at: shownAt, last_at: a.t.clock.now().toISOString(), basis: `grant:${chiefGrant}` }]);
      const audit = (await a.t.call(a.chief, 'audit.list', { action: 'media.view', limit: 500 })).entries.filter((e) => e.target === `media:${id}` && e.action === 'media.view');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorLogin: 'chief', at: shownAt, details: { variant: 'original', basis: `grant:${chiefGrant}` } });
    });

    it('reporting "shown" is checked again: refused without leave, for unknown media, with forged input', async () => {
      const id = a.mediaIdOf('no_audio');
      const before = rowsOf(id).length;
      const cases: [string, unknown, string][] = [
        ['no leave', { mediaId: id }, 'VIEW_NOT_GRANTED'],
        ['unknown media', { mediaId: 999_999 }, 'NOT_FOUND'],
        ['id as text', { mediaId: String(id) }, 'INVALID_INPUT'],
        ['unknown variant', { mediaId: id, variant: 'thumb' }, 'INVALID_INPUT'],
        ['a time smuggled in', { mediaId: id, at: '2000-01-01T00:00:00Z' }, 'INVALID_INPUT'],
      ];
      for (const [name, input, code] of cases) {
        expect(await a.t.raw(name === 'no leave' ? a.officer : a.chief, 'media.viewed', input), name).toMatchObject({ ok: false, error: { code } });
      }
      expect(rowsOf(id)).toHaveLength(before);
      expect(await a.t.raw(a.t.client('nobody'), 'media.viewed', { mediaId: id })).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    });

    it('a request without the mark still registers (a photo, a direct load)', async () => {
      const id = a.mediaIdOf('clock_1970');
      await (await get(id, { Range: 'bytes=0-9' }, 'chief')).arrayBuffer();
      expect(rowsOf(id).map((r) => r.login)).toEqual(['chief']);
    });
  });

  describe('previews and thumbnails', () => {
    const ffprobe = () => locateTools().ffprobe!;

    it('gives the HEVC original an H.264 proxy, served with Range, never registered as an original', async () => {
      const id = a.mediaIdOf('hevc');
      const detail = await a.t.call(a.custodian, 'media.get', { id });
      expect(detail.needsProxy).toBe(true);
      const first = await handleMediaRequest(a.t.services, new Request(url(id, '/preview'), { headers: { Range: 'bytes=0-' } }), a.sessionOf(a.custodian));
      expect(first.status).toBe(206);
      expect(first.headers.get('content-type')).toBe('video/mp4');
      const bytes = Buffer.from(await first.arrayBuffer());
      const file = path.join(tempDir(), 'proxy.mp4');
      writeFileSync(file, bytes);
      const codec = execFileSync(ffprobe(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file]).toString().trim();
      expect(codec).toBe('h264');
      const part = await handleMediaRequest(a.t.services, new Request(url(id, '/preview'), { headers: { Range: 'bytes=10-19' } }), a.sessionOf(a.custodian));
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
      const db = a.t.services.archive.open().db;
      expect(db.prepare("SELECT COUNT(*) AS n FROM media WHERE stored_path LIKE 'derived/%'").get()).toEqual({ n: 0 });
      expect((await a.t.call(a.custodian, 'media.preparePreview', { id })).ready).toBe(true);
    });

    it('serves a playable original as its own preview', async () => {
      const r = await handleMediaRequest(a.t.services, new Request(url(segId, '/preview'), { headers: { Range: 'bytes=0-99' } }), a.sessionOf(a.custodian));
      expect(r.status).toBe(206);
      expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(0, 100))).toBe(true);
    });

    it('makes a JPEG poster for video and photo, none for audio; refuses one without leave', async () => {
      for (const role of ['segment', 'photo'] as const) {
        const r = await handleMediaRequest(a.t.services, new Request(url(a.mediaIdOf(role), '/thumb')), a.sessionOf(a.chief));
        expect(r.status, role).toBe(200);
        expect(r.headers.get('content-type')).toBe('image/jpeg');
        const jpg = Buffer.from(await r.arrayBuffer());
        expect(jpg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), role).toBe(true);
      }
      expect((await handleMediaRequest(a.t.services, new Request(url(a.mediaIdOf('audio'), '/thumb')), a.sessionOf(a.chief))).status).toBe(404);
      expect((await handleMediaRequest(a.t.services, new Request(url(segId, '/thumb')), a.sessionOf(a.officer))).status).toBe(403);
    });

    it('has no preview for an unreadable original', async () => {
      const r = await handleMediaRequest(a.t.services, new Request(url(a.mediaIdOf('junk'), '/preview')), a.sessionOf(a.custodian));
      expect(r.status).toBe(404);
    });
  });

  describe('through the real browser host', () => {
    let host: BrowserHost;
    /** The chief's page: the token and its client id in headers, as the page's transport sends them. */
    const auth = { Authorization: 'Bearer media-token-123', 'X-Evidence-Client': 'chief-page' };
    let ticket: string;
    const login = () =>
      fetch(`${host.url}/api/session.login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify({ login: 'chief', password: 'chief-pass-1' }),
      });
    beforeAll(async () => {
      const staticDir = tempDir();
      writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
      host = await startBrowserHost({ services: a.t.services, staticDir, token: 'media-token-123' });
      const r = await login();
      expect(await r.json()).toMatchObject({ ok: true });
      ticket = r.headers.get('x-evidence-link-ticket') ?? '';
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    });
    afterAll(() => host.close());

    it('answers a Range request with 206 and the right bytes for the logged-in client', async () => {
      const r = await fetch(`${host.url}/media/${segId}`, { headers: { ...auth, Range: 'bytes=1000-1999' } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe(`bytes 1000-1999/${original.length}`);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(1000, 2000))).toBe(true);
    });

    it('answers bytes=0-<huge> with 206 to the end of the file (issue 10 item 14)', async () => {
      const r = await fetch(`${host.url}/media/${segId}`, { headers: { ...auth, Range: 'bytes=0-99999999999999999999999999' } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe(`bytes 0-${original.length - 1}/${original.length}`);
      expect(Buffer.from(await r.arrayBuffer()).equals(original)).toBe(true);
    });

    it('supports HEAD, and refuses without the token or without a session', async () => {
      const head = await fetch(`${host.url}/media/${segId}`, { method: 'HEAD', headers: auth });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(original.length));
      expect((await fetch(`${host.url}/media/${segId}`)).status).toBe(401);
      const other = await fetch(`${host.url}/media/${segId}`, { headers: { Authorization: 'Bearer media-token-123', 'X-Evidence-Client': 'nobody' } });
      expect(other.status).toBe(401);
    });

    // What a <video src> loads, which cannot send a header (issue 10 item 11).
    it('serves the media element by the link ticket the host handed the logged-in page', async () => {
      const r = await fetch(`${host.url}/media/${segId}?ticket=${ticket}`, { headers: { Range: 'bytes=0-99', 'Sec-Fetch-Dest': 'video', 'Sec-Fetch-Site': 'same-origin' } });
      expect(r.status).toBe(206);
      expect(Buffer.from(await r.arrayBuffer()).equals(original.subarray(0, 100))).toBe(true);
      const thumbOrPreload = await fetch(`${host.url}/media/${segId}?ticket=${ticket}&purpose=preload`, { headers: { Range: 'bytes=0-9' } });
      expect(thumbOrPreload.status).toBe(206);
    });

    it.each([
      ['no ticket', () => `/media/${segId}`],
      ['a guessed ticket', () => `/media/${segId}?ticket=${'A'.repeat(32)}`],
      ['a ticket with a character changed', () => `/media/${segId}?ticket=${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`],
      ['an empty ticket', () => `/media/${segId}?ticket=`],
    ])('refuses %s with 401', async (_n, target) => {
      expect((await fetch(`${host.url}${target()}`)).status).toBe(401);
    });

    it('a ticket opens neither the API nor the event stream', async () => {
      const api = await fetch(`${host.url}/api/session.current?ticket=${ticket}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(api.status).toBe(401);
      expect((await fetch(`${host.url}/events?ticket=${ticket}`)).status).toBe(401);
    });

    it.each([
      ['a top-level navigation (a tab that could save the original)', { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' }],
      ['a frame', { 'Sec-Fetch-Dest': 'iframe' }],
      ['an embed', { 'Sec-Fetch-Dest': 'embed' }],
      ['a page on another port of 127.0.0.1', { 'Sec-Fetch-Dest': 'video', 'Sec-Fetch-Site': 'same-site' }],
      ['a page elsewhere', { 'Sec-Fetch-Dest': 'video', 'Sec-Fetch-Site': 'cross-site' }],
    ])('refuses %s with 403, ticket or token alike', async (_n, headers) => {
      for (const [target, extra] of [
        [`/media/${segId}?ticket=${ticket}`, {}],
        [`/media/${segId}`, auth],
      ] as const) {
        const r = await fetch(`${host.url}${target}`, { headers: { ...extra, ...headers } });
        expect(r.status, target).toBe(403);
        expect(Buffer.from(await r.arrayBuffer()).includes(original.subarray(0, 64))).toBe(false);
      }
    });

    it('a ticket dies with its session: after logout it opens nothing, and a new login gets a new one', async () => {
      const logout = await fetch(`${host.url}/api/session.logout`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: '{}' });
      expect(await logout.json()).toMatchObject({ ok: true });
      expect(logout.headers.get('x-evidence-link-ticket')).toBeNull();
      expect((await fetch(`${host.url}/media/${segId}?ticket=${ticket}`)).status).toBe(401);
      const again = await login();
      const fresh = again.headers.get('x-evidence-link-ticket');
      expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(fresh).not.toBe(ticket);
      expect((await fetch(`${host.url}/media/${segId}?ticket=${ticket}`)).status).toBe(401);
      expect((await fetch(`${host.url}/media/${segId}?ticket=${fresh}`, { headers: { Range: 'bytes=0-9' } })).status).toBe(206);
      ticket = fresh!;
    });
  });
});

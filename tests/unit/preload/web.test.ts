import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../main/api';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { createWebTransport } from '../../../preload/web';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir, type TestApi } from '../../support/services';

/**
 * The browser-host transport (issue 10 item 11) against the real host: the token from the printed URL kept in the
 * page's sessionStorage and out of the address bar, sent as a header (no cookie), links carrying the session's ticket,
 * events read from the stream with the same headers.
 */
const TOKEN = 'web-transport-token-1';

/** What the transport touches of a page: its address, its history and its sessionStorage. */
function fakePage(search: string, storage: Map<string, string>) {
  const replaceState = vi.fn();
  vi.stubGlobal('window', { location: { search, pathname: '/', hash: '#/library' }, history: { state: null, replaceState } });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
  });
  return { replaceState };
}

describe('the browser-host transport', () => {
  let t: TestApi;
  let host: BrowserHost;
  const storage = new Map<string, string>();
  const sentCookies: (string | undefined)[] = [];

  beforeAll(async () => {
    t = makeTestApi();
    await setUpOffice(t);
    host = await startBrowserHost({ services: t.services, staticDir: tempDir(), token: TOKEN });
    host.server.on('request', (req) => sentCookies.push(req.headers.cookie));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await host.close();
    t.cleanup();
  });

  it('takes the token from the printed URL into sessionStorage and out of the address bar, and logs in with headers', async () => {
    const page = fakePage(`?token=${TOKEN}`, storage);
    const transport = createWebTransport(host.url);
    expect(storage.get('evidence.hostToken')).toBe(TOKEN);
    expect(storage.get('evidence.client')).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(page.replaceState.mock.calls).toEqual([[null, '', '/#/library']]);

    expect(transport.link('/media/1')).toBe('/media/1');
    const login = await transport.invoke('session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    expect(login).toMatchObject({ ok: true });
    expect(transport.link('/media/1')).toMatch(/^\/media\/1\?ticket=[A-Za-z0-9_-]{32}$/);
    expect(transport.link('/media/1?purpose=preload')).toMatch(/^\/media\/1\?purpose=preload&ticket=[A-Za-z0-9_-]{32}$/);
    // The link is what the host accepts without headers: a download by its ticket (404: no such document yet).
    expect((await fetch(`${host.url}${transport.link('/forms/handover-1.docx')}`)).status).toBe(404);
    expect((await fetch(`${host.url}/forms/handover-1.docx`)).status).toBe(401);
    expect(sentCookies.every((c) => c === undefined)).toBe(true);
  });

  it('after a reload (no token in the address) keeps the same token and client, so the login stays', async () => {
    const page = fakePage('', storage);
    const transport = createWebTransport(host.url);
    expect(page.replaceState).not.toHaveBeenCalled();
    expect(await transport.invoke('session.current', {})).toMatchObject({ ok: true, value: { login: OFFICE_SETUP.admin.login } });
  });

  it('a page without the token is told to open the printed address', async () => {
    fakePage('', new Map());
    expect(await createWebTransport(host.url).invoke('setup.status', {})).toMatchObject({ ok: false, error: { code: 'HOST_TOKEN' } });
  });

  it('hears pushed events over the stream it opens with its headers, until unsubscribed', async () => {
    fakePage('', storage);
    const transport = createWebTransport(host.url);
    const heard: [EventName, unknown][] = [];
    const stop = transport.subscribe((event, payload) => heard.push([event, payload]));
    const payload = { sessionId: 9, status: 'completed' as const, message: '第一条\n\n带空行' };
    // Sent until the stream is open (the first arrival), then exactly what was sent comes out.
    await vi.waitFor(
      () => {
        if (heard.length === 0) t.services.host.emit!('all', 'ingest.finished', payload);
        expect(heard.length).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 20 },
    );
    expect(heard[0]).toEqual(['ingest.finished', payload]);
    stop();
  });
});

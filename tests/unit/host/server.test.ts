import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/api';
import { assertLoopbackHost, startBrowserHost, type BrowserHost } from '../../../main/host';
import { silentLogger } from '../../../main/log';
import { tempDir, TestClock } from '../../support/services';
import { rawRequest } from './raw-http';

describe('browser host', () => {
  let host: BrowserHost;
  beforeAll(async () => {
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const services = createServices({ archiveRoot: tempDir(), host: { kind: 'browser-host' }, log: silentLogger, clock: new TestClock() });
    host = await startBrowserHost({ services, staticDir, token: 'secret-token-123' });
  });
  afterAll(() => host.close());

  const api = (headers: Record<string, string>, body = '{}') =>
    fetch(`${host.url}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['no token', {}],
    ['wrong token', { Authorization: 'Bearer wrong-token-123' }],
    ['token of another length', { Authorization: 'Bearer x' }],
    ['wrong cookie', { Cookie: 'ew_token=nope' }],
  ])('refuses %s', async (_name, headers) => {
    const r = await api(headers);
    expect(r.status).toBe(401);
  });

  it('refuses the API, events, media and documents without the token', async () => {
    expect((await fetch(`${host.url}/events`)).status).toBe(401);
    expect((await fetch(`${host.url}/media/1`)).status).toBe(401);
    expect((await fetch(`${host.url}/forms/handover-1.docx`)).status).toBe(401);
    expect((await fetch(`${host.url}/?token=guess`)).status).toBe(401);
  });

  it('serves the app itself without the token: it is the built renderer and holds no secret', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(200);
  });

  it('answers with the right token in the Authorization header', async () => {
    const r = await api({ Authorization: 'Bearer secret-token-123' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  // Cookies are not separated by port: every other server on 127.0.0.1 would receive one (issue 10 item 11).
  it('keeps the token out of cookies: the printed URL sets none, and a cookie is no credential', async () => {
    const first = await fetch(host.openUrl, { redirect: 'manual' });
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie()).toEqual([]);
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    for (const cookie of ['ew_token=secret-token-123', 'ew_token=secret-token-123; ew_client=c1']) {
      expect((await api({ Cookie: cookie })).status, cookie).toBe(401);
      expect((await fetch(`${host.url}/events`, { headers: { Cookie: cookie } })).status, cookie).toBe(401);
    }
  });

  // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its own Host.
  describe('the Host header', () => {
    const port = () => new URL(host.url).port;
    const auth = { Authorization: 'Bearer secret-token-123', 'Content-Type': 'application/json' };
    it.each([
      ['another name', () => 'evil.example'],
      ['another name on our port', () => `evil.example:${port()}`],
      ['our address without the port', () => '127.0.0.1'],
      ['our address on another port', () => `127.0.0.1:${Number(port()) + 1}`],
      ['localhost on another port', () => `localhost:${Number(port()) + 1}`],
      ['another loopback address', () => `127.0.0.2:${port()}`],
      ['IPv6 loopback', () => `[::1]:${port()}`],
      ['a subdomain of localhost', () => `evil.localhost:${port()}`],
      ['userinfo', () => `evil@127.0.0.1:${port()}`],
      ['empty', () => ''],
    ])('refuses %s with 421, before the token is looked at', async (_n, value) => {
      for (const [target, method] of [
        ['/api/setup.status', 'POST'],
        ['/', 'GET'],
        ['/events', 'GET'],
        ['/media/1', 'GET'],
        [`/?token=secret-token-123`, 'GET'],
      ] as const) {
        const r = await rawRequest(host.url, target, { ...auth, Host: value() }, method);
        expect(r.status, `${method} ${target}`).toBe(421);
      }
    });

    it.each([
      ['127.0.0.1', () => `127.0.0.1:${port()}`],
      ['localhost', () => `localhost:${port()}`],
      ['LOCALHOST', () => `LOCALHOST:${port()}`],
    ])('accepts %s on our port', async (_n, value) => {
      const r = await rawRequest(host.url, '/api/setup.status', { ...auth, Host: value() }, 'POST');
      expect(r.status).toBe(200);
    });
  });

  describe('URLs that do not decode', () => {
    const auth = { Authorization: 'Bearer secret-token-123' };
    it.each([
      '/%00',
      '/index.html%00',
      '/assets/app.js%00.png',
      '/%E4%B8',
      '/%',
      '/assets/%ZZ.js',
      '/media/1%00',
      '/media/%E4',
      '/forms/handover-1.docx%00',
      '/forms/%',
      '/forms/%C0%AE%C0%AE',
    ])('%s is a bad request (400), not a server error', async (target) => {
      const r = await rawRequest(host.url, target, auth);
      expect(r.status).toBe(400);
    });
  });

  it('refuses non-JSON posts, cross-origin posts, other verbs and path traversal', async () => {
    const auth = { Authorization: 'Bearer secret-token-123' };
    expect((await fetch(`${host.url}/api/setup.status`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await api({ ...auth, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${host.url}/api/setup.status`, { headers: auth })).status).toBe(405);
    expect((await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`, { headers: auth })).status).toBe(404);
    const bad = await api(auth, '{not json');
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('will not bind to a non-loopback address', async () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com']) {
      expect(() => assertLoopbackHost(h), h).toThrow(/non-loopback/);
    }
    expect(assertLoopbackHost('localhost')).toBe('127.0.0.1');
    const services = createServices({ archiveRoot: tempDir(), host: { kind: 'browser-host' }, log: silentLogger, clock: new TestClock() });
    await expect(startBrowserHost({ services, staticDir: tempDir(), host: '0.0.0.0' })).rejects.toThrow(/non-loopback/);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/api';
import { assertLoopbackHost, startBrowserHost, type BrowserHost } from '../../../main/host';
import { silentLogger } from '../../../main/log';
import { tempDir, TestClock } from '../../support/services';

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

  it('refuses static files and events without the token', async () => {
    expect((await fetch(`${host.url}/`)).status).toBe(401);
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(401);
    expect((await fetch(`${host.url}/events`)).status).toBe(401);
    expect((await fetch(`${host.url}/?token=guess`)).status).toBe(401);
  });

  it('answers with the right token, by header or by the cookie the printed URL sets', async () => {
    const r = await api({ Authorization: 'Bearer secret-token-123' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, value: { needsSetup: true } });

    const first = await fetch(host.openUrl, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookies = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(first.headers.getSetCookie().every((c) => /HttpOnly/.test(c) && /SameSite=Strict/.test(c))).toBe(true);
    const page = await fetch(`${host.url}/`, { headers: { Cookie: cookies } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
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

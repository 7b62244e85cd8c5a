import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi, type Mock } from 'vitest';
import {
  denyPermission,
  guardContents,
  guardNavigation,
  isTrustedRendererUrl,
  type GuardableContents,
  type Refusable,
  type RendererLocation,
} from '../../../main/app/policy';

// Were anything in the shell to hand a URL to the OS, it would be through shell.openExternal: watched here.
const openExternal = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ shell: { openExternal } }));

const INDEX = 'file:///opt/app/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173';
const PACKAGED: RendererLocation = { indexFileUrl: INDEX };
const UNPACKAGED: RendererLocation = { indexFileUrl: INDEX, devServerUrl: DEV };

/** [name, url, trusted when packaged, trusted with the dev server configured] */
const URLS: [string, string, boolean, boolean][] = [
  ['our index', INDEX, true, true],
  ['our index with a hash route', `${INDEX}#/audit`, true, true],
  ['another local file', 'file:///tmp/evil.html', false, false],
  ['another file beside our index', 'file:///opt/app/resources/app.asar/out/renderer/evil.html', false, false],
  ['our path on a network share', 'file://evil.example/opt/app/resources/app.asar/out/renderer/index.html', false, false],
  ['a web page', 'https://example.com/', false, false],
  ['a loopback page', 'http://127.0.0.1:8080/', false, false],
  ['the dev server', `${DEV}/#/library`, false, true],
  ['another port on the dev host', 'http://localhost:5174/', false, false],
  ['a data URL', 'data:text/html,<script>1</script>', false, false],
  ['a javascript URL', 'javascript:alert(1)', false, false],
  ['our media protocol', 'evidence://media/1', false, false],
  ['about:blank', 'about:blank', false, false],
  ['empty', '', false, false],
  ['garbage', 'not a url', false, false],
];

/** A web contents with just the events and handler the guards use. */
function fakeContents(): { contents: GuardableContents; emitter: EventEmitter; openHandler: () => { action: 'deny' } } {
  const emitter = new EventEmitter();
  let openHandler: (() => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    on: (event: string, listener: (e: Refusable, url: string) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  return {
    contents,
    emitter,
    get openHandler() {
      if (!openHandler) throw new Error('no window-open handler installed');
      return openHandler;
    },
  };
}

function refusable(): Refusable & { preventDefault: Mock<() => void> } {
  return { preventDefault: vi.fn<() => void>() };
}

describe('Electron shell guards', () => {
  describe.each([
    ['packaged', PACKAGED, 2],
    ['with the dev server', UNPACKAGED, 3],
  ] as const)('%s', (_name, renderer, column) => {
    const f = fakeContents();
    guardContents(f.contents, renderer);

    it.each(URLS)('navigation and redirects to %s', (_n, url, ...trusted) => {
      const allowed = trusted[column - 2]!;
      for (const event of ['will-navigate', 'will-redirect']) {
        const e = refusable();
        f.emitter.emit(event, e, url);
        expect(e.preventDefault, event).toHaveBeenCalledTimes(allowed ? 0 : 1);
      }
      expect(isTrustedRendererUrl(url, renderer), 'IPC sender check').toBe(allowed);
    });

    it.each(URLS)('no window opens for %s', (_n, url) => {
      expect((f.openHandler as (d: { url: string }) => unknown)({ url })).toEqual({ action: 'deny' });
    });

    it('refuses every webview', () => {
      const e = refusable();
      f.emitter.emit('will-attach-webview', e, {}, { src: INDEX });
      expect(e.preventDefault).toHaveBeenCalledTimes(1);
    });
  });

  it('a dev server setting that is a file: URL or garbage trusts nothing more', () => {
    for (const devServerUrl of ['file:///tmp/', 'not a url']) {
      const renderer = { indexFileUrl: INDEX, devServerUrl };
      expect(isTrustedRendererUrl('file:///tmp/evil.html', renderer)).toBe(false);
      expect(isTrustedRendererUrl(INDEX, renderer)).toBe(true);
      const e = refusable();
      guardNavigation(e, 'file:///tmp/evil.html', renderer);
      expect(e.preventDefault).toHaveBeenCalledTimes(1);
    }
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'display-capture', 'unknown'])(
    'refuses the %s permission',
    (permission) => {
      const callback = vi.fn();
      denyPermission({}, permission, callback);
      expect(callback.mock.calls).toEqual([[false]]);
    },
  );

  it('never hands anything to the OS to open: no openExternal call, and none in the code', () => {
    expect(openExternal).not.toHaveBeenCalled();
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const offenders = ['main', 'preload'].flatMap(files).filter((f) => /\.tsx?$/.test(f) && /openExternal\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiServices, Client, ServicesArgs } from '../../../main/api';
import type { UserId } from '../../../main/store';
import { RENDERER_CSP } from '../../../main/host';
import { tempDir } from '../../support/services';

/**
 * The Electron shell's wiring (DESIGN.md §10, issue 10 items 7 and 9): main/app/index.ts is started against a fake
 * Electron, and what it hands to Electron is checked: the capabilities the API gets, the media scheme, the window's
 * webPreferences, the guards, the IPC door, the headers, the menu.
 */

/** The fake Electron: records what the shell registers, and lets the test play Electron's part. */
const fake = vi.hoisted(() => {
  class FakeContents {
    sent: unknown[][] = [];
    windowOpenHandler: ((d: { url: string }) => unknown) | null = null;
    private readonly listeners = new Map<string, ((...a: unknown[]) => void)[]>();
    constructor(readonly id: number) {}
    on(event: string, listener: (...a: unknown[]) => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
    send(...args: unknown[]): void {
      this.sent.push(args);
    }
    setWindowOpenHandler(h: (d: { url: string }) => unknown): void {
      this.windowOpenHandler = h;
    }
  }
  const state = {
    packaged: true,
    userData: '',
    nextId: 1,
    contents: [] as FakeContents[],
    windows: [] as { options: Record<string, unknown>; webContents: FakeContents; loadedUrl: string | null }[],
    appHandlers: new Map<string, ((...a: unknown[]) => unknown)[]>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: Request) => Promise<Response> | Response>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    permissionHandler: null as unknown,
    menus: [] as unknown[],
    templates: [] as unknown[],
    opened: [] as string[],
    openPathResult: '',
    loaded: null as null | (() => void),
    FakeContents,
  };
  const newContents = () => {
    const c = new FakeContents(state.nextId++);
    state.contents.push(c);
    return c;
  };
  class BrowserWindow {
    webContents = newContents();
    entry: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.entry = { options, webContents: this.webContents, loadedUrl: null };
      state.windows.push(this.entry);
    }
    on(): this {
      return this;
    }
    once(): this {
      return this;
    }
    async loadURL(url: string): Promise<void> {
      this.entry.loadedUrl = url;
      state.loaded?.();
    }
    async loadFile(file: string): Promise<void> {
      const { pathToFileURL } = await import('node:url');
      this.entry.loadedUrl = pathToFileURL(file).href;
      state.loaded?.();
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    show(): void {}
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      getVersion: () => '0.0.0-test',
      on(event: string, handler: (...a: unknown[]) => unknown) {
        state.appHandlers.set(event, [...(state.appHandlers.get(event) ?? []), handler]);
        return this;
      },
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/chosen/folder'] }) },
    ipcMain: { handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, h) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, h: (req: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, h),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (l: typeof state.headersListener) => (state.headersListener = l) },
        setPermissionRequestHandler: (h: unknown) => (state.permissionHandler = h),
      },
    },
    webContents: {
      fromId: (id: number) => state.contents.find((c) => c.id === id),
      getAllWebContents: () => [...state.contents],
    },
    shell: {
      openPath: async (p: string) => {
        state.opened.push(p);
        return state.openPathResult;
      },
      openExternal: async () => {
        throw new Error('the shell must never hand a URL to the OS');
      },
    },
    Menu: {
      setApplicationMenu: (m: unknown) => state.menus.push(m),
      buildFromTemplate: (t: unknown) => {
        state.templates.push(t);
        return { template: t };
      },
    },
  };
  return { state, electron, newContents };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** The real API, with what the shell passes to it recorded. */
const seen = vi.hoisted(() => ({ args: null as ServicesArgs | null, services: null as ApiServices | null, dispatched: [] as { client: Client; method: unknown }[] }));
vi.mock('../../../main/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/api')>();
  return {
    ...real,
    createServices: (args: ServicesArgs) => {
      seen.args = args;
      seen.services = real.createServices(args);
      return seen.services;
    },
    dispatch: (services: ApiServices, client: Client, method: unknown, input: unknown) => {
      seen.dispatched.push({ client, method });
      return real.dispatch(services, client, method, input);
    },
  };
});

interface Booted {
  window: (typeof fake.state.windows)[number];
  ourUrl: string;
  services: ApiServices;
  args: ServicesArgs;
}

/** Starts the shell as Electron would run out/main/index.js, packaged or not. */
async function boot(packaged: boolean): Promise<Booted> {
  const s = fake.state;
  Object.assign(s, { packaged, userData: tempDir('ew-shell-'), contents: [], windows: [], schemes: [], menus: [], templates: [], opened: [], openPathResult: '' });
  s.appHandlers.clear();
  s.protocolHandlers.clear();
  s.ipcHandlers.clear();
  s.headersListener = null;
  s.permissionHandler = null;
  seen.args = null;
  seen.services = null;
  seen.dispatched = [];
  const loaded = new Promise<void>((resolve) => (s.loaded = resolve));
  vi.resetModules();
  await import('../../../main/app/index');
  await loaded;
  // What start() does after the page is loaded: the remaining handlers, with no I/O in between.
  await new Promise((r) => setImmediate(r));
  const window = s.windows[0]!;
  return { window, ourUrl: window.loadedUrl!, services: seen.services!, args: seen.args! };
}

function ipcEvent(sender: InstanceType<typeof fake.state.FakeContents>, url: string, subframe = false): unknown {
  return { sender, senderFrame: { url, parent: subframe ? { url } : null } };
}

async function ipc(event: unknown, method: string, input: unknown = {}): Promise<{ ok: boolean; error?: { code: string } }> {
  const handler = fake.state.ipcHandlers.get('evidence:api');
  if (!handler) throw new Error('no evidence:api handler');
  return (await handler(event, method, input)) as { ok: boolean; error?: { code: string } };
}

describe.each([
  ['packaged', true],
  ['unpackaged', false],
] as const)('the Electron shell, %s', (_name, packaged) => {
  let b: Booted;
  beforeAll(async () => {
    b = await boot(packaged);
  });
  afterAll(() => {
    for (const h of fake.state.appHandlers.get('before-quit') ?? []) h();
  });

  it('registers evidence: as a privileged scheme with exactly what the media route needs, and handles it', async () => {
    expect(fake.state.schemes).toEqual([{ scheme: 'evidence', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }]);
    const handler = fake.state.protocolHandlers.get('evidence');
    expect(handler).toBeTypeOf('function');
    // No one is logged in: the one media handler answers, with its refusal.
    expect((await handler!(new Request('evidence://media/1'))).status).toBe(401);
    expect((await handler!(new Request('evidence://other/1'))).status).toBe(404);
  });

  it('supplies every host capability to the API', () => {
    const host = b.args.host;
    expect(host.kind).toBe('electron');
    for (const member of ['pickFolder', 'rememberArchiveRoot', 'openPath', 'emit'] as const) {
      expect(host[member], member).toBeTypeOf('function');
    }
  });

  it('creates every window with the hardened webPreferences, DevTools only when unpackaged', () => {
    expect(fake.state.windows).toHaveLength(1);
    for (const w of fake.state.windows) {
      expect(w.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: !packaged,
      });
      expect((w.options.webPreferences as { preload?: string }).preload).toMatch(/preload[\\/]index\.cjs$/);
    }
  });

  it(packaged ? 'sets a minimal application menu (none on Windows and Linux)' : 'keeps the default menu for development', () => {
    if (!packaged) {
      expect(fake.state.menus).toEqual([]);
      return;
    }
    expect(fake.state.menus).toHaveLength(1);
    if (process.platform === 'darwin') expect(fake.state.templates).toHaveLength(1);
    else expect(fake.state.menus[0]).toBeNull();
  });

  it('installs the guards on every web contents: navigation, redirects, window.open and webviews refused', () => {
    const created = fake.state.appHandlers.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    const contents = fake.newContents();
    created[0]!({}, contents);
    for (const [url, allowed] of [
      [b.ourUrl, true],
      [`${b.ourUrl}#/library`, true],
      ['https://example.com/', false],
      ['file:///etc/passwd', false],
      ['evidence://media/1', false],
    ] as const) {
      for (const event of ['will-navigate', 'will-redirect']) {
        const e = { preventDefault: vi.fn() };
        contents.emit(event, e, url);
        expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalledTimes(allowed ? 0 : 1);
      }
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, { src: b.ourUrl });
    expect(webview.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('refuses every permission and puts the CSP on every response', () => {
    const callback = vi.fn();
    (fake.state.permissionHandler as (c: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'media', callback);
    expect(callback.mock.calls).toEqual([[false]]);
    const out = vi.fn();
    fake.state.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, out);
    expect(out.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([RENDERER_CSP]);
  });

  it('answers IPC from our page in our window', async () => {
    const r = await ipc(ipcEvent(b.window.webContents, b.ourUrl), 'setup.status');
    expect(r.ok).toBe(true);
  });

  it.each([
    ['a foreign page in our window', (w: Booted) => ipcEvent(w.window.webContents, 'https://evil.example/')],
    ['a subframe of our page', (w: Booted) => ipcEvent(w.window.webContents, w.ourUrl, true)],
    ['another web contents showing our URL', (w: Booted) => ipcEvent(fake.newContents(), w.ourUrl)],
    ['a frame that is gone', (w: Booted) => ({ sender: w.window.webContents, senderFrame: null })],
    ['a file beside our page', (w: Booted) => ipcEvent(w.window.webContents, w.ourUrl.replace(/index\.html$/, 'evil.html'))],
  ])('refuses IPC from %s, before the API sees it', async (_n, event) => {
    const before = seen.dispatched.length;
    const r = await ipc(event(b), 'setup.status');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen.dispatched.length).toBe(before);
  });

  it('pushes events meant for everyone only to logged-in windows', async () => {
    const stray = fake.newContents();
    await ipc(ipcEvent(b.window.webContents, b.ourUrl), 'setup.status');
    const client = seen.dispatched.at(-1)!.client;
    const emit = b.args.host.emit!;
    const payload = { sessionId: 1, status: 'completed' as const, message: null };

    client.sessionId = null;
    emit('all', 'ingest.finished', payload);
    expect(b.window.webContents.sent, 'logged out').toEqual([]);
    expect(stray.sent, 'not ours').toEqual([]);

    const s = b.services.sessions.create({
      userId: 1 as UserId,
      login: 'custodian',
      displayName: '保管员',
      roles: ['custodian'],
      privateKeyPem: '',
      certPem: '',
      caPrivateKeyPem: null,
      mustChangePassword: false,
    });
    client.sessionId = s.id;
    emit('all', 'ingest.finished', payload);
    expect(b.window.webContents.sent).toEqual([['evidence:event', 'ingest.finished', payload]]);
    expect(stray.sent, 'not ours').toEqual([]);
    b.services.sessions.end(s.id);
    client.sessionId = null;
  });

  it('picks folders with the native dialog and remembers the archive root', async () => {
    expect(await b.args.host.pickFolder!('选择档案库')).toBe('/chosen/folder');
    const { readShellConfig } = await import('../../../main/app/config');
    b.args.host.rememberArchiveRoot!('/data/archive');
    expect(readShellConfig(fake.state.userData).archiveRoot).toBe('/data/archive');
  });

  describe('opens only generated documents in the archive’s forms/ folder', () => {
    let forms: string;
    let doc: string;
    beforeAll(() => {
      const paths = b.services.archive.open().paths;
      forms = paths.forms;
      doc = path.join(forms, '交接登记表-20261127-001.docx');
      writeFileSync(doc, 'docx');
      writeFileSync(path.join(forms, 'weekly-2026-11-16.docx.p7s'), 'sig');
      const outside = path.join(tempDir('ew-outside-'), 'tool.docx');
      writeFileSync(outside, 'not ours');
      symlinkSync(outside, path.join(forms, 'linked.docx'));
      mkdirSync(path.join(forms, 'folder.docx'));
    });

    it('hands a document in forms/ to the OS', async () => {
      fake.state.opened = [];
      await b.args.host.openPath!(doc);
      expect(fake.state.opened).toEqual([doc]);
    });

    it.each([
      ['the database', () => path.join(path.dirname(forms), 'evidence.db')],
      ['a traversal out of forms/', () => path.join(forms, '..', 'evidence.db')],
      ['a relative name', () => '交接登记表-20261127-001.docx'],
      ['a symlink out of forms/', () => path.join(forms, 'linked.docx')],
      ['a signature file', () => path.join(forms, 'weekly-2026-11-16.docx.p7s')],
      ['a folder', () => path.join(forms, 'folder.docx')],
      ['a missing file', () => path.join(forms, '交接登记表-20261127-002.docx')],
      ['a program', () => process.execPath],
    ])('refuses %s', async (_n, target) => {
      fake.state.opened = [];
      await expect(b.args.host.openPath!(target())).rejects.toMatchObject({ code: 'NOT_FOUND', userMessage: '只能打开本程序生成的文件' });
      expect(fake.state.opened).toEqual([]);
    });

    it('reports a file the OS could not open', async () => {
      fake.state.openPathResult = 'No application is associated';
      // Electron reports the failure as a string; it reaches the person as a Chinese message with the reason.
      await expect(b.args.host.openPath!(doc)).rejects.toMatchObject({ code: 'OPEN_FAILED', userMessage: expect.stringMatching(/^系统未能打开该文件：No application is associated$/) });
      fake.state.openPathResult = '';
    });
  });
});

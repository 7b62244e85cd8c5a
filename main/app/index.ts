import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, webContents } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServices, dispatch, handleMediaRequest, type ApiServices, type Client } from '../api';
import { RENDERER_CSP } from '../host';
import { createFileLogger } from '../log';
import { AppError, systemClock } from '../common';
import { readShellConfig, writeShellConfig } from './config';
import { checkOpenableDocument, denyPermission, guardContents, isTrustedIpcSender, type RendererLocation } from './policy';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
const preloadFile = path.join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const renderer: RendererLocation = { indexFileUrl: pathToFileURL(rendererIndex).href, devServerUrl };

// Must happen before 'ready': media is served by our own handler with Range support.
protocol.registerSchemesAsPrivileged([
  { scheme: 'evidence', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

/** better-sqlite3 built for Electron's ABI when running unpackaged (see resources/scripts/electron-native.mjs). */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const p = path.resolve(here, '../native-electron/better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const config = readShellConfig(userData);
  const log = createFileLogger({ dir: path.join(config.archiveRoot, 'logs') });
  let win: BrowserWindow | null = null;
  const clients = new Map<number, Client>();

  const services: ApiServices = createServices({
    archiveRoot: config.archiveRoot,
    log,
    clock: systemClock,
    openOptions: { nativeBinding: nativeBinding() },
    host: {
      kind: 'electron',
      pickFolder: async (title) => {
        const r = win ? await dialog.showOpenDialog(win, { title, properties: ['openDirectory', 'createDirectory'] }) : null;
        return r && !r.canceled && r.filePaths[0] ? r.filePaths[0] : null;
      },
      rememberArchiveRoot: (root) => writeShellConfig(userData, { archiveRoot: root }),
      openPath: async (target) => {
        // forms.open checked the caller; this checks again that only a generated document is handed to the OS.
        const file = checkOpenableDocument(target, services.archive.open().paths.forms);
        const error = await shell.openPath(file);
        if (error) throw new AppError('OPEN_FAILED', `系统未能打开该文件：${error}`, `shell.openPath failed: ${error}`);
      },
      emit: (target, event, payload) => {
        // Events for everyone (ingest progress, …) reach only our windows with someone logged in.
        const targets =
          target === 'all'
            ? [...clients].filter(([, c]) => services.sessions.isActive(c.sessionId)).map(([id]) => webContents.fromId(id))
            : [webContents.fromId(Number(target.id))];
        for (const wc of targets) wc?.send('evidence:event', event, payload);
      },
    },
  });
  log.info('app started', { version: app.getVersion(), archive: config.archiveRoot, electron: process.versions.electron });

  // evidence://media/<id>[/preview|/thumb]: the one media handler, with the session of the window's client.
  protocol.handle('evidence', (req) => {
    const client = win ? clients.get(win.webContents.id) : undefined;
    const lookup = services.sessions.touch(client?.sessionId ?? null);
    return handleMediaRequest(services, req, lookup.state === 'active' ? lookup.session : null);
  });

  ipcMain.handle('evidence:api', (event, method: unknown, input: unknown) => {
    if (!isTrustedIpcSender(event, win?.webContents.id ?? null, renderer)) {
      log.warn('ipc from untrusted frame refused', { url: (event.senderFrame?.url ?? '').slice(0, 200) });
      return { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不可信' } };
    }
    let client = clients.get(event.sender.id);
    if (!client) {
      client = { id: String(event.sender.id), sessionId: null };
      clients.set(event.sender.id, client);
    }
    return dispatch(services, client, method, input);
  });

  // The dev server does not send our CSP; add it to every response the renderer loads.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler(denyPermission);
  app.on('web-contents-created', (_e, contents) => guardContents(contents, renderer));
  // Packaged: no View menu (reload, DevTools). macOS keeps the app and edit menus its shortcuts need.
  if (app.isPackaged) {
    Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null);
  }

  win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: '执法记录仪证据工作站',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The packaged program has no DevTools: they would let whoever sits at it script the page.
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  const wcId = win.webContents.id;
  win.on('closed', () => {
    const c = clients.get(wcId);
    if (c?.sessionId) services.sessions.end(c.sessionId);
    clients.delete(wcId);
    win = null;
  });
  win.once('ready-to-show', () => win?.show());
  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(rendererIndex);

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    // Fold the WAL back so the archive at rest is one consistent file.
    services.archive.close();
    log.info('app quit');
  });
}

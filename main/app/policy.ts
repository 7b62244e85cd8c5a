import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { generatedDocument } from '../api';
import { AppError } from '../common';

/**
 * The Electron shell's security handlers as plain functions: what they need comes in as arguments, so they are
 * tested without Electron. index.ts installs them. Nothing here opens anything outside the app: it is offline.
 */

/** Where our own renderer is: the bundled index.html, or the dev server electron-vite started (unpackaged only). */
export interface RendererLocation {
  indexFileUrl: string;
  devServerUrl?: string;
}

/** The part of an Electron event a handler uses. */
export interface Refusable {
  preventDefault(): void;
}

function parse(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}

/** Our renderer's page (any hash route): the same file on this machine, or the configured dev server. */
export function isTrustedRendererUrl(url: string, renderer: RendererLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  const dev = parse(renderer.devServerUrl);
  if (dev && u.protocol !== 'file:' && u.origin === dev.origin) return true;
  const index = parse(renderer.indexFileUrl);
  // The host too: file://server/… is a network share on Windows.
  return index !== null && u.protocol === 'file:' && u.host === index.host && u.pathname === index.pathname;
}

/** will-navigate and will-redirect: the window only ever shows our renderer. */
export function guardNavigation(event: Refusable, url: string, renderer: RendererLocation): void {
  if (!isTrustedRendererUrl(url, renderer)) event.preventDefault();
}

/** setWindowOpenHandler: no second window, and nothing handed to the OS to open. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** will-attach-webview: no embedded pages. */
export function refuseWebview(event: Refusable): void {
  event.preventDefault();
}

/** setPermissionRequestHandler: camera, notifications, openExternal, … all refused. */
export function denyPermission(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** The events and handler a web contents offers that the guards use (Electron's WebContents has them). */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Refusable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Refusable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** Installs every guard on one web contents (called for each one created). */
export function guardContents(contents: GuardableContents, renderer: RendererLocation): void {
  contents.on('will-navigate', (e, url) => guardNavigation(e, url, renderer));
  contents.on('will-redirect', (e, url) => guardNavigation(e, url, renderer));
  contents.on('will-attach-webview', (e) => refuseWebview(e));
  contents.setWindowOpenHandler(denyWindowOpen);
}

/** The part of an IPC event the sender check uses (Electron's IpcMainInvokeEvent has them). */
export interface IpcSender {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * ipcMain: only our page, in the main frame of our own window. A subframe, another web contents (even one showing our
 * URL) or a frame already gone is refused before the API sees the call.
 */
export function isTrustedIpcSender(event: IpcSender, windowContentsId: number | null, renderer: RendererLocation): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || event.sender.id !== windowContentsId) return false;
  return isTrustedRendererUrl(frame.url, renderer);
}


/**
 * HostCapabilities.openPath: only a generated document (a .docx named as the generators name them), a regular file
 * directly in the archive's forms/ folder, is handed to the OS. Throws otherwise.
 */
export function checkOpenableDocument(target: string, formsDir: string): string {
  const refuse = (why: string): never => {
    throw new AppError('NOT_FOUND', '只能打开本程序生成的文件', `openPath refused: ${why}`);
  };
  if (!path.isAbsolute(target)) return refuse('not absolute');
  const doc = generatedDocument(path.basename(target));
  if (!doc || !doc.fileName.endsWith('.docx')) return refuse('not a generated document');
  const st = lstatSync(target, { throwIfNoEntry: false });
  if (!st?.isFile()) return refuse('not a regular file');
  if (path.dirname(realpathSync(target)) !== realpathSync(formsDir)) return refuse('not in forms/');
  return target;
}

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

/** Pure security decisions of the Electron shell, kept apart from Electron so they can be tested. */

/** Only our own renderer may call the API: the bundled file, or the dev server electron-vite started. */
export function isTrustedRendererUrl(url: string, rendererIndexFileUrl: string, devServerUrl?: string): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (u.origin === dev.origin) return true;
  }
  if (u.protocol !== 'file:') return false;
  const expected = new URL(rendererIndexFileUrl);
  return u.pathname === expected.pathname;
}

/** The window never navigates anywhere: the app is a single page; links to the outside are refused. */
export function allowNavigation(_targetUrl: string): boolean {
  return false;
}

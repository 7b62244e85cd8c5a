import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withProjectFonts } from '../support/fonts';

/**
 * The Electron binary, or why there is none. Read path.txt ourselves: `require('electron')` would
 * try to download the binary, which the build machines cannot.
 */
function electronBinary(): { path: string } | { reason: string } {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? { path: bin } : { reason: `Electron binary missing at ${bin}` };
}

test('Electron shell launches and shows first-run setup', async () => {
  const bin = electronBinary();
  if ('reason' in bin) {
    console.log(`SKIPPED electron smoke test: ${bin.reason}`);
    test.skip(true, bin.reason);
    return;
  }
  if (!existsSync('out/main/index.js')) test.skip(true, 'run `npm run build` first (out/main/index.js missing)');
  const userData = mkdtempSync(path.join(tmpdir(), 'ew-electron-'));
  const app = await electron.launch({
    executablePath: bin.path,
    args: ['.', `--user-data-dir=${userData}`, '--no-sandbox'],
    env: { ...withProjectFonts(), ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByText('初始化')).toBeVisible({ timeout: 30_000 });
    const isolated = await win.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    expect(isolated).toBe(true);
    await win.screenshot({ path: 'test-results/screens/electron-setup.png' });
  } finally {
    await app.close();
  }
});

// Builds better-sqlite3 for Electron's ABI into out/native-electron/better_sqlite3.node, leaving
// node_modules built for Node so `npm test` keeps working. Run by `npm start`; a packaged app gets
// its own rebuild from electron-builder instead. The build happens in a temporary folder outside the
// project, so electron-rebuild cannot touch the project's own node_modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
const target = path.resolve('out/native-electron');
const binary = path.join(target, 'better_sqlite3.node');
const stamp = path.join(target, 'stamp.json');
const want = JSON.stringify({ electronVersion, sqliteVersion });

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) process.exit(0);

console.log(`Building the SQLite driver (better-sqlite3 ${sqliteVersion}) for Electron ${electronVersion}, once…`);
const work = mkdtempSync(path.join(tmpdir(), 'ew-native-'));
try {
  cpSync(sqliteDir, path.join(work, 'node_modules/better-sqlite3'), { recursive: true });
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'native-electron', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  const rebuild = path.resolve('node_modules/.bin/electron-rebuild');
  execFileSync(rebuild, ['--version', electronVersion, '--module-dir', work, '--only', 'better-sqlite3', '--force'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  mkdirSync(target, { recursive: true });
  copyFileSync(path.join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binary);
  writeFileSync(stamp, want);
} catch {
  console.error(
    'Could not build the SQLite driver for Electron. The first start needs the internet (Electron headers or a prebuilt driver) ' +
      'and, without a prebuilt one, C++ build tools. The browser mode (`npm run web`) works without it.',
  );
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Builds better-sqlite3 for Electron's ABI into out/native-electron, leaving node_modules built for
// Node so `npm test` keeps working. Run by `npm start`; a packaged app gets its own rebuild from
// electron-builder instead.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
const target = path.resolve('out/native-electron');
const stamp = path.join(target, 'stamp.json');
const want = JSON.stringify({ electronVersion, sqliteVersion });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) process.exit(0);

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
rmSync(target, { recursive: true, force: true });
mkdirSync(path.join(target, 'node_modules'), { recursive: true });
cpSync(sqliteDir, path.join(target, 'node_modules/better-sqlite3'), { recursive: true });
writeFileSync(path.join(target, 'package.json'), JSON.stringify({ name: 'native-electron', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
const rebuild = path.resolve('node_modules/.bin/electron-rebuild');
execFileSync(rebuild, ['--version', electronVersion, '--module-dir', target, '--only', 'better-sqlite3', '--force'], { stdio: 'inherit', shell: process.platform === 'win32' });
writeFileSync(stamp, want);

// Issue 13: the domains own their tables' SQL; the API and the entry points only check, call and shape.
// Scans the source for the three ways better-sqlite3 runs SQL: prepare(), exec() and pragma().
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const NO_SQL = ['main/api', 'main/host', 'main/app', 'main/cli'];

/** `.prepare(`, `.pragma(` and `.exec(` on anything but a regular expression (`/re/.exec(`, `RE.exec(`, `re.exec(`). */
const SQL_CALL = /\.\s*(prepare|pragma)\s*\(|(?<!\/[a-z]*|\b[A-Z][A-Z0-9_]*|\bre|Re)\.\s*exec\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

export function sqlCalls(dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SQL_CALL.test(line.replace(/\/\/.*$/, ''))) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe('no SQL outside main/store and the domain modules', () => {
  it('finds none in main/api, main/host, main/app or main/cli', () => {
    expect(sqlCalls(NO_SQL)).toEqual([]);
  });

  it('sees SQL where it is (the scan is not blind): the store and the domains run it', () => {
    const inDomains = sqlCalls(['main/store', 'main/library', 'main/access', 'main/audit']);
    expect(inDomains.some((l) => l.startsWith('main/store/') && l.includes('.pragma('))).toBe(true);
    expect(inDomains.some((l) => l.startsWith('main/library/') && l.includes('.prepare('))).toBe(true);
    expect(inDomains.some((l) => l.includes('.exec('))).toBe(true);
  });

  it('tells SQL from regular expressions', () => {
    expect(SQL_CALL.test("db.prepare('SELECT 1')")).toBe(true);
    expect(SQL_CALL.test('  .prepare(')).toBe(true);
    expect(SQL_CALL.test("db.exec('BEGIN')")).toBe(true);
    expect(SQL_CALL.test("db().pragma('foreign_keys = ON')")).toBe(true);
    expect(SQL_CALL.test("const m = /^x$/i.exec(header);")).toBe(false);
    expect(SQL_CALL.test('const m = MEDIA_PATH.exec(p);')).toBe(false);
  });
});

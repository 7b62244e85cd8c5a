// DESIGN.md §9, issue 13: the checks run without --user only read the archive. They open no store for
// writing: no migration, no switch to WAL, no -wal or -shm left beside the database, not a byte changed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openStore, openStoreReadOnly } from '../../../main/store';
import { TestClock, tempDir } from '../../support/services';
import { runInProcess } from './run-cli';

const clock = new TestClock();
const cli = (args: string[], vars: Record<string, string> = {}) => runInProcess(args, { clock, vars });
let archive: string;
let dbFile: string;

/** Every file and folder under the archive, with the database's bytes. */
function snapshot(): { tree: string[]; db: Buffer } {
  return { tree: readdirSync(archive, { recursive: true }).map(String).sort(), db: readFileSync(dbFile) };
}

beforeAll(async () => {
  archive = path.join(tempDir(), 'archive');
  dbFile = path.join(archive, 'evidence.db');
  const init = await cli(['init', '--archive', archive, '--office', '某某镇综合行政执法大队', '--admin', 'admin'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
  expect(init.code, init.stderr).toBe(0);
}, 60_000);

describe('read-only CLI commands', () => {
  it('verify, register and supervision without --user leave the database byte for byte as it was, and create no file', async () => {
    const before = snapshot();
    expect(before.tree).not.toContain('evidence.db-wal');
    expect(before.db[18], 'the archive at rest is a WAL database').toBe(2);

    const verify = await cli(['verify', '--archive', archive, '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).auditChain.entries, 'it read the audit log').toBeGreaterThan(0);
    const register = await cli(['register', '--archive', archive, '--from', '2026-01-01', '--to', '2026-12-31', '--json']);
    expect(register.code, register.stderr).toBe(0);
    const supervision = await cli(['supervision', '--archive', archive, '--date', '2026-11-19', '--json']);
    expect(supervision.code, supervision.stderr).toBe(0);

    const after = snapshot();
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(existsSync(`${dbFile}-shm`)).toBe(false);
    expect(after.tree).toEqual(before.tree);
    expect(after.db.equals(before.db), 'evidence.db unchanged').toBe(true);
  }, 60_000);

  it('does not switch a database kept in rollback-journal mode (a restored copy, say) to WAL', async () => {
    const db = openDatabase(dbFile);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = snapshot();
    expect(before.db[18], 'rollback journal').toBe(1);
    const verify = await cli(['verify', '--archive', archive]);
    expect(verify.code, verify.stderr).toBe(0);
    const after = snapshot();
    expect(after.db[18], 'still rollback journal').toBe(1);
    expect(after.db.equals(before.db), 'evidence.db unchanged').toBe(true);
    expect(after.tree).toEqual(before.tree);
    const back = openDatabase(dbFile); // puts it back in WAL for the tests below
    back.close();
  }, 60_000);

  it('refuses to write through the read-only store', () => {
    const store = openStoreReadOnly(archive);
    try {
      expect(() => store.db.prepare("UPDATE office SET name = 'x'").run()).toThrow(/readonly/i);
    } finally {
      store.close();
    }
  });

  it('reads what the running program has committed but not yet folded into the file (its WAL)', () => {
    const running = openStore(archive, clock);
    try {
      running.db.prepare("UPDATE office SET name = '在运行中改名' WHERE id = 1").run();
      expect(existsSync(`${dbFile}-wal`)).toBe(true);
      const store = openStoreReadOnly(archive);
      try {
        expect(store.db.prepare('SELECT name FROM office').get()).toEqual({ name: '在运行中改名' });
      } finally {
        store.close();
      }
    } finally {
      running.close();
    }
  });

  it('does not migrate an archive whose schema is older than the program: it says so (exit 2)', async () => {
    const old = path.join(tempDir(), 'old');
    await cli(['init', '--archive', old, '--office', '某某镇', '--admin', 'admin'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
    const db = openDatabase(path.join(old, 'evidence.db'));
    db.prepare('DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)').run();
    db.close();
    const before = readFileSync(path.join(old, 'evidence.db'));
    const r = await cli(['verify', '--archive', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCHEMA_OUT_OF_DATE');
    expect(readFileSync(path.join(old, 'evidence.db')).equals(before)).toBe(true);
  }, 60_000);
});

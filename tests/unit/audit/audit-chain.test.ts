import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { migrate, openDatabase, type Db, type UserId } from '../../../main/store';
import { appendAudit, verifyAuditChain, type ChainReport } from '../../../main/audit';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');
/** The same day as the rows (Asia/Shanghai): nothing is due for a seal yet. */
const verify = (db: Db): ChainReport => {
  const opts = { timeZone: 'Asia/Shanghai', now: new Date(Date.UTC(2026, 10, 20, 3)), sealsDir: tempDir(), verifySeal: () => ({ ok: false, reason: 'no seals expected' }) };
  const alone = verifyAuditChain(db, { ...opts, threads: 1 });
  // A long chain is walked by worker threads in parts: cut into parts of two rows, it must read exactly the same.
  expect(verifyAuditChain(db, { ...opts, threads: 3 })).toEqual(alone);
  return alone;
};

/** Whoever edits the file directly first drops the triggers that keep the log append-only. */
function tamper(db: Db, ...sql: string[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_never_changed; DROP TRIGGER IF EXISTS audit_log_never_deleted;');
  db.transaction(() => {
    for (const q of sql) db.exec(q);
  })();
}

function seed(db: Db, n: number): void {
  for (let i = 1; i <= n; i++) {
    appendAudit(db, {
      actorId: 1 as UserId,
      actorLogin: 'admin',
      action: 'test.step',
      target: `item:${i}`,
      details: { i, note: `第${i}步` },
      at: new Date(Date.UTC(2026, 10, 20, 1, i)),
    });
  }
}

describe('audit chain', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT);
    seed(db, 6);
  });

  it('verifies an untouched chain', () => {
    const r = verify(db);
    expect(r).toMatchObject({ ok: true, entries: 6, headSeq: 6, problems: [] });
  });

  it.each([
    ['an edited row', "UPDATE audit_log SET details = json_set(details, '$.note', '篡改') WHERE seq = 3", 3, 'edited'],
    ['an edited actor even when the details stay the same', "UPDATE audit_log SET actor_login = 'someone' WHERE seq = 2", 2, 'edited'],
    ['a deleted row (at the row after it)', 'DELETE FROM audit_log WHERE seq = 4', 5, 'deleted'],
  ])('finds %s and names it', (_name, sql, seq, kind) => {
    tamper(db, sql);
    const r = verify(db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq, kind })]);
  });

  it('finds two rows swapped in order', () => {
    tamper(db, 'UPDATE audit_log SET seq = -1 WHERE seq = 3', 'UPDATE audit_log SET seq = 3 WHERE seq = 4', 'UPDATE audit_log SET seq = 4 WHERE seq = -1');
    const r = verify(db);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('reordered');
    expect(r.problems[0]?.seq).toBe(3);
  });

  it('finds an inserted row that pretends to belong', () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    tamper(db, 'UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3');
    db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash) VALUES (3, ?, 1, ?, ?, ?, ?, ?, ?)').run(
      row.at,
      'admin',
      'test.forged',
      'x',
      '{}',
      row.hash,
      'f'.repeat(64),
    );
    const r = verify(db);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ seq: 3, kind: 'edited' });
  });

  it.each([
    ['numbering that starts above 1', 'UPDATE audit_log SET seq = seq + 10', 11, /rows 1\.\.10 are missing/],
    ['a hole in the numbering with every link intact', 'UPDATE audit_log SET seq = seq + 1 WHERE seq >= 4', 5, /row 4 is missing/],
  ])('%s is a seq gap', (_name, sql, seq, message) => {
    // Shift from the top down so no two rows ever hold the same number.
    tamper(db, sql.replace('seq + ', 'seq * -1 - '), 'UPDATE audit_log SET seq = -seq WHERE seq < 0');
    const r = verify(db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq, kind: 'seq_gap', message: expect.stringMatching(message) })]);
  });

  it('stores details as they are hashed (canonical JSON), so verify checks them without parsing', () => {
    const r = db.prepare('SELECT details FROM audit_log WHERE seq = 2').get() as { details: string };
    expect(r.details).toBe(canonicalize(JSON.parse(r.details)));
  });

  it('rows written before details were stored canonically still verify, and an edit of one is still found', () => {
    const prev = db.prepare('SELECT hash FROM audit_log WHERE seq = 6').get() as { hash: string };
    const at = new Date(Date.UTC(2026, 10, 20, 2)).toISOString();
    // As appendAudit used to write it: the hash over canonical JSON, the details as JSON.stringify gave them (keys unsorted).
    const details = { z: 1, a: '旧格式' };
    const body = canonicalize({ at, actorId: 1, actorLogin: 'admin', action: 'test.legacy', target: null, details });
    const hash = createHash('sha256').update(prev.hash + body).digest('hex');
    db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash) VALUES (7, ?, 1, ?, ?, NULL, ?, ?, ?)').run(
      at, 'admin', 'test.legacy', JSON.stringify(details), prev.hash, hash,
    );
    expect(verify(db)).toMatchObject({ ok: true, entries: 7, problems: [] });
    tamper(db, `UPDATE audit_log SET details = '{"z":2,"a":"旧格式"}' WHERE seq = 7`);
    expect(verify(db).problems).toEqual([expect.objectContaining({ seq: 7, kind: 'edited' })]);
  });

  it('the database itself refuses to change or delete an audit entry', () => {
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/audit entries never change/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 6').run()).toThrow(/audit entries are never deleted/);
    expect(verify(db)).toMatchObject({ ok: true, entries: 6 });
  });
});

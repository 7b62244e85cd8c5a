import { beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { appendAudit, migrate, openDatabase, verifyAuditChain, type Db, type UserId } from '../../../main/store';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

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
    const r = verifyAuditChain(db);
    expect(r).toMatchObject({ ok: true, entries: 6, headSeq: 6, problems: [] });
  });

  it('finds an edited row and names it', () => {
    db.prepare("UPDATE audit_log SET details = json_set(details, '$.note', '篡改') WHERE seq = 3").run();
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'edited' })]);
  });

  it('finds an edited actor even when the details stay the same', () => {
    db.prepare("UPDATE audit_log SET actor_login = 'someone' WHERE seq = 2").run();
    expect(verifyAuditChain(db).problems).toEqual([expect.objectContaining({ seq: 2, kind: 'edited' })]);
  });

  it('finds a deleted row', () => {
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq: 5, kind: 'deleted' })]);
  });

  it('finds two rows swapped in order', () => {
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = -1').run();
    })();
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('reordered');
    expect(r.problems[0]?.seq).toBe(3);
  });

  it('finds an inserted row that pretends to belong', () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    db.prepare('UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3').run();
    db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash) VALUES (3, ?, 1, ?, ?, ?, ?, ?, ?)').run(
      row.at,
      'admin',
      'test.forged',
      'x',
      '{}',
      row.hash,
      'f'.repeat(64),
    );
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ seq: 3, kind: 'edited' });
  });
});

import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openDatabase, type Db, type UserId } from '../../../main/store';
import { appendAudit, sealPastDays, verifyAuditChain } from '../../../main/audit';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

const V7 = MIGRATIONS.findIndex((m) => m.version === 7);
const TZ = 'Asia/Shanghai';
const H = (c: string) => c.repeat(64);

/** A stand-in signature for store tests (real CMS is tested through the API with OpenSSL). */
const sign = (content: Buffer) => createHash('sha256').update('test-key').update(content).digest();
const verifySeal = (content: Buffer, signature: Buffer) => ({ ok: sign(content).equals(signature) });

/** What a seal signed before version 7, as the old code wrote it. */
const oldSealText = (day: string, seq: number, hash: string) => Buffer.from(`evidence-audit-seal\nday=${day}\nhead_seq=${seq}\nhead_hash=${hash}\n`, 'utf8');

/** A version-6 archive: two audit rows on 2026-11-20 (Shanghai), sealed the old way at a login on 11-21. */
function before7(): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V7));
  db.exec(`INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'admin', 'A', 'h', 'k', 'c', 'now', 'now')`);
  const at = (iso: string) => new Date(iso);
  appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action: 'office.setup', target: 'office', at: at('2026-11-20T02:00:00Z') });
  const head = appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action: 'user.create', target: 'user:2', at: at('2026-11-20T03:00:00Z') });
  appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action: 'session.login', target: 'user:1', at: at('2026-11-21T01:00:00Z') });
  db.prepare('INSERT INTO audit_seals (day, head_seq, head_hash, signer_id, signature, sealed_at) VALUES (?, ?, ?, 1, ?, ?)').run(
    '2026-11-20',
    head.seq,
    head.hash,
    sign(oldSealText('2026-11-20', head.seq, head.hash)),
    '2026-11-21T01:00:00.000Z',
  );
  return db;
}

const verify = (db: Db, sealsDir: string, now: string) => verifyAuditChain(db, { timeZone: TZ, now: new Date(now), sealsDir, verifySeal });

describe('migration 0007 seal chain', () => {
  it('applies on top of the earlier schema with data in place, once; existing seals are kept as legacy', () => {
    const db = before7();
    expectAppliesOnce(db, 7);
    expect(db.prepare('SELECT day, first_seq, head_seq, prev_seal_hash, late, legacy, content FROM audit_seals').all()).toEqual([
      { day: '2026-11-20', first_seq: null, head_seq: 2, prev_seal_hash: null, late: 0, legacy: 1, content: null },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 3 });
  });

  it('a chained seal must carry its signed content, its first row and the previous seal hash; one seal per head row', () => {
    const db = before7();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V7 + 1));
    const ins = db.prepare(
      `INSERT INTO audit_seals (day, first_seq, head_seq, head_hash, prev_seal_hash, legacy, content, signer_id, signature, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, x'00', 'now')`,
    );
    expect(() => ins.run('2026-11-21', 3, 3, H('a'), H('b'), 0, null)).toThrow(/CHECK/);
    expect(() => ins.run('2026-11-21', null, 3, H('a'), H('b'), 0, '{}')).toThrow(/CHECK/);
    expect(() => ins.run('2026-11-21', 3, 3, H('a'), 'short', 0, '{}')).toThrow(/CHECK/);
    expect(() => ins.run('2026-11-21', 4, 3, H('a'), H('b'), 0, '{}')).toThrow(/CHECK/);
    expect(() => ins.run('2026-11-21', 1, 2, H('a'), H('b'), 0, '{}')).toThrow(/UNIQUE/);
    ins.run('2026-11-21', 3, 3, H('a'), H('b'), 0, '{}');
  });

  it('the audit log and the seals are append-only: UPDATE and DELETE are refused, INSERT is not', () => {
    const db = before7();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V7 + 1));
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/audit entries never change/);
    expect(() => db.prepare('UPDATE audit_log SET seq = seq + 10').run()).toThrow(/audit entries never change/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/audit entries are never deleted/);
    expect(() => db.prepare('DELETE FROM audit_seals').run()).toThrow(/audit seals are never deleted/);
    expect(() => db.prepare("UPDATE audit_seals SET head_hash = 'x'").run()).toThrow(/audit seals never change/);
    appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action: 'x.y', target: null, at: new Date('2026-11-21T02:00:00Z') });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 4 });
  });

  it('a legacy seal still verifies, is named as having no file, and the first chained seal links to it', () => {
    const db = before7();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V7 + 1));
    const sealsDir = tempDir('ew-seals-');
    const first = verify(db, sealsDir, '2026-11-21T05:00:00Z');
    expect(first.problems).toEqual([]);
    expect(first.warnings.map((w) => w.kind)).toEqual(['seal_legacy']);

    const made = sealPastDays(db, { seals: sealsDir, tmp: tempDir() }, { timeZone: TZ, now: new Date('2026-11-22T01:00:00Z'), signer: { id: 1 as UserId, login: 'admin', sign }, verify: verifySeal });
    expect(made).toEqual([{ day: '2026-11-21', late: false, restored: false, fileWritten: true }]);
    const chained = db.prepare("SELECT first_seq, prev_seal_hash FROM audit_seals WHERE day = '2026-11-21'").get();
    const legacy = db.prepare("SELECT head_hash FROM audit_seals WHERE day = '2026-11-20'").get() as { head_hash: string };
    expect(chained).toEqual({ first_seq: 3, prev_seal_hash: createHash('sha256').update(oldSealText('2026-11-20', 2, legacy.head_hash)).digest('hex') });
    const after = verify(db, sealsDir, '2026-11-22T01:00:00Z');
    expect(after.problems).toEqual([]);
    expect(after.sealedDays).toBe(2);
  });

  it('a legacy seal whose signature no longer matches is still caught', () => {
    const db = before7();
    // Rewritten before the upgrade: the old seal now names a head the signature never covered.
    db.prepare("UPDATE audit_seals SET head_hash = ?").run(H('c'));
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V7 + 1));
    expect(verify(db, tempDir(), '2026-11-21T05:00:00Z').problems.map((p) => p.kind)).toEqual(['seal_missing_row', 'seal_invalid']);
  });
});

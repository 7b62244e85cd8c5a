import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openDatabase, type Db, type UserId } from '../../../main/store';
import { appendAudit } from '../../../main/audit';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

const V8 = MIGRATIONS.findIndex((m) => m.version === 8);

/**
 * A version-7 archive: admin (1); wangwu (2), whose password was reset twice (certificates a, b, then c);
 * lisi (3), disabled through users.update and audited; zhao (4), disabled with no audit entry for it.
 */
function before8(): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V8));
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, disabled, created_at, updated_at) VALUES
      (1, 'admin', 'A', 'h', 'k', 'cert-admin', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
      (2, 'wangwu', 'W', 'h', 'k', 'cert-c', 0, '2026-01-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
      (3, 'lisi', 'L', 'h', 'k', 'cert-lisi', 1, '2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
      (4, 'zhao', 'Z', 'h', 'k', 'cert-zhao', 1, '2026-01-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z');
    INSERT INTO user_certificates (serial_hex, user_id, cert_pem, issued_at) VALUES
      ('a1', 1, 'cert-admin', '2026-01-01T00:00:00.000Z'),
      ('b1', 2, 'cert-a', '2026-01-01T00:00:00.000Z'),
      ('b2', 2, 'cert-b', '2026-03-01T00:00:00.000Z'),
      ('b3', 2, 'cert-c', '2026-05-01T00:00:00.000Z'),
      ('c1', 3, 'cert-lisi', '2026-01-01T00:00:00.000Z'),
      ('d1', 4, 'cert-zhao', '2026-01-01T00:00:00.000Z');
  `);
  const update = (at: string, before: boolean, after: boolean) =>
    appendAudit(db, {
      actorId: 1 as UserId,
      actorLogin: 'admin',
      action: 'user.update',
      target: 'user:3',
      details: { before: { disabled: before }, after: { disabled: after } },
      at: new Date(at),
    });
  update('2026-04-01T00:00:00.000Z', false, true);
  update('2026-05-01T00:00:00.000Z', true, false);
  update('2026-06-01T00:00:00.000Z', false, true); // the disabling that stands
  update('2026-07-01T00:00:00.000Z', true, true); // a later edit of the disabled account
  return db;
}

describe('migration 0008 certificate revocations', () => {
  it('applies on top of the earlier schema with data in place, once', () => {
    const db = before8();
    expectAppliesOnce(db, 8);
  });

  it('revokes what happened before: replaced certificates when the next was issued, disabled accounts at their audited disabling', () => {
    const db = before8();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V8 + 1));
    expect(db.prepare('SELECT serial_hex, user_id, revoked_at, reason, revoked_by FROM cert_revocations ORDER BY serial_hex').all()).toEqual([
      { serial_hex: 'b1', user_id: 2, revoked_at: '2026-03-01T00:00:00.000Z', reason: 'password_reset', revoked_by: null },
      { serial_hex: 'b2', user_id: 2, revoked_at: '2026-05-01T00:00:00.000Z', reason: 'password_reset', revoked_by: null },
      { serial_hex: 'c1', user_id: 3, revoked_at: '2026-06-01T00:00:00.000Z', reason: 'account_disabled', revoked_by: null },
      // No audited disabling: the account's last change is the best time there is.
      { serial_hex: 'd1', user_id: 4, revoked_at: '2026-08-01T00:00:00.000Z', reason: 'account_disabled', revoked_by: null },
    ]);
  });

  it('a revocation names a certificate of its own user, with a known reason; it never changes or goes away', () => {
    const db = before8();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V8 + 1));
    const add = db.prepare('INSERT INTO cert_revocations (serial_hex, user_id, revoked_at, reason, revoked_by) VALUES (?, ?, ?, ?, 1)');
    expect(() => add.run('a1', 2, 'now', 'password_reset')).toThrow(/a certificate of its own user/);
    expect(() => add.run('zz', 1, 'now', 'password_reset')).toThrow(/a certificate of its own user/);
    expect(() => add.run('a1', 1, 'now', 'lost')).toThrow(/CHECK/);
    expect(() => add.run('b3', 2, 'now', 'password_reset')).not.toThrow();
    expect(() => add.run('b3', 2, 'later', 'password_reset')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE cert_revocations SET revoked_at = '2099-01-01T00:00:00.000Z'").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM cert_revocations').run()).toThrow(/never deleted/);
  });
});

import type { Migration } from './migration';

/**
 * Certificate revocations (issue 10, item 14). A user's certificate is revoked when a password reset
 * gives him a new key, or when his account is disabled; a signature by a revoked certificate counts
 * only if its signing time is before the revocation. Re-enabling an account takes a password reset,
 * which issues a new key and certificate, so a revocation is never undone: the table is append-only.
 *
 * Filled from what happened before this version: a certificate a reset replaced is revoked when the
 * next one was issued; the certificate of an account that is disabled now is revoked at its last
 * audited disabling (or, with no such audit entry, at the account's last change).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'cert_revocations',
  up: `
    CREATE TABLE cert_revocations (
      serial_hex TEXT PRIMARY KEY REFERENCES user_certificates(serial_hex),
      user_id    INTEGER NOT NULL REFERENCES users(id),
      revoked_at TEXT NOT NULL,
      reason     TEXT NOT NULL CHECK (reason IN ('password_reset', 'account_disabled')),
      -- Who revoked it; NULL for revocations this migration filled in.
      revoked_by INTEGER REFERENCES users(id)
    );

    CREATE TRIGGER cert_revocations_of_own_certificate BEFORE INSERT ON cert_revocations
    WHEN NOT EXISTS (SELECT 1 FROM user_certificates WHERE serial_hex = NEW.serial_hex AND user_id = NEW.user_id)
    BEGIN SELECT RAISE(ABORT, 'a revocation names a certificate of its own user'); END;
    CREATE TRIGGER cert_revocations_never_changed BEFORE UPDATE ON cert_revocations
    BEGIN SELECT RAISE(ABORT, 'certificate revocations never change'); END;
    CREATE TRIGGER cert_revocations_never_deleted BEFORE DELETE ON cert_revocations
    BEGIN SELECT RAISE(ABORT, 'certificate revocations are never deleted'); END;

    INSERT INTO cert_revocations (serial_hex, user_id, revoked_at, reason)
      SELECT c.serial_hex, c.user_id,
             COALESCE((SELECT MIN(n.issued_at) FROM user_certificates n WHERE n.user_id = c.user_id AND n.issued_at > c.issued_at), u.updated_at),
             'password_reset'
        FROM user_certificates c JOIN users u ON u.id = c.user_id
       WHERE c.cert_pem <> u.cert_pem;

    INSERT INTO cert_revocations (serial_hex, user_id, revoked_at, reason)
      SELECT c.serial_hex, u.id,
             COALESCE((SELECT MAX(a.at) FROM audit_log a
                        WHERE a.action = 'user.update' AND a.target = 'user:' || u.id
                          AND json_extract(a.details, '$.before.disabled') = 0 AND json_extract(a.details, '$.after.disabled') = 1), u.updated_at),
             'account_disabled'
        FROM users u JOIN user_certificates c ON c.user_id = u.id AND c.cert_pem = u.cert_pem
       WHERE u.disabled = 1;
  `,
};

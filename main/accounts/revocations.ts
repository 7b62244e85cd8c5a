import { verifyDetached, type Pem, type SignatureCheck, type VerifyArgs } from '../crypto';
import type { Db } from '../store';

export type RevocationReason = 'password_reset' | 'account_disabled';

export interface Revocation {
  serialHex: string;
  userId: number;
  revokedAt: Date;
  reason: RevocationReason;
}

const REASON_TEXT: Record<RevocationReason, string> = { password_reset: 'password reset, new key issued', account_disabled: 'account disabled' };

/**
 * Revokes every certificate of a user not revoked yet (a renewed one and its predecessor share a key),
 * but `keep` (the new certificate a reset issues). Returns the serials revoked now. Call in the
 * transaction that audits the cause; a certificate already revoked keeps its first revocation.
 */
export function revokeUserCertificates(
  db: Db,
  r: { userId: number; at: Date; reason: RevocationReason; by: number | null; keep?: string },
): string[] {
  const rows = db
    .prepare(
      `INSERT INTO cert_revocations (serial_hex, user_id, revoked_at, reason, revoked_by)
         SELECT serial_hex, user_id, ?, ?, ? FROM user_certificates
          WHERE user_id = ? AND serial_hex <> ? AND serial_hex NOT IN (SELECT serial_hex FROM cert_revocations)
          ORDER BY serial_hex
       RETURNING serial_hex AS serial`,
    )
    .all(r.at.toISOString(), r.reason, r.by, r.userId, r.keep ?? '') as { serial: string }[];
  return rows.map((x) => x.serial).sort();
}

export function revocationOf(db: Db, serialHex: string): Revocation | null {
  const row = db.prepare('SELECT serial_hex, user_id, revoked_at, reason FROM cert_revocations WHERE serial_hex = ?').get(serialHex) as
    | { serial_hex: string; user_id: number; revoked_at: string; reason: RevocationReason }
    | undefined;
  return row ? { serialHex: row.serial_hex, userId: row.user_id, revokedAt: new Date(row.revoked_at), reason: row.reason } : null;
}

/**
 * A good signature stays good if it was made before its certificate was revoked, and is refused if
 * made at or after it. Signing times are whole seconds, so a signature in the second of the revocation
 * counts as after it. The signing time is the signer's own statement: this stops whoever holds an old
 * key from signing as of now, not from backdating (the audit chain and its seals date what was signed).
 */
export function checkRevocation(db: Db, check: SignatureCheck): SignatureCheck {
  if (!check.ok || check.signerSerialHex === undefined) return check;
  const r = revocationOf(db, check.signerSerialHex);
  if (!r) return check;
  const revokedSecond = Math.floor(r.revokedAt.getTime() / 1000) * 1000;
  if (check.signingTime && check.signingTime.getTime() < revokedSecond) return check;
  const signed = check.signingTime ? `was made at ${check.signingTime.toISOString()}` : 'has no signing time';
  return {
    ...check,
    ok: false,
    reason: `signer certificate ${r.serialHex} was revoked at ${r.revokedAt.toISOString()} (${REASON_TEXT[r.reason]}); this signature ${signed}, not before that`,
  };
}

/**
 * Checks a detached signature against the office CA and the archive's revocations. `check` is verifyDetached, or
 * verifyDetachedQuick where thousands are checked at once (the audit chain's day seals).
 */
export function revocationAwareVerifier(
  db: Db,
  caCertPem: Pem,
  check: (args: VerifyArgs) => SignatureCheck = verifyDetached,
): (content: Buffer, signatureDer: Buffer) => SignatureCheck {
  return (content, signatureDer) => checkRevocation(db, check({ content, signatureDer, caCertPem }));
}

import { certificateInfo, issueUserCertificate, randomSerialHex, type Pem } from '../crypto';
import type { Db } from '../store';
import { publicKeyOfCert, recordCertificate, type OfficeCa } from './users';

/** A certificate this close to its end is renewed. */
export const RENEW_WITHIN_DAYS = 180;

export interface Renewed {
  userId: number;
  login: string;
  oldSerial: string;
  newSerial: string;
  notAfter: Date;
  certPem: Pem;
}

/**
 * Gives every active account whose certificate ends within RENEW_WITHIN_DAYS a new certificate for the
 * same key: his password, key and earlier signatures stay as they are, and the old certificate simply
 * runs out. Only admins hold the CA key, so this runs at an admin's login (the admin is also the
 * custodian, who logs in every working day); call it in that login's transaction and audit each one.
 * Nothing is renewed once the CA itself has no time left to give.
 */
export function renewExpiringCertificates(db: Db, ca: OfficeCa, now: Date): Renewed[] {
  const rows = db.prepare('SELECT id, login, display_name, cert_pem FROM users WHERE disabled = 0 ORDER BY id').all() as {
    id: number;
    login: string;
    display_name: string;
    cert_pem: string;
  }[];
  const caEnds = certificateInfo(ca.certPem).notAfter;
  const renewed: Renewed[] = [];
  for (const u of rows) {
    let old;
    try {
      old = certificateInfo(u.cert_pem as Pem);
    } catch {
      continue; // unreadable: not ours to renew (and no reason to refuse the admin's login)
    }
    if (old.notAfter.getTime() - now.getTime() > RENEW_WITHIN_DAYS * 24 * 3600_000 || caEnds <= old.notAfter) continue;
    const serialHex = randomSerialHex();
    const certPem = issueUserCertificate({
      ca: { certPem: ca.certPem, privateKeyPem: ca.privateKeyPem },
      subject: { commonName: u.display_name, organization: ca.unitName, userId: u.login },
      publicKeyPem: publicKeyOfCert(u.cert_pem),
      serialHex,
      now,
    });
    recordCertificate(db, u.id, serialHex, certPem, now.toISOString());
    db.prepare('UPDATE users SET cert_pem = ?, updated_at = ? WHERE id = ?').run(certPem, now.toISOString(), u.id);
    renewed.push({ userId: u.id, login: u.login, oldSerial: old.serialHex, newSerial: serialHex, notAfter: certificateInfo(certPem).notAfter, certPem });
  }
  return renewed;
}

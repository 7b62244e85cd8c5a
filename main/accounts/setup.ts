import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaCertificate, type KeyPairSource, type Pem, type SecretCosts } from '../crypto';
import { AppError } from '../common';
import { readOffice, type Db } from '../store';
import { insertUser, prepareUser, type NewUser, type PreparedUser } from './users';

export interface OfficeSetup {
  officeName: string;
  unitName: string;
  timeZone: string;
  users: NewUser[];
}

export interface PreparedOffice {
  officeName: string;
  unitName: string;
  timeZone: string;
  caCertPem: Pem;
  users: PreparedUser[];
}

/** Creates the office CA and the first accounts' keys; slow, so it runs before the transaction. */
export async function prepareOffice(s: OfficeSetup, now: Date, newKeyPair: KeyPairSource, costs: SecretCosts): Promise<PreparedOffice> {
  const caKeys = await newKeyPair();
  const caCertPem = createCaCertificate({
    subject: { commonName: `${s.unitName} 证据工作站根证书`, organization: s.unitName, organizationalUnit: s.officeName },
    keys: caKeys,
    now,
  });
  const ca = { certPem: caCertPem, privateKeyPem: caKeys.privateKeyPem, unitName: s.unitName };
  const users = await Promise.all(s.users.map((u) => prepareUser(u, ca, now, newKeyPair, costs)));
  return { officeName: s.officeName, unitName: s.unitName, timeZone: s.timeZone, caCertPem, users };
}

/** Writes the office row and first users; call in a transaction. Refuses a second setup. */
export function insertOffice(db: Db, p: PreparedOffice, now: Date): void {
  if (readOffice(db)) throw new AppError('ALREADY_SET_UP', '本工作站已完成初始化', 'office already set up');
  db.prepare('INSERT INTO office (id, name, unit_name, time_zone, ca_cert_pem, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    p.officeName,
    p.unitName,
    p.timeZone,
    p.caCertPem,
    now.toISOString(),
  );
  for (const u of p.users) insertUser(db, u, now);
}

/** The CA certificate as a plain file, so discs and outside tools can check signatures without us. */
export function writeCaFile(certsDir: string, caCertPem: string): string {
  const file = path.join(certsDir, 'office-ca.pem');
  writeFileSync(file, caCertPem, { mode: 0o644 });
  return file;
}

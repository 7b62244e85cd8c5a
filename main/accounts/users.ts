import { randomBytes, X509Certificate } from 'node:crypto';
import {
  asPem,
  encryptPrivateKey,
  hashPassword,
  issueUserCertificate,
  normalizeSerialHex,
  type KeyPairSource,
  type Pem,
  type SecretCosts,
} from '../crypto';
import { AppError } from '../common';
import type { Db, Role, UserId } from '../store';
import { wrapForUser } from './ca-key';
import { requireStrongPassword } from './password-policy';

export interface UserSummary {
  id: UserId;
  login: string;
  displayName: string;
  badgeNo: string | null;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  /** The officer this account is (设备 → 人员), if linked. */
  officerId: number | null;
}

export interface UserRow {
  id: number;
  login: string;
  display_name: string;
  badge_no: string | null;
  password_hash: string;
  private_key_enc: string;
  cert_pem: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export function userRoles(db: Db, id: number): Role[] {
  return (db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(id) as { role: Role }[]).map((r) => r.role);
}

export function findUserByLogin(db: Db, login: string): UserRow | null {
  return (db.prepare('SELECT * FROM users WHERE login = ?').get(login) as UserRow | undefined) ?? null;
}

export function findUserById(db: Db, id: number): UserRow | null {
  return (db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined) ?? null;
}

export function toSummary(db: Db, r: UserRow, now: Date): UserSummary {
  return {
    id: r.id as UserId,
    login: r.login,
    displayName: r.display_name,
    badgeNo: r.badge_no,
    roles: userRoles(db, r.id),
    disabled: r.disabled === 1,
    locked: r.locked_until !== null && new Date(r.locked_until) > now,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    officerId: (db.prepare('SELECT id FROM officers WHERE user_id = ?').get(r.id) as { id: number } | undefined)?.id ?? null,
  };
}

export function listUsers(db: Db, now: Date): UserSummary[] {
  return (db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map((r) => toSummary(db, r, now));
}

export interface NewUser {
  login: string;
  displayName: string;
  badgeNo: string | null;
  password: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export interface OfficeCa {
  certPem: Pem;
  privateKeyPem: Pem;
  unitName: string;
}

/** Everything slow about a new user (key generation, scrypt, signing), done before the transaction. */
export interface PreparedUser extends NewUser {
  passwordHash: string;
  privateKeyEnc: string;
  publicKeyPem: Pem;
  certPem: Pem;
  serialHex: string;
  caWrap: string | null;
}

export interface PreparedKeys {
  privateKeyEnc: string;
  publicKeyPem: Pem;
  certPem: Pem;
  serialHex: string;
}

/** A fresh key pair and certificate for a person, the key encrypted under their password. */
export async function prepareKeys(
  u: { login: string; displayName: string; password: string },
  ca: OfficeCa,
  now: Date,
  newKeyPair: KeyPairSource,
  keyIterations: number,
): Promise<PreparedKeys> {
  // Every new password (setup, creation, reset) comes through here: the key is encrypted under it.
  requireStrongPassword(u.password);
  const keys = await newKeyPair();
  // Positive 128-bit serial, normalised the way certificateInfo reads it back.
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const serialHex = normalizeSerialHex(serial.toString('hex'));
  const certPem = issueUserCertificate({
    ca: { certPem: ca.certPem, privateKeyPem: ca.privateKeyPem },
    subject: { commonName: u.displayName, organization: ca.unitName, userId: u.login },
    publicKeyPem: keys.publicKeyPem,
    serialHex,
    now,
  });
  return { privateKeyEnc: await encryptPrivateKey(keys.privateKeyPem, u.password, keyIterations), publicKeyPem: keys.publicKeyPem, certPem, serialHex };
}

export async function prepareUser(u: NewUser, ca: OfficeCa, now: Date, newKeyPair: KeyPairSource, costs: SecretCosts): Promise<PreparedUser> {
  const [keys, passwordHash] = await Promise.all([prepareKeys(u, ca, now, newKeyPair, costs.keyIterations), hashPassword(u.password, costs.passwordScryptN)]);
  const caWrap = u.roles.includes('admin') ? wrapForUser(ca.privateKeyPem, keys.publicKeyPem) : null;
  return { ...u, ...keys, passwordHash, caWrap };
}

/** Inserts a prepared user; call inside a transaction that also audits. */
export function insertUser(db: Db, u: PreparedUser, now: Date): UserId {
  if (findUserByLogin(db, u.login)) throw new AppError('LOGIN_TAKEN', `登录名“${u.login}”已被使用`, `login ${u.login} exists`);
  const at = now.toISOString();
  const id = db
    .prepare(
      `INSERT INTO users (login, display_name, badge_no, password_hash, private_key_enc, cert_pem, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(u.login, u.displayName, u.badgeNo, u.passwordHash, u.privateKeyEnc, u.certPem, u.mustChangePassword ? 1 : 0, at, at)
    .lastInsertRowid as number;
  setRoles(db, id, u.roles);
  recordCertificate(db, id, u.serialHex, u.certPem, at);
  if (u.caWrap) db.prepare('INSERT INTO ca_key_wraps (user_id, wrapped_key) VALUES (?, ?)').run(id, u.caWrap);
  return id as UserId;
}

export function setRoles(db: Db, id: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
  const ins = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const r of new Set(roles)) ins.run(id, r);
}

export function recordCertificate(db: Db, userId: number, serialHex: string, certPem: string, at: string): void {
  db.prepare('INSERT INTO user_certificates (serial_hex, user_id, cert_pem, issued_at) VALUES (?, ?, ?, ?)').run(serialHex, userId, certPem, at);
}

export function countActiveAdmins(db: Db): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.disabled = 0`,
      )
      .get() as { n: number }
  ).n;
}

/** SPKI PEM of the key a certificate certifies. */
export function publicKeyOfCert(certPem: string): Pem {
  return asPem(new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'pem' }).toString());
}

/** A new password on the same key pair, re-encrypted; clears the failed-login count and the lock. */
export function setPassword(db: Db, id: number, passwordHash: string, privateKeyEnc: string, now: Date): void {
  db.prepare(
    'UPDATE users SET password_hash = ?, private_key_enc = ?, must_change_password = 0, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  ).run(passwordHash, privateKeyEnc, now.toISOString(), id);
}

export function updateUserFields(db: Db, id: number, f: { displayName: string; badgeNo: string | null; disabled: boolean }, now: Date): void {
  db.prepare('UPDATE users SET display_name = ?, badge_no = ?, disabled = ?, updated_at = ? WHERE id = ?').run(f.displayName, f.badgeNo, f.disabled ? 1 : 0, now.toISOString(), id);
}

/** A reset: new password hash, key and certificate; the user must change the password at the next login. Re-enables. */
export function resetCredentials(db: Db, id: number, c: { passwordHash: string; privateKeyEnc: string; certPem: string }, now: Date): void {
  db.prepare(
    'UPDATE users SET password_hash = ?, private_key_enc = ?, cert_pem = ?, must_change_password = 1, disabled = 0, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  ).run(c.passwordHash, c.privateKeyEnc, c.certPem, now.toISOString(), id);
}

/** The office CA key wrapped for an admin's key pair; null removes it (no longer an admin). */
export function setCaKeyWrap(db: Db, userId: number, wrapped: string | null): void {
  if (wrapped === null) db.prepare('DELETE FROM ca_key_wraps WHERE user_id = ?').run(userId);
  else db.prepare('INSERT OR REPLACE INTO ca_key_wraps (user_id, wrapped_key) VALUES (?, ?)').run(userId, wrapped);
}

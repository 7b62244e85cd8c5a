import { AppError } from '../common';
import type { Db } from '../store';

/** The person designated to keep and maintain the recorders (art. 7), for one period. */
export interface KeeperTerm {
  id: number;
  userId: number;
  name: string;
  login: string;
  fromAt: string;
  toAt: string | null;
  designatedBy: string;
  note: string | null;
}

interface KeeperRow {
  id: number;
  user_id: number;
  name: string;
  login: string;
  from_at: string;
  to_at: string | null;
  designated_by: string;
  note: string | null;
}

const SELECT = `SELECT k.id, k.user_id, u.display_name AS name, u.login, k.from_at, k.to_at, d.display_name AS designated_by, k.note
  FROM device_keepers k JOIN users u ON u.id = k.user_id JOIN users d ON d.id = k.designated_by`;

const toTerm = (r: KeeperRow): KeeperTerm => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  login: r.login,
  fromAt: r.from_at,
  toAt: r.to_at,
  designatedBy: r.designated_by,
  note: r.note,
});

export function currentKeeper(db: Db): KeeperTerm | null {
  const r = db.prepare(`${SELECT} WHERE k.to_at IS NULL`).get() as KeeperRow | undefined;
  return r ? toTerm(r) : null;
}

/** Every designation, newest first. */
export function keeperHistory(db: Db): KeeperTerm[] {
  return (db.prepare(`${SELECT} ORDER BY k.from_at DESC, k.id DESC`).all() as KeeperRow[]).map(toTerm);
}

/**
 * The chief designates a keeper from now on, ending the previous designation. The keeper receives the recorders
 * and records their checks, so he must be an active account holding the custodian role.
 */
export function designateKeeper(db: Db, args: { userId: number; by: number; at: Date; note: string | null }): { before: KeeperTerm | null; after: KeeperTerm } {
  const user = db
    .prepare(`SELECT u.display_name AS name, u.disabled, EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'custodian') AS custodian FROM users u WHERE u.id = ?`)
    .get(args.userId) as { name: string; disabled: number; custodian: number } | undefined;
  if (!user) throw new AppError('NOT_FOUND', '账户不存在');
  if (user.disabled) throw new AppError('KEEPER_DISABLED', `${user.name} 的账户已停用，不能指定为保管人`);
  if (!user.custodian) throw new AppError('KEEPER_NOT_CUSTODIAN', `${user.name} 不是保管员，保管人须由保管员担任（制度第七条）`);
  const before = currentKeeper(db);
  if (before?.userId === args.userId) throw new AppError('KEEPER_UNCHANGED', `${user.name} 已是保管人`);
  const iso = args.at.toISOString();
  db.prepare('UPDATE device_keepers SET to_at = ? WHERE to_at IS NULL').run(iso);
  db.prepare('INSERT INTO device_keepers (user_id, from_at, designated_by, note) VALUES (?, ?, ?, ?)').run(args.userId, iso, args.by, args.note);
  return { before, after: currentKeeper(db)! };
}

/** Active custodians, the accounts a keeper may be chosen from. */
export function keeperCandidates(db: Db): { id: number; name: string; login: string }[] {
  return db
    .prepare(
      `SELECT u.id, u.display_name AS name, u.login FROM users u
       WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'custodian') ORDER BY u.login`,
    )
    .all() as { id: number; name: string; login: string }[];
}

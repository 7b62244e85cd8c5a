/**
 * A person is one thing (issue 11 item 1): an account with a badge number is the officer with that badge. The
 * link is officers.user_id; the account's badge and the officer's badge are kept equal, and a badge belongs to
 * one account only. Who signs a record form, who handed footage over and whose recorder it was all meet here.
 */
import { AppError } from '../common';
import type { Db } from '../store';
import { findOfficer, findOfficerByBadge, insertOfficer, updateOfficer, type Officer, type OfficerId } from './register';

/** An account as the 人员 screen and the account forms see it: enough to pick one, nothing secret. */
export interface AccountRef {
  id: number;
  login: string;
  displayName: string;
  badgeNo: string | null;
  disabled: boolean;
  /** The officer linked to this account, if any. */
  officerId: number | null;
}

export function listAccountRefs(db: Db): AccountRef[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.login, u.display_name, u.badge_no, u.disabled, (SELECT o.id FROM officers o WHERE o.user_id = u.id) AS officer_id
         FROM users u ORDER BY u.display_name, u.id`,
      )
      .all() as { id: number; login: string; display_name: string; badge_no: string | null; disabled: number; officer_id: number | null }[]
  ).map((r) => ({ id: r.id, login: r.login, displayName: r.display_name, badgeNo: r.badge_no, disabled: r.disabled === 1, officerId: r.officer_id }));
}

function account(db: Db, userId: number): AccountRef {
  const a = listAccountRefs(db).find((x) => x.id === userId);
  if (!a) throw new AppError('NOT_FOUND', '用户不存在', `user ${userId} not found`);
  return a;
}

/** The officer linked to an account, if any. */
export function officerOfAccount(db: Db, userId: number): Officer | null {
  const r = db.prepare('SELECT id FROM officers WHERE user_id = ?').get(userId) as { id: number } | undefined;
  return r ? findOfficer(db, r.id) : null;
}

/** Refuses a badge another account already holds (the same person cannot have two accounts with one badge). */
export function requireBadgeFree(db: Db, badgeNo: string, exceptUserId: number | null): void {
  const other = db.prepare('SELECT login, display_name FROM users WHERE badge_no = ? COLLATE NOCASE AND id IS NOT ?').get(badgeNo, exceptUserId) as
    | { login: string; display_name: string }
    | undefined;
  if (other) throw new AppError('BADGE_TAKEN', `警号“${badgeNo}”已由账户 ${other.display_name}（${other.login}）使用，一个警号只能对应一个账户`, `badge ${badgeNo} held by ${other.login}`);
}

export type LinkChoice =
  /** Link by the account's badge: the officer with that badge, created if none. */
  | { kind: 'auto' }
  /** The admin picked this officer (when the badge matched none and a same-name officer existed). */
  | { kind: 'officer'; officerId: number }
  /** The admin confirmed a new officer although a same-name one exists. */
  | { kind: 'new' };

export interface LinkOutcome {
  officer: Officer | null;
  created: boolean;
  /** The officer the account was linked to before, now unlinked. */
  unlinked: Officer | null;
}

/**
 * Makes the account's officer link agree with its badge; call in the transaction that changed the account.
 * The badge must already be free (requireBadgeFree). Throws OFFICER_AMBIGUOUS, naming the candidates, when no
 * officer has the badge but unlinked officers of the same name exist: the admin picks one or confirms a new one.
 */
export function linkAccountToOfficer(db: Db, userId: number, choice: LinkChoice, now: Date): LinkOutcome {
  const acc = account(db, userId);
  const before = officerOfAccount(db, userId);
  let target: Officer | null = null;
  let created = false;
  if (choice.kind === 'officer') {
    target = findOfficer(db, choice.officerId);
    if (!target) throw new AppError('NOT_FOUND', '人员不存在');

  } else if (acc.badgeNo !== null) {
    target = findOfficerByBadge(db, acc.badgeNo);
    if (!target) {
      const sameName = unlinkedByName(db, acc.displayName);
      if (sameName.length && choice.kind !== 'new') {
        throw new AppError(
          'OFFICER_AMBIGUOUS',
          `没有警号为“${acc.badgeNo}”的人员，但已登记同名人员：${sameName.map((o) => `${o.name}（警号 ${o.badgeNo}）`).join('、')}。请选择要关联的人员，或确认新建人员`,
          `no officer with badge ${acc.badgeNo}; ${sameName.length} same-name candidates`,
        );
      }
      target = insertOfficer(db, { name: acc.displayName, badgeNo: acc.badgeNo }, now);
      created = true;
    }
  }
  if (target && target.userId !== null && target.userId !== userId) {
    const holder = account(db, target.userId);
    throw new AppError('OFFICER_LINKED', `人员 ${target.name}（警号 ${target.badgeNo}）已关联账户 ${holder.displayName}（${holder.login}）`, 'officer linked elsewhere');
  }
  const unlinked = before && before.id !== target?.id ? updateOfficer(db, before.id, { userId: null }) : null;
  if (target && target.userId !== userId) target = updateOfficer(db, target.id, { userId });
  // The account carries the officer's badge: one number for one person everywhere (a picked officer's badge wins).
  const adopt = target !== null && acc.badgeNo?.toLowerCase() !== target.badgeNo.toLowerCase();
  if (target && adopt) requireBadgeFree(db, target.badgeNo, userId);
  if (target && adopt) db.prepare('UPDATE users SET badge_no = ?, updated_at = ? WHERE id = ?').run(target.badgeNo, now.toISOString(), userId);
  return { officer: target, created, unlinked };
}

/**
 * The 人员 screen's link: this officer belongs to that account (or to none). The account takes the officer's
 * badge when it has none; an account with another badge, or one linked to another officer, is refused.
 */
export function setOfficerAccount(db: Db, officerId: OfficerId, userId: number | null, now: Date): Officer {
  const o = findOfficer(db, officerId);
  if (!o) throw new AppError('NOT_FOUND', '人员不存在');
  if (userId === null) return updateOfficer(db, officerId, { userId: null });
  const acc = account(db, userId);
  if (acc.badgeNo !== null && acc.badgeNo.toLowerCase() !== o.badgeNo.toLowerCase()) {
    throw new AppError('BADGE_MISMATCH', `账户 ${acc.displayName} 的警号“${acc.badgeNo}”与人员 ${o.name} 的警号“${o.badgeNo}”不一致，不能关联`, 'badge mismatch');
  }
  const other = officerOfAccount(db, userId);
  if (other && other.id !== officerId) {
    throw new AppError('ACCOUNT_LINKED', `账户 ${acc.displayName}（${acc.login}）已关联人员 ${other.name}（警号 ${other.badgeNo}），请先解除`, 'account linked elsewhere');
  }
  return linkAccountToOfficer(db, userId, { kind: 'officer', officerId }, now).officer!;
}

function unlinkedByName(db: Db, name: string): Officer[] {
  return (db.prepare('SELECT id FROM officers WHERE name = ? AND user_id IS NULL ORDER BY badge_no').all(name) as { id: number }[]).map((r) => findOfficer(db, r.id)!);
}

import type { Session } from '../access';
import type { Role } from '../common';
import type { MediaFacts } from './media-facts';

/**
 * Leave to view (rules art. 12, 14). Until the access issue brings requests and grants, leave comes
 * from the role alone: this table is the whole policy, and the access issue replaces it (adding
 * grants per user, media and time window, and narrowing by classification, art. 3).
 */
export const VIEW_POLICY: Readonly<Record<Role, 'role' | 'grant_required'>> = {
  custodian: 'role',
  chief: 'role',
  officer: 'grant_required',
  township_leader: 'grant_required',
  admin: 'grant_required',
};

export type ViewDecision =
  | { allowed: true; /** Recorded in the viewing register, e.g. 'role:chief'. */ basis: string }
  | { allowed: false; code: 'VIEW_NOT_GRANTED' | 'PASSWORD_CHANGE_REQUIRED'; message: string };

/** The one check every media request passes (original, preview and thumbnail alike). */
export function authorizeView(session: Session, _media: Pick<MediaFacts, 'id' | 'classification'>): ViewDecision {
  if (session.mustChangePassword) return { allowed: false, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' };
  const role = session.roles.find((r) => VIEW_POLICY[r] === 'role');
  if (role) return { allowed: true, basis: `role:${role}` };
  return { allowed: false, code: 'VIEW_NOT_GRANTED', message: '您没有查看该资料的权限，请先提出查阅申请并经审批' };
}

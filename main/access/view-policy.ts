/**
 * Leave to view (rules art. 3, 12, 13, 14): the whole policy in one place. ACCESS_RULES says who
 * approves which kind of request; VIEW_RULES says, in order, what lets a person see an original.
 * The office switches parts of it in 系统设置 (office_settings 'access.*'); everything else is here.
 */
import type { Session } from '../accounts';
import { ACCESS_TYPE_LABELS, type Role } from '../common';
import type { Db } from '../store';
import type { AccessPolicyDto, AccessRuleDto } from './types';
import type { AccessType, Classification } from '../common';
import { CLASSIFICATION_LABELS, isClassified, mediaClassification, mediaClassifications } from './classification';
import { grantsCovering, grantsCoveringEach, type GrantRow } from './find';
import type { MediaFacts } from '../library';
import { officeSetting } from '../store';

/** Per request type: who approves it, who may approve their own, and what it can never cover. */
export const ACCESS_RULES: Readonly<Record<AccessType, AccessRuleDto>> = {
  work: {
    type: 'work',
    label: ACCESS_TYPE_LABELS.work,
    article: '第十二条',
    approverRoles: ['chief'],
    // The one exception: both leaders head art. 12's hierarchy and may give themselves work leave; it is still a
    // request, an approval and a register row, marked 本人审批, and never covers a disc.
    selfApprovalRoles: ['chief', 'township_leader'],
    neverFor: [],
    allowsDisc: false,
  },
  case: { type: 'case', label: ACCESS_TYPE_LABELS.case, article: '第十四条', approverRoles: ['township_leader'], selfApprovalRoles: [], neverFor: [], allowsDisc: true },
  public: { type: 'public', label: ACCESS_TYPE_LABELS.public, article: '第十三条', approverRoles: ['chief'], selfApprovalRoles: [], neverFor: ['state_secret'], allowsDisc: true },
};

/** Who views 普通 items by role alone when the office turns strict mode off. */
export const ROLE_VIEWERS_WHEN_NOT_STRICT: readonly Role[] = ['custodian', 'chief', 'township_leader'];

export interface AccessPolicy {
  strict: boolean;
  ownFootageHours: number;
  defaultDays: number;
  maxDays: number;
}

export function readAccessPolicy(db: Db): AccessPolicy {
  return {
    strict: officeSetting(db, 'access.strict') !== '0',
    ownFootageHours: Number(officeSetting(db, 'access.own_footage_hours')) || 0,
    defaultDays: Number(officeSetting(db, 'access.default_days')) || 7,
    maxDays: Number(officeSetting(db, 'access.max_days')) || 30,
  };
}

export function accessPolicyDto(db: Db): AccessPolicyDto {
  return { ...readAccessPolicy(db), rules: Object.values(ACCESS_RULES) };
}

const hasAny = (session: Session, roles: readonly Role[]): boolean => session.roles.some((r) => roles.includes(r));

/** Nobody approves their own request, except where the type's rule lets that role do so. */
export function canApprove(session: Session, req: { type: AccessType; requestedBy: number }): boolean {
  const rule = ACCESS_RULES[req.type];
  return req.requestedBy === session.userId ? hasAny(session, rule.selfApprovalRoles) : hasAny(session, rule.approverRoles);
}

/** The requester may withdraw their own; whoever could approve this type may revoke it. */
export function canRevoke(session: Session, req: { type: AccessType; requestedBy: number }): boolean {
  return req.requestedBy === session.userId || hasAny(session, ACCESS_RULES[req.type].approverRoles);
}

/**
 * Whether an approval in force lets this user see an item of this classification (art. 3): a
 * classified item only by users the approval names; an approval naming nobody serves its requester
 * alone; a type never covers what its rule excludes (国家秘密 is never for public use).
 */
export function grantAdmits(grant: GrantRow, userId: number, classification: Classification): boolean {
  if (ACCESS_RULES[grant.type].neverFor.includes(classification)) return false;
  if (grant.named.length) return grant.named.includes(userId);
  return !isClassified(classification) && grant.requestedBy === userId;
}

/** Whose account the media's officer is and when the media was taken in (the own-footage rule). */
interface Intake {
  userId: number | null;
  createdAt: string;
}

interface ViewContext {
  session: Session;
  media: Pick<MediaFacts, 'id' | 'officerId'>;
  classification: Classification;
  policy: AccessPolicy;
  now: Date;
  /** The approvals in force covering the media (grantsCovering), newest decision first. */
  grants: () => GrantRow[];
  intake: () => Intake | undefined;
}

/** What let a viewing happen; written into the register row. */
export interface ViewBasis {
  rule: ViewRule['id'];
  /** e.g. 'grant:12', 'own-footage', 'role:custodian'. */
  basis: string;
  grant: GrantRow | null;
}

interface ViewRule {
  id: 'grant' | 'own-footage' | 'role';
  /** Shown in 系统设置 so the office can read what it is setting. */
  description: string;
  admits(ctx: ViewContext): ViewBasis | null;
}

/** Tried in order; the first that admits decides the register row. None admits: 403. */
export const VIEW_RULES: readonly ViewRule[] = [
  {
    id: 'grant',
    description: '经批准、在有效期内且未撤销的查阅申请，范围包含该资料（资料本身、所属录像或所属案件）；涉密资料仅限批准时点名的人员',
    admits: ({ session, classification, grants }) => {
      const grant = grants().find((g) => grantAdmits(g, session.userId, classification));
      return grant ? { rule: 'grant', basis: `grant:${grant.id}`, grant } : null;
    },
  },
  {
    id: 'own-footage',
    description: '执法人员在采集后若干小时内查看本人拍摄的普通资料以便分类（默认关闭）',
    admits: ({ session, media, classification, policy, now, intake }) => {
      if (policy.ownFootageHours <= 0 || isClassified(classification) || media.officerId === null) return null;
      const r = intake();
      if (!r || r.userId !== session.userId) return null;
      const within = now.getTime() - Date.parse(r.createdAt) < policy.ownFootageHours * 3_600_000;
      return within ? { rule: 'own-footage', basis: 'own-footage', grant: null } : null;
    },
  },
  {
    id: 'role',
    description: '非严格模式下，保管员、大队负责人、乡主管领导凭职责查看普通资料',
    admits: ({ session, classification, policy }) => {
      if (policy.strict || isClassified(classification)) return null;
      const role = session.roles.find((r) => ROLE_VIEWERS_WHEN_NOT_STRICT.includes(r));
      return role ? { rule: 'role', basis: `role:${role}`, grant: null } : null;
    },
  },
];

export type ViewDecision =
  | ({ allowed: true } & ViewBasis)
  | { allowed: false; code: 'VIEW_NOT_GRANTED' | 'VIEW_NOT_NAMED' | 'PASSWORD_CHANGE_REQUIRED'; message: string };

/** The one check every media request passes (original, preview and thumbnail alike), at the time of that request. */
export function authorizeView(db: Db, session: Session, media: Pick<MediaFacts, 'id' | 'officerId'>, now: Date): ViewDecision {
  if (session.mustChangePassword) return { allowed: false, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' };
  let grants: GrantRow[] | undefined;
  return decide({
    session,
    media,
    classification: mediaClassification(db, media.id),
    policy: readAccessPolicy(db),
    now,
    grants: () => (grants ??= grantsCovering(db, media.id, now)),
    intake: () => intakesOf(db, [media.id]).get(media.id),
  });
}

/**
 * authorizeView for a page of media at once (the library's rows): the same rules in the same order, with
 * the policy read once and the classifications, grants and intakes in one query each instead of per row.
 */
export function authorizeViewEach(db: Db, session: Session, media: readonly Pick<MediaFacts, 'id' | 'officerId'>[], now: Date): Map<number, ViewDecision> {
  const out = new Map<number, ViewDecision>();
  if (session.mustChangePassword) {
    for (const m of media) out.set(m.id, { allowed: false, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    return out;
  }
  const ids = media.map((m) => m.id);
  const policy = readAccessPolicy(db);
  const classes = mediaClassifications(db, ids);
  const grants = grantsCoveringEach(db, ids, now);
  let intakes: Map<number, Intake> | undefined;
  for (const m of media) {
    const ctx: ViewContext = {
      session,
      media: m,
      classification: classes.get(m.id) ?? 'normal',
      policy,
      now,
      grants: () => grants.get(m.id) ?? [],
      intake: () => (intakes ??= intakesOf(db, ids)).get(m.id),
    };
    out.set(m.id, decide(ctx));
  }
  return out;
}

function intakesOf(db: Db, ids: readonly number[]): Map<number, Intake> {
  const rows = db
    .prepare('SELECT m.id, o.user_id AS userId, m.created_at AS createdAt FROM media m JOIN officers o ON o.id = m.officer_id WHERE m.id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as (Intake & { id: number })[];
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

/** The first rule that admits decides; none admits: why not, in the words the person reads. */
function decide(ctx: ViewContext): ViewDecision {
  for (const rule of VIEW_RULES) {
    const basis = rule.admits(ctx);
    if (basis) return { allowed: true, ...basis };
  }
  if (isClassified(ctx.classification) && ctx.grants().some((g) => g.requestedBy === ctx.session.userId || g.named.length > 0)) {
    return { allowed: false, code: 'VIEW_NOT_NAMED', message: `该资料密级为“${CLASSIFICATION_LABELS[ctx.classification]}”，仅限批准时点名的人员查阅，请重新提出查阅申请` };
  }
  return { allowed: false, code: 'VIEW_NOT_GRANTED', message: '您没有查看该资料的权限，请先提出查阅申请并经审批' };
}

import { SIGNATURE_ROLES } from './values';

export const ROLES = ['officer', 'custodian', 'chief', 'township_leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  custodian: '保管员',
  chief: '大队负责人',
  township_leader: '乡主管领导',
  admin: '管理员',
};


// Who may call what: the contract names these groups, never an inline list (tests/unit/common/defined-once.test.ts).
/** Account administration and office settings. */
export const ADMINS: readonly Role[] = ['admin'];
/** The audit log: the administrator and the chief who supervises. */
export const AUDITORS: readonly Role[] = ['admin', 'chief'];
/** Keep people, recorders and sources (设备, 采集导入). */
export const CUSTODY_KEEPERS: readonly Role[] = ['custodian', 'admin'];
/** Read the custody records: people and recorders, ingest sessions, handover sheets, integrity, weekly consolidation. */
export const CUSTODY_READERS: readonly Role[] = ['custodian', 'admin', 'chief'];
/** Receive footage, consolidate the week, build and burn discs. */
export const CUSTODIANS: readonly Role[] = ['custodian'];
/** 密级 (art. 3): only the chief changes it. */
export const CLASSIFIERS: readonly Role[] = ['chief'];
/** Who annotates media and keeps cases. */
export const ANNOTATORS: readonly Role[] = ['officer', 'custodian', 'chief'];
export const CASE_READERS: readonly Role[] = ['officer', 'custodian', 'chief', 'township_leader'];
/** Who works on evidence discs and record forms (the 刻盘 and 记录表 sections). */
export const DISC_PEOPLE: readonly Role[] = ['officer', 'custodian', 'chief'];
/** Who signs a record form: a case officer, then the chief. */
export const FORM_SIGNERS: readonly Role[] = SIGNATURE_ROLES;
/** Who decides requests at all (per type: ACCESS_RULES in the view policy). */
export const APPROVERS: readonly Role[] = ['chief', 'township_leader'];
/** The keeper of the viewing register (art. 14) and the approvers: see every request and the register. */
export const OVERSEERS: readonly Role[] = ['custodian', 'chief', 'township_leader'];

/** Device care decisions (art. 7, 10): the chief designates the keeper and decides on compensation. */
export const DEVICE_DECIDERS: readonly Role[] = ['chief'];
/** Scanned loss and damage statements (art. 10): the keeper who files them and the chief who decides. */
export const INCIDENT_READERS: readonly Role[] = ['custodian', 'chief'];
/** The 到期资料 list and disposal records (art. 11(3)): the custodian asks and carries out, the chief approves. */
export const RETENTION_READERS: readonly Role[] = ['custodian', 'chief'];
/** Holds on footage and the approval of a disposal are the chief's. */
export const RETENTION_DECIDERS: readonly Role[] = ['chief'];

/** Separation of duties (issue 10): whoever administers accounts never also approves viewing. */
export const ADMIN_EXCLUDES: readonly Role[] = APPROVERS;

/** The roles a set holds that may not go together, e.g. ['chief'] for admin + chief; empty when none. */
export function conflictingRoles(roles: readonly Role[]): Role[] {
  return roles.includes('admin') ? roles.filter((r) => ADMIN_EXCLUDES.includes(r)) : [];
}

/** The daily check (art. 15): the chief marks, orders corrections and signs; the township leader reads it. */
export const SUPERVISORS: readonly Role[] = ['chief'];
/** Who reads the daily check: the chief and the township leader. */
export const SUPERVISION_READERS: readonly Role[] = APPROVERS;

/**
 * Public-use copies (art. 3, 13): whoever an approved 公开使用 request may name, and the chief; the handlers narrow it
 * to the chief and the people the approval names (main/public-copy). Never the admin (accounts only).
 */
export const PUBLIC_COPY_PEOPLE: readonly Role[] = ['officer', 'custodian', 'chief', 'township_leader'];

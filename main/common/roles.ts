export const ROLES = ['officer', 'custodian', 'chief', 'township_leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  custodian: '保管员',
  chief: '大队负责人',
  township_leader: '乡主管领导',
  admin: '管理员',
};

/** Separation of duties (issue 10): whoever administers accounts never also approves viewing. */
export const ADMIN_EXCLUDES: readonly Role[] = ['chief', 'township_leader'];

/** The roles a set holds that may not go together, e.g. ['chief'] for admin + chief; empty when none. */
export function conflictingRoles(roles: readonly Role[]): Role[] {
  return roles.includes('admin') ? roles.filter((r) => ADMIN_EXCLUDES.includes(r)) : [];
}

export const ROLES = ['officer', 'custodian', 'chief', 'township_leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  custodian: '保管员',
  chief: '大队负责人',
  township_leader: '乡主管领导',
  admin: '管理员',
};

import type { ChainReportDto, SectionId } from '../../main/api/dto';
import type { Role } from '../../main/common/roles';

/** Role names as the office says them (same as main/common/roles.ts). */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  custodian: '保管员',
  chief: '大队负责人',
  township_leader: '乡主管领导',
  admin: '管理员',
};

export const ROLE_ORDER: readonly Role[] = ['officer', 'custodian', 'chief', 'township_leader', 'admin'];

export const ROLE_COLORS: Record<Role, string> = {
  officer: 'blue',
  custodian: 'cyan',
  chief: 'gold',
  township_leader: 'purple',
  admin: 'volcano',
};

export const ROLE_HINTS: Record<Role, string> = {
  officer: '佩戴执法记录仪，每日移交视听资料，准备案件证据光盘并在记录表上签名',
  custodian: '接入记录仪每日采集、每周归档，管理设备和查阅登记，刻录光盘',
  chief: '审批工作查阅和公开使用，签署记录表并加盖单位印章，每日监督',
  township_leader: '审批与案件有关的查阅申请',
  admin: '初始化工作站、管理用户账户和单位设置',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export function sortRoles(roles: readonly Role[]): Role[] {
  return ROLE_ORDER.filter((r) => roles.includes(r));
}

export const SECTION_LABELS: Record<SectionId, string> = {
  dashboard: '工作台',
  ingest: '采集导入',
  library: '资料库',
  cases: '案件',
  discs: '刻盘',
  forms: '记录表',
  approvals: '查阅审批',
  devices: '设备',
  supervision: '监督',
  audit: '审计日志',
  settings: '系统设置',
};

/** Audit actions with a name a person understands; unknown ones are shown by their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'office.setup': '初始化',
  'office.update': '修改单位设置',
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.logout': '退出',
  'session.idle_logout': '超时退出',
  'session.password_changed': '修改密码',
  'session.password_change_failed': '修改密码失败',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'audit.verify': '校验审计链',
  'access.denied': '越权访问被拒绝',
};

/** Groups for the action filter (the API filters by prefix). */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'session.', label: '登录与会话' },
  { prefix: 'user.', label: '用户管理' },
  { prefix: 'office.', label: '单位设置' },
  { prefix: 'audit.', label: '审计' },
  { prefix: 'access.', label: '访问控制' },
];

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export type ChainProblemKind = ChainReportDto['problems'][number]['kind'];

export const CHAIN_PROBLEM_LABELS: Record<ChainProblemKind, string> = {
  edited: '被修改',
  deleted: '被删除',
  inserted: '被插入',
  reordered: '顺序被调换',
  seal_invalid: '封存签名无效',
  seal_missing_row: '封存记录缺失',
};

/** Keys that appear in audit details, in Chinese. */
export const DETAIL_KEY_LABELS: Record<string, string> = {
  login: '登录名',
  displayName: '姓名',
  badgeNo: '警号',
  roles: '角色',
  disabled: '停用',
  reason: '原因',
  lockedUntil: '锁定至',
  officeName: '单位全称',
  name: '单位全称',
  unitName: '印章单位名称',
  timeZone: '时区',
  idleMinutes: '超时退出（分钟）',
  users: '账户',
  certSerial: '证书序列号',
  newCertSerial: '新证书序列号',
  ok: '结果',
  entries: '记录数',
  problems: '问题数',
};

export const DETAIL_VALUE_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '用户不存在',
  locked: '账户已锁定',
  disabled: '账户已停用',
  wrong_old_password: '原密码错误',
};

import type { AccessState, AccessType } from '../../../../main/api/dto';

export { ACCESS_SCOPE_KIND_LABELS, ACCESS_SCOPE_KINDS, ACCESS_STATE_LABELS, ACCESS_TYPE_LABELS, ACCESS_TYPES } from '../../labels';

export const ACCESS_TYPE_HINTS: Record<AccessType, string> = {
  work: '因工作需要查看，由大队负责人审批（第十二条）',
  case: '因查办案件需要查阅，由乡主管领导审批（第十四条）',
  public: '需要公开使用，由大队负责人审批（第十三条）；国家秘密资料不得公开',
};

export const ACCESS_STATE_COLORS: Record<AccessState, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  revoked: 'default',
  expired: 'warning',
};

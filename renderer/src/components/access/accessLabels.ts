import type { AccessScopeKindDto, AccessStateDto, AccessTypeDto } from '../../../../main/api/dto';

/** Request types as the rules name them (art. 12, 14, 13). */
export const ACCESS_TYPE_LABELS: Record<AccessTypeDto, string> = { work: '工作查阅', case: '办案查阅', public: '公开使用' };

export const ACCESS_TYPE_HINTS: Record<AccessTypeDto, string> = {
  work: '因工作需要查看，由大队负责人审批（第十二条）',
  case: '因查办案件需要查阅，由乡主管领导审批（第十四条）',
  public: '需要公开使用，由大队负责人审批（第十三条）；国家秘密资料不得公开',
};

export const ACCESS_STATE_LABELS: Record<AccessStateDto, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  revoked: '已撤销',
  expired: '已过期',
};

export const ACCESS_STATE_COLORS: Record<AccessStateDto, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  revoked: 'default',
  expired: 'warning',
};

export const SCOPE_KIND_LABELS: Record<AccessScopeKindDto, string> = { media: '单个资料', recording: '整段录像', case: '案件' };

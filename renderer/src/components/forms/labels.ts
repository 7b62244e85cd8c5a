import type { RecordFormStateDto } from '../../../../main/api/dto';

export const FORM_STATE_LABELS: Record<RecordFormStateDto, string> = {
  draft: '草稿',
  officer_signed: '执法人员已签',
  chief_signed: '负责人已签',
  locked: '已锁定',
};

export const FORM_STATE_COLORS: Record<RecordFormStateDto, string> = {
  draft: 'default',
  officer_signed: 'blue',
  chief_signed: 'green',
  locked: 'purple',
};

export const FORM_STATE_ORDER: readonly RecordFormStateDto[] = ['draft', 'officer_signed', 'chief_signed', 'locked'];

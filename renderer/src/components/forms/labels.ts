import type { RecordFormState } from '../../../../main/common';

export { RECORD_FORM_STATE_LABELS as FORM_STATE_LABELS, RECORD_FORM_STATES as FORM_STATE_ORDER } from '../../labels';

export const FORM_STATE_COLORS: Record<RecordFormState, string> = {
  draft: 'default',
  officer_signed: 'blue',
  chief_signed: 'green',
  locked: 'purple',
};

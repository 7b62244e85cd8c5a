import { Tag } from 'antd';
import type { RecordFormState } from '../../../../main/api/dto';
import { FORM_STATE_COLORS, FORM_STATE_LABELS } from './labels';

export function FormStateTag(props: { state: RecordFormState }) {
  return (
    <Tag color={FORM_STATE_COLORS[props.state]} data-state={props.state}>
      {FORM_STATE_LABELS[props.state]}
    </Tag>
  );
}

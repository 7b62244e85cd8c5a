import { Tag } from 'antd';
import type { RecordFormStateDto } from '../../../../main/api/dto';
import { FORM_STATE_COLORS, FORM_STATE_LABELS } from './labels';

export function FormStateTag(props: { state: RecordFormStateDto }) {
  return (
    <Tag color={FORM_STATE_COLORS[props.state]} data-state={props.state}>
      {FORM_STATE_LABELS[props.state]}
    </Tag>
  );
}

import { App, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RecorderDto } from '../../../../main/api/dto';
import type { IncidentKind } from '../../../../main/common';
import { INCIDENT_KIND_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { fromPicker, pickerNow } from '../../time';
import { ItemFormModal, MinutePicker } from '../FormModal';

interface Values {
  kind: IncidentKind;
  occurredAt: Dayjs;
  description: string;
}

/**
 * 丢失/损坏 (art. 10): what happened and when. The wearer is the one the recorder was assigned to at that time,
 * found by the program; a lost recorder leaves service.
 */
export function IncidentModal(props: { recorder: RecorderDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const reportIncident = useDevicesStore((s) => s.reportIncident);
  const submit = async (recorder: RecorderDto, v: Values) => {
    const i = await reportIncident({ recorderId: recorder.id, kind: v.kind, occurredAt: fromPicker(v.occurredAt), description: v.description.trim() });
    void message.success(`已登记记录仪 ${i.serial} ${INCIDENT_KIND_LABELS[i.kind]}${i.officer ? `，佩戴人 ${i.officer.name}` : ''}`);
  };
  return (
    <ItemFormModal<RecorderDto, Values> item={props.recorder} title="丢失/损坏登记" name={(r) => r.serial} okText="登记"
      width={560}
      initialValues={{ kind: 'damaged', occurredAt: pickerNow() }}
      onSubmit={submit}
      onClose={props.onClose}
      intro={<Typography.Paragraph type="secondary">“谁佩戴、谁负责”（制度第十条）：佩戴人按发生时的领用记录确定。丢失的记录仪退出使用，其记录全部保留。</Typography.Paragraph>}
    >
      <Form.Item name="kind" label="情况">
        <Radio.Group options={(Object.keys(INCIDENT_KIND_LABELS) as IncidentKind[]).map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k] }))} data-testid="incident-kind" />
      </Form.Item>
      <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true }]}>
        <MinutePicker />
      </Form.Item>
      <Form.Item name="description" label="经过" rules={[{ required: true, whitespace: true, message: '请填写经过' }, { max: 1000 }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} data-testid="incident-description" />
      </Form.Item>
    </ItemFormModal>
  );
}

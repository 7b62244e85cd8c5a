import { App, Form, Typography } from 'antd';
import { useEffect } from 'react';
import type { Dayjs } from 'dayjs';
import type { RecorderDto } from '../../../../main/api/dto';
import { useDevicesStore } from '../../stores/devices';
import { fromPicker, pickerNow } from '../../time';
import { ItemFormModal, MinutePicker, PeopleSelect } from '../FormModal';

interface Values {
  officerId?: number;
  from: Dayjs;
}

/**
 * 领用: from a date on, this officer wears this recorder ("who wears it is responsible", art. 10).
 * Footage recorded from then on is attributed to the officer.
 */
export function AssignModal(props: { recorder: RecorderDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const { officers, assign, loadOfficers } = useDevicesStore();
  const { recorder } = props;
  // Officers registered since the page loaded (by ingest or with a new account) are offered too.
  useEffect(() => {
    if (recorder) void loadOfficers().catch(() => undefined);
  }, [recorder, loadOfficers]);

  const submit = async (recorder: RecorderDto, v: Values) => {
    const officerId = v.officerId;
    if (officerId === undefined) return;
    const r = await assign({ recorderId: recorder.id, officerId, from: fromPicker(v.from) });
    void message.success(`记录仪 ${r.serial} 已由 ${r.currentOfficer?.name ?? ''} 领用`);
  };

  return (
    <ItemFormModal<RecorderDto, Values> item={recorder} title="领用记录仪" name={(r) => r.serial} okText="确认领用"
      initialValues={{ from: pickerNow() }}
      onSubmit={submit}
      onClose={props.onClose}
      intro={
        recorder?.currentOfficer && (
          <Typography.Paragraph type="secondary">
            当前使用人：{recorder.currentOfficer.name}（{recorder.currentOfficer.badgeNo}）。确认后其领用在起始时间结束，改由新的使用人领用。
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item name="officerId" label="使用人" rules={[{ required: true, message: '请选择执法人员' }]}>
        <PeopleSelect
          autoFocus
          placeholder="选择执法人员"
          data-testid="assign-officer"
          people={officers.map((o) => ({ id: o.id, label: `${o.name}（${o.badgeNo}）`, why: o.id === recorder?.currentOfficer?.id ? '当前使用人' : o.active ? null : '已停用' }))}
        />
      </Form.Item>
      <Form.Item name="from" label="起始时间" rules={[{ required: true, message: '请选择起始时间' }]} extra="此时间之后该记录仪录制的资料归属于该使用人。">
        <MinutePicker />
      </Form.Item>
    </ItemFormModal>
  );
}

import { App, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RecorderDto, RepairDto } from '../../../../main/api/dto';
import type { RepairResult } from '../../../../main/common';
import { REPAIR_RESULT_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { fromPicker, pickerNow } from '../../time';
import { ItemFormModal, MinutePicker } from '../FormModal';

/** 送修 (art. 9): the fault and where it goes; the recorder is given back and cannot be assigned until it returns. */
export function SendRepairModal(props: { recorder: RecorderDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const sendRepair = useDevicesStore((s) => s.sendRepair);
  const { recorder } = props;
  const submit = async (recorder: RecorderDto, v: { fault: string; repairer?: string; sentAt: Dayjs }) => {
    await sendRepair({ recorderId: recorder.id, fault: v.fault.trim(), repairer: v.repairer?.trim() || null, sentAt: fromPicker(v.sentAt) });
    void message.success(`记录仪 ${recorder.serial} 已登记送修`);
  };
  return (
    <ItemFormModal item={recorder} title="送修" name={(r) => r.serial} okText="登记送修"
      initialValues={{ sentAt: pickerNow() }}
      onSubmit={submit}
      onClose={props.onClose}
      intro={
        recorder?.currentOfficer && (
          <Typography.Paragraph type="secondary">当前使用人 {recorder.currentOfficer.name} 的领用在送修时结束；维修返回前不能领用。</Typography.Paragraph>
        )
      }
    >
      <Form.Item name="fault" label="故障情况" rules={[{ required: true, whitespace: true, message: '请填写故障情况' }, { max: 500 }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} data-testid="repair-fault" />
      </Form.Item>
      <Form.Item name="repairer" label="送修至" rules={[{ max: 64 }]}>
        <Input placeholder="维修单位或人员" autoComplete="off" />
      </Form.Item>
      <Form.Item name="sentAt" label="送修时间" rules={[{ required: true }]}>
        <MinutePicker />
      </Form.Item>
    </ItemFormModal>
  );
}

/** 维修返回: repaired (back in service) or beyond repair (retired). */
export function ReturnRepairModal(props: { repair: RepairDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const returnRepair = useDevicesStore((s) => s.returnRepair);
  const submit = async (repair: RepairDto, v: { result: RepairResult; note?: string; returnedAt: Dayjs }) => {
    await returnRepair({ repairId: repair.id, result: v.result, note: v.note?.trim() || null, returnedAt: fromPicker(v.returnedAt) });
    void message.success(`记录仪 ${repair.serial} 维修返回已登记`);
  };
  return (
    <ItemFormModal item={props.repair} title="维修返回" name={(r) => r.serial} okText="登记返回"
      initialValues={{ result: 'repaired', returnedAt: pickerNow() }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item name="result" label="维修结果" extra="无法修复的记录仪改为报废。">
        <Radio.Group options={(Object.keys(REPAIR_RESULT_LABELS) as RepairResult[]).map((r) => ({ value: r, label: REPAIR_RESULT_LABELS[r] }))} />
      </Form.Item>
      <Form.Item name="note" label="维修情况" rules={[{ max: 500 }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：更换电池" />
      </Form.Item>
      <Form.Item name="returnedAt" label="返回时间" rules={[{ required: true }]}>
        <MinutePicker />
      </Form.Item>
    </ItemFormModal>
  );
}

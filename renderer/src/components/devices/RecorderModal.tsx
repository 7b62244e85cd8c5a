import { App, Form, Input, Select } from 'antd';
import type { RecorderDto, RecorderStatus } from '../../../../main/api/dto';
import { RECORDER_STATUS_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { FormModal } from '../FormModal';

interface Values {
  serial: string;
  brand?: string;
  model?: string;
  assetNo?: string;
  status?: RecorderStatus;
  notes?: string;
}

// 维修 and 丢失 follow their own records (送修, 丢失/损坏 登记), never a bare edit.
const STATUS_OPTIONS = (Object.keys(RECORDER_STATUS_LABELS) as RecorderStatus[]).map((s) => ({
  value: s,
  label: RECORDER_STATUS_LABELS[s],
  disabled: s === 'repair' || s === 'lost',
}));

const orNull = (s: string | undefined) => s?.trim() || null;

/** Register a recorder, or edit one (the serial is its identity and does not change). */
export function RecorderModal(props: { open: boolean; recorder: RecorderDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const { createRecorder, updateRecorder } = useDevicesStore();
  const { recorder } = props;
  const editing = recorder !== null;

  const submit = async (v: Values) => {
    const fields = { brand: orNull(v.brand), model: orNull(v.model), assetNo: orNull(v.assetNo), notes: orNull(v.notes) };
    if (recorder) {
      await updateRecorder({ id: recorder.id, ...fields, status: v.status });
      void message.success(`已保存记录仪 ${recorder.serial}`);
    } else {
      const r = await createRecorder({ serial: v.serial.trim(), ...fields });
      void message.success(`已登记记录仪 ${r.serial}`);
    }
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={editing ? `修改记录仪：${recorder.serial}` : '登记记录仪'}
      okText={editing ? '保存' : '登记'}
      width={600}
      formKey={recorder?.id ?? 'new'}
      initialValues={
        recorder
          ? { serial: recorder.serial, brand: recorder.brand ?? '', model: recorder.model ?? '', assetNo: recorder.assetNo ?? '', status: recorder.status, notes: recorder.notes ?? '' }
          : { status: 'in_service' }
      }
      onSubmit={submit}
      onClose={props.onClose}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item
          name="serial"
          label="记录仪编号"
          rules={[{ required: true, whitespace: true, message: '请填写记录仪编号（机身标签或设备信息中的序列号）' }, { max: 64 }]}
        >
          <Input autoFocus={!editing} disabled={editing} autoComplete="off" className="ew-mono" />
        </Form.Item>
        <Form.Item name="assetNo" label="资产编号" rules={[{ max: 64 }]}>
          <Input autoFocus={editing} autoComplete="off" placeholder="可不填" />
        </Form.Item>
        <Form.Item name="brand" label="品牌" rules={[{ max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="model" label="型号" rules={[{ max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label="状态" extra="送修、丢失请使用记录仪列表中的“送修”“丢失/损坏”登记；改为报废时当前领用自动结束。">
            <Select options={STATUS_OPTIONS} disabled={recorder.status === 'repair'} />
          </Form.Item>
        )}
      </div>
      <Form.Item name="notes" label="备注" rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}

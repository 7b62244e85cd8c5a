import { Form, Input, InputNumber, Typography } from 'antd';
import type { MulticamCameraDto, MulticamDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { FormModal } from '../FormModal';
import { cameraName, driftText, signedSeconds } from './labels';

interface Values {
  seconds: number;
  reason: string;
}

/** A hand correction of one camera's place on the shared axis, on top of its drift at docking; recorded with its reason. */
export function AdjustModal(props: { anchorRecordingId: number; camera: MulticamCameraDto | null; onClose(): void; onSaved(m: MulticamDto): void }) {
  const c = props.camera;
  return (
    <FormModal<Values>
      open={c !== null}
      title="调整机位时间"
      okText="保存校正"
      formKey={c?.recording.id ?? null}
      initialValues={{ seconds: c?.adjustment?.seconds ?? 0, reason: '' }}
      intro={
        c && (
          <Typography.Paragraph type="secondary">
            {cameraName(c)}：{driftText(c)}，已按此校正。若画面仍不同步（如同一闪光、声响出现的时刻不同），可在此再前后移动该机位；每次校正连同理由都会记录并写入审计日志，原始文件不变。
            {c.adjustment && ` 当前手动校正 ${signedSeconds(c.adjustment.seconds)}。`}
          </Typography.Paragraph>
        )
      }
      onClose={props.onClose}
      onSubmit={async (v) => {
        if (!c) return;
        props.onSaved(await api.multicam.adjust({ anchorRecordingId: props.anchorRecordingId, recordingId: c.recording.id, seconds: v.seconds, reason: v.reason }));
      }}
    >
      <Form.Item name="seconds" label="手动校正（秒，正数表示该机位画面向后移）" rules={[{ required: true, message: '请填写校正秒数' }]}>
        <InputNumber aria-label="手动校正秒数" step={0.04} precision={2} min={-3600} max={3600} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="reason" label="校正理由" rules={[{ required: true, whitespace: true, message: '请填写校正理由' }]}>
        <Input aria-label="校正理由" maxLength={200} placeholder="如：按 09:30:05 的闪光对齐" />
      </Form.Item>
    </FormModal>
  );
}

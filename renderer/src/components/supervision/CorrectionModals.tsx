import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CorrectionDto, CheckedFindingDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { useSupervisionStore } from '../../stores/supervision';
import { addDays, pickedDay, pickerDay } from '../../time';
import { Alert } from 'antd';

/** 布置纠正 (art. 15): who does what by when, for one finding of the day. */
export function OpenCorrectionModal(props: { day: string; finding: CheckedFindingDto | null; onClose: () => void }) {
  const [form] = Form.useForm<{ assignee: string; action: string; due: Dayjs }>();
  const replace = useSupervisionStore((s) => s.replace);
  const { busy, error, run } = useSubmit();
  const f = props.finding;
  const submit = () =>
    run(async () => {
      const v = await form.validateFields();
      replace(await api.supervision.openCorrection({ day: props.day, findingKey: f!.key, assignee: v.assignee, action: v.action, dueDay: pickedDay(v.due) }));
      form.resetFields();
      props.onClose();
    });
  return (
    <Modal
      title="布置纠正措施"
      open={f !== null}
      onOk={() => void submit()}
      okText="布置"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {f && (
        <Typography.Paragraph>
          <Typography.Text strong>{f.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{f.detail}</Typography.Text>
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ due: pickerDay(addDays(props.day, 3)) }} onFinish={() => void submit()}>
        <Form.Item name="assignee" label="责任人" rules={[{ required: true, whitespace: true, message: '请填写责任人' }]}>
          <Input autoFocus maxLength={64} placeholder="例如：李四" />
        </Form.Item>
        <Form.Item name="action" label="纠正措施" rules={[{ required: true, whitespace: true, message: '请填写纠正措施' }]}>
          <Input.TextArea maxLength={500} rows={3} placeholder="例如：当日工作结束时将记录仪交保管员导入" />
        </Form.Item>
        <Form.Item name="due" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 关闭纠正: closed with what was done. */
export function CloseCorrectionModal(props: { correction: CorrectionDto | null; onClose: () => void; onClosed: () => void }) {
  const [form] = Form.useForm<{ outcome: string }>();
  const { busy, error, run } = useSubmit();
  const c = props.correction;
  const submit = () =>
    run(async () => {
      const v = await form.validateFields();
      await api.supervision.closeCorrection({ id: c!.id, outcome: v.outcome });
      form.resetFields();
      props.onClosed();
      props.onClose();
    });
  return (
    <Modal title="纠正完成" open={c !== null} onOk={() => void submit()} okText="确认完成" cancelText="取消" confirmLoading={busy} onCancel={props.onClose} destroyOnHidden>
      {c && (
        <Typography.Paragraph>
          {c.finding}
          <br />
          <Typography.Text type="secondary">
            {c.assignee}：{c.action}（期限 {c.dueDay}）
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="outcome" label="完成情况" rules={[{ required: true, whitespace: true, message: '请填写完成情况' }]}>
          <Input.TextArea autoFocus maxLength={500} rows={3} placeholder="做了什么，结果如何" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { HoldKind } from '../../../../main/common';
import { useSubmit } from '../../hooks/useSubmit';
import { HOLD_KIND_LABELS, HOLD_KINDS } from '../../labels';

interface Values {
  reason: string;
  kind?: HoldKind;
}

/** One reason (and for a hold, its kind): asking for a disposal, setting or releasing a hold, rejecting a request. */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  withKind?: boolean;
  danger?: boolean;
  summary?: string;
  onSubmit: (v: { reason: string; kind: HoldKind }) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ reason: '', kind: 'chief' });
  }, [props.open, form]);
  const close = () => {
    setError(null);
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger ?? false, loading: busy }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {props.summary && <Alert type="info" showIcon message={props.summary} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            await props.onSubmit({ reason: v.reason.trim(), kind: v.kind ?? 'chief' });
            close();
          })
        }
      >
        {props.withKind && (
          <Form.Item name="kind" label="保留类型" rules={[{ required: true }]}>
            <Select options={HOLD_KINDS.map((k) => ({ value: k, label: HOLD_KIND_LABELS[k] }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={props.label} rules={[{ required: true, whitespace: true, message: `请填写${props.label}` }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

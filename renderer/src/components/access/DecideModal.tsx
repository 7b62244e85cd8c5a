import { Alert, DatePicker, Descriptions, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AccessRequestDto } from '../../../../main/api/dto';
import { errorMessage } from '../../errors';
import { CLASSIFICATION_LABELS } from '../../labels';
import { useAccessStore } from '../../stores/access';
import { ACCESS_TYPE_LABELS } from './accessLabels';
import { ScopeCell } from './ScopeCell';
import { formatTime, fromPicker, pickerNow } from '../../time';

interface Values {
  approve: boolean;
  window: [Dayjs, Dayjs];
  namedUserIds: number[];
  reason: string;
}

/** Decides a request in one step: approve with a validity window (and named users if classified), or reject with a reason. */
export function DecideModal(props: { request: AccessRequestDto | null; onClose: () => void }) {
  const { policy, people, loadPolicy, loadPeople, decide } = useAccessStore();
  const [form] = Form.useForm<Values>();
  const approve = Form.useWatch('approve', form) ?? true;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const r = props.request;
  const classified = r ? r.scope.classification !== 'normal' : false;
  const defaultDays = policy?.defaultDays ?? 7;
  const maxDays = policy?.maxDays ?? 30;

  // Only approvers open this; others may not list people.
  const open = !!r;
  useEffect(() => {
    if (!open) return;
    if (!policy) void loadPolicy();
    if (!people.length) void loadPeople();
  }, [open, policy, people.length, loadPolicy, loadPeople]);

  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({ approve: true, window: [pickerNow(), pickerNow().add(defaultDays, 'day')], namedUserIds: [r.requestedBy.id], reason: '' });
  }, [r, form, defaultDays]);

  const close = () => {
    setError(null);
    props.onClose();
  };

  async function submit(v: Values) {
    if (!r) return;
    setBusy(true);
    setError(null);
    try {
      if (v.approve) {
        await decide({
          id: r.id,
          approve: true,
          validFrom: fromPicker(v.window[0]),
          validUntil: fromPicker(v.window[1]),
          ...(classified || v.namedUserIds.some((id) => id !== r.requestedBy.id) ? { namedUserIds: v.namedUserIds } : {}),
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        });
      } else {
        await decide({ id: r.id, approve: false, reason: v.reason.trim() });
      }
      close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!r}
      title={r ? `审批查阅申请 #${r.id}` : ''}
      okText={approve ? '批准' : '驳回'}
      okButtonProps={{ danger: !approve, loading: busy }}
      cancelText="取消"
      onCancel={close}
      onOk={() => form.submit()}
      width={620}
      destroyOnHidden
    >
      {r && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="申请人">{r.requestedBy.displayName}</Descriptions.Item>
            <Descriptions.Item label="类型">{ACCESS_TYPE_LABELS[r.type]}</Descriptions.Item>
            <Descriptions.Item label="范围">
              <ScopeCell scope={r.scope} />
            </Descriptions.Item>
            <Descriptions.Item label="事由">{r.reason}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{formatTime(r.requestedAt)}</Descriptions.Item>
          </Descriptions>
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="access-decide-form">
            <Form.Item name="approve">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: '批准' },
                  { value: false, label: '驳回' },
                ]}
              />
            </Form.Item>
            {approve && (
              <>
                <Form.Item
                  name="window"
                  label={`有效期（默认 ${defaultDays} 天，最长 ${maxDays} 天）`}
                  rules={[
                    { required: true, message: '请选择有效期' },
                    {
                      validator: (_r, v: [Dayjs, Dayjs] | undefined) =>
                        !v || v[1].diff(v[0], 'minute') <= maxDays * 24 * 60 ? Promise.resolve() : Promise.reject(new Error(`有效期最长 ${maxDays} 天`)),
                    },
                  ]}
                >
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name="namedUserIds"
                  label={classified ? `可查阅人员（${CLASSIFICATION_LABELS[r.scope.classification]}资料，仅限点名人员）` : '可查阅人员'}
                  rules={classified ? [{ required: true, type: 'array', min: 1, message: '涉密资料须指定可查阅的人员' }] : []}
                  extra={classified ? '依《执法记录仪使用管理制度》第三条，涉密资料只有此处点名的人员可以查看。' : '不改动时仅申请人本人可查看。'}
                >
                  <Select mode="multiple" optionFilterProp="label" options={people.map((p) => ({ value: p.id, label: `${p.displayName}（${p.login}）` }))} />
                </Form.Item>
              </>
            )}
            <Form.Item
              name="reason"
              label={approve ? '审批意见（可不填）' : '驳回理由'}
              rules={approve ? [] : [{ required: true, whitespace: true, message: '请填写驳回理由' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} />}
        </>
      )}
    </Modal>
  );
}

import { Alert, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AccessRequestDetailDto, AccessRequestDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorCode, errorMessage } from '../../errors';
import { useSubmit } from '../../hooks/useSubmit';
import { CLASSIFICATION_LABELS } from '../../labels';
import { useAccessStore } from '../../stores/access';
import { ACCESS_TYPE_LABELS } from './accessLabels';
import { ApprovalItems } from './ApprovalItems';
import { ScopeCell } from './ScopeCell';
import { formatTime, fromPicker, pickerNow } from '../../time';

interface Values {
  approve: boolean;
  window: [Dayjs, Dayjs];
  namedUserIds: number[];
  reason: string;
}

/**
 * Decides a request in one step: approve with a validity window (and named users if classified), or reject with a reason.
 * The approver is shown the media the approval will cover; the approval covers exactly that list (the API refuses it
 * if the list changed since it was shown, and the list is then shown again).
 */
export function DecideModal(props: { request: AccessRequestDto | null; onClose: () => void }) {
  const { policy, people, loadPolicy, loadPeople, decide } = useAccessStore();
  const [form] = Form.useForm<Values>();
  const approve = Form.useWatch('approve', form) ?? true;
  const { busy, error, setError, run } = useSubmit();
  const r = props.request;
  // The list the approval will cover, loaded for this request (again after the API says it changed).
  const [reload, setReload] = useState(0);
  const key = r ? `${r.id}:${reload}` : null;
  const [loaded, setLoaded] = useState<{ key: string; detail: AccessRequestDetailDto | null; error: string | null } | null>(null);
  const detail = loaded?.key === key ? loaded.detail : null;
  const listLoading = key !== null && loaded?.key !== key;
  const scope = detail?.scope ?? r?.scope ?? null;
  const classified = scope ? scope.classification !== 'normal' : false;
  const defaultDays = policy?.defaultDays ?? 7;
  const maxDays = policy?.maxDays ?? 30;

  // Only approvers open this; others may not list people.
  const open = !!r;
  useEffect(() => {
    if (!open) return;
    if (!policy) void loadPolicy();
    if (!people.length) void loadPeople();
  }, [open, policy, people.length, loadPolicy, loadPeople]);

  const requestId = r?.id ?? null;
  useEffect(() => {
    if (key === null || requestId === null) return;
    let live = true;
    api.access.get({ id: requestId }).then(
      (d) => live && setLoaded({ key, detail: d, error: null }),
      (e: unknown) => live && setLoaded({ key, detail: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, requestId]);

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
    await run(async () => {
      try {
        if (v.approve) {
          if (!detail) return;
          await decide({
            id: r.id,
            approve: true,
            itemsFingerprint: detail.itemsFingerprint,
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
        // The list changed since it was shown: show the list as it is now before anyone approves it.
        if (errorCode(e) === 'ITEMS_CHANGED') setReload((n) => n + 1);
        throw e;
      }
    });
  }

  return (
    <Modal
      open={!!r}
      title={r ? `审批查阅申请 #${r.id}` : ''}
      okText={approve ? '批准' : '驳回'}
      okButtonProps={{ danger: !approve, loading: busy, disabled: approve && !detail }}
      cancelText="取消"
      onCancel={close}
      onOk={() => form.submit()}
      width={1100}
      destroyOnHidden
    >
      {r && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="申请人">{r.requestedBy.displayName}</Descriptions.Item>
            <Descriptions.Item label="类型">{ACCESS_TYPE_LABELS[r.type]}</Descriptions.Item>
            <Descriptions.Item label="范围">
              <ScopeCell scope={scope ?? r.scope} />
            </Descriptions.Item>
            <Descriptions.Item label="事由">{r.reason}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{formatTime(r.requestedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="approval-items-caption">
            批准后可查阅以下 {detail ? detail.items.length : '…'} 个文件。
            <Typography.Text type="secondary">批准只覆盖此清单；此后加入案件的资料须另行申请。</Typography.Text>
          </Typography.Paragraph>
          <div style={{ marginBottom: 16 }}>
            <ApprovalItems items={detail?.items ?? []} loading={listLoading} />
            {loaded?.key === key && loaded.error && <Alert type="error" showIcon title={loaded.error} />}
          </div>
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
                  label={classified && scope ? `可查阅人员（${CLASSIFICATION_LABELS[scope.classification]}资料，仅限点名人员）` : '可查阅人员'}
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

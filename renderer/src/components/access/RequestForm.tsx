import { Alert, Button, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccessRequestDto, AccessScopeKind, AccessType, CaseSummaryDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useAccessStore } from '../../stores/access';
import { ACCESS_SCOPE_KIND_LABELS, ACCESS_TYPE_HINTS, ACCESS_TYPE_LABELS, ACCESS_TYPES } from './accessLabels';
import { useSubmit } from '../../hooks/useSubmit';

/** What was refused, as the screen that refused it names it (e.g. '2026-11-26 09:00–09:06 张三（警号 310115）'). */
export interface RequestScope {
  kind: AccessScopeKind;
  id: number;
  label: string;
}

interface Values {
  type: AccessType;
  id: number | null;
  reason: string;
}

/**
 * 提出查阅申请: type, what, and why. A recording or a file is asked for where it was refused (library row, player),
 * which fills the scope in; here alone only a case can be chosen, by its number and name, never by an internal id.
 */
export function RequestForm(props: { scope?: RequestScope; onDone?: (r: AccessRequestDto) => void }) {
  const { busy, error, run } = useSubmit();
  const request = useAccessStore((s) => s.request);
  const [form] = Form.useForm<Values>();
  const kind = props.scope?.kind ?? 'case';
  const type = Form.useWatch('type', form) ?? 'work';
  const [cases, setCases] = useState<CaseSummaryDto[] | null>(null);

  useEffect(() => {
    if (props.scope || cases) return;
    // Officers, keepers and leaders may list cases.
    api.cases
      .list({ limit: 500 })
      .then((p) => setCases(p.cases))
      .catch(() => setCases([]));
  }, [props.scope, cases]);

  async function submit(v: Values) {
    // With a scope there is no id field (nothing to type): the scope's id is the one refused.
    const id = props.scope?.id ?? v.id;
    if (id === null) return;
    await run(async () => {
      const r = await request({ type: v.type, scope: { kind, id }, reason: v.reason });
      form.resetFields(['reason']);
      props.onDone?.(r);
    });
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="access-request-form"
      initialValues={{ type: 'work', kind, id: props.scope?.id ?? null, reason: '' }}
      onFinish={(v) => void submit(v)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="type" label="申请类型" extra={ACCESS_TYPE_HINTS[type]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={ACCESS_TYPES.map((t) => ({ value: t, label: ACCESS_TYPE_LABELS[t] }))} />
      </Form.Item>
      {props.scope ? (
        <Form.Item label="查阅范围">
          <Typography.Text strong data-testid="request-scope">
            {ACCESS_SCOPE_KIND_LABELS[props.scope.kind]}：{props.scope.label}
          </Typography.Text>
        </Form.Item>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="查阅某段录像或某个文件：在资料库或播放窗口中点击“申请查阅”，范围会自动填好。这里可以申请查阅整个案件。"
          />
          <Form.Item name="id" label="案件" rules={[{ required: true, message: '请选择案件' }]}>
            <Select
              style={{ width: 360 }}
              showSearch
              optionFilterProp="label"
              loading={cases === null}
              placeholder="选择案件"
              notFoundContent="没有可选的案件"
              options={(cases ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name="reason" label="查阅事由" rules={[{ required: true, whitespace: true, message: '请填写查阅事由' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：查办某某占道经营案，核对现场执法过程" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交申请
        </Button>
        <Typography.Text type="secondary">提交后由审批人决定；批准后在有效期内可查看，查看情况自动记入查阅登记。</Typography.Text>
      </Space>
    </Form>
  );
}

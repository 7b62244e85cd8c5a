import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccessRequestDto, AccessScopeKindDto, AccessTypeDto, CaseSummaryDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useAccessStore } from '../../stores/access';
import { ACCESS_SCOPE_KIND_LABELS, ACCESS_SCOPE_KINDS, ACCESS_TYPE_HINTS, ACCESS_TYPE_LABELS, ACCESS_TYPES } from './accessLabels';
import { useSubmit } from '../../hooks/useSubmit';

export interface RequestScope {
  kind: AccessScopeKindDto;
  id: number;
}

interface Values {
  type: AccessTypeDto;
  kind: AccessScopeKindDto;
  id: number | null;
  reason: string;
}

/** 提出查阅申请: type, what (a media, a recording or a case, by its number in the library), and why. */
export function RequestForm(props: { scope?: RequestScope; onDone?: (r: AccessRequestDto) => void }) {
  const { busy, error, run } = useSubmit();
  const request = useAccessStore((s) => s.request);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? props.scope?.kind ?? 'recording';
  const type = Form.useWatch('type', form) ?? 'work';
  const [cases, setCases] = useState<CaseSummaryDto[] | null>(null);

  useEffect(() => {
    if (kind !== 'case' || cases) return;
    // Officers, keepers and leaders may list cases; others type the number by hand.
    api.cases
      .list({ limit: 500 })
      .then((p) => setCases(p.cases))
      .catch(() => setCases([]));
  }, [kind, cases]);

  async function submit(v: Values) {
    const id = v.id;
    if (id === null) return;
    await run(async () => {
      const r = await request({ type: v.type, scope: { kind: v.kind, id }, reason: v.reason });
      form.resetFields(['reason']);
      props.onDone?.(r);
    });
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="access-request-form"
      initialValues={{ type: 'work', kind: props.scope?.kind ?? 'recording', id: props.scope?.id ?? null, reason: '' }}
      onFinish={(v) => void submit(v)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="type" label="申请类型" extra={ACCESS_TYPE_HINTS[type]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={ACCESS_TYPES.map((t) => ({ value: t, label: ACCESS_TYPE_LABELS[t] }))} />
      </Form.Item>
      <Space align="start" size={12} wrap>
        <Form.Item name="kind" label="查阅范围">
          <Radio.Group
            disabled={!!props.scope}
            options={ACCESS_SCOPE_KINDS.map((k) => ({ value: k, label: ACCESS_SCOPE_KIND_LABELS[k] }))}
            onChange={() => form.setFieldValue('id', null)}
          />
        </Form.Item>
        <Form.Item
          name="id"
          label={kind === 'case' ? '案件' : kind === 'recording' ? '录像编号' : '资料编号'}
          rules={[{ required: true, message: kind === 'case' ? '请选择案件' : '请填写资料库中的编号' }]}
        >
          {kind === 'case' && cases?.length ? (
            <Select
              style={{ width: 300 }}
              showSearch
              optionFilterProp="label"
              disabled={!!props.scope}
              placeholder="选择案件"
              options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
            />
          ) : (
            <InputNumber min={1} precision={0} style={{ width: 160 }} disabled={!!props.scope} placeholder="如 12" />
          )}
        </Form.Item>
      </Space>
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

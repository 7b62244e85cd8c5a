import { Alert, App, Button, Form, InputNumber, Skeleton, Switch, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { AccessRuleDto } from '../../../../main/api/dto';
import { ROLE_LABELS } from '../../labels';
import { rangeHint, rangeRules } from './rangeRules';
import { api } from '../../api';
import { useAccessStore } from '../../stores/access';
import { useSubmit } from '../../hooks/useSubmit';

interface Values {
  strict: boolean;
  ownFootageHours: number;
  defaultDays: number;
  maxDays: number;
}

/** 查阅规则 (rules art. 12–14): what the office may switch; the approval table itself is fixed by the rules and shown read-only. */
export function AccessPolicyPanel() {
  const { busy, error, run } = useSubmit();
  const { message } = App.useApp();
  const { policy, loadPolicy, error: loadError } = useAccessStore();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    void loadPolicy();
  }, [loadPolicy]);

  if (loadError && !policy) return <Alert type="error" showIcon title={loadError} />;
  if (!policy) return <Skeleton active />;

  async function submit(v: Values) {
    await run(async () => {
      await api.access.setPolicy(v);
      await loadPolicy();
      void message.success('查阅规则已保存');
    });
  }

  const roles = (rs: AccessRuleDto['approverRoles']) => (rs.length ? rs.map((r) => ROLE_LABELS[r]).join('、') : '—');

  return (
    <div style={{ maxWidth: 760 }} data-testid="access-policy-panel">
      <Table<AccessRuleDto>
        size="small"
        rowKey="type"
        pagination={false}
        style={{ marginBottom: 20 }}
        dataSource={policy.rules}
        columns={[
          { title: '申请类型', dataIndex: 'label', width: 100 },
          { title: '依据', dataIndex: 'article', width: 90 },
          { title: '审批人', key: 'approvers', render: (_v, r) => roles(r.approverRoles) },
          { title: '可审批本人申请', key: 'self', render: (_v, r) => roles(r.selfApprovalRoles) },
          { title: '不得用于', key: 'never', render: (_v, r) => (r.neverFor.includes('state_secret') ? '国家秘密资料' : '—') },
          { title: '可刻盘', key: 'disc', width: 70, render: (_v, r) => (r.allowsDisc ? '是' : '否') },
        ]}
      />
      <Form<Values> form={form} layout="vertical" initialValues={policy} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="strict"
          label="严格模式"
          valuePropName="checked"
          extra="开启（默认）：每次查看都须有经批准的申请，保管员和大队负责人也不例外。关闭：保管员、大队负责人、乡主管领导可凭职责查看普通资料（涉密资料仍须点名批准）。"
        >
          <Switch checkedChildren="开" unCheckedChildren="关" />
        </Form.Item>
        <Form.Item
          name="ownFootageHours"
          label="执法人员查看本人资料的时限（小时）"
          rules={rangeRules(0, 720, '小时')}
          extra={`${rangeHint(0, 720, '小时')}。采集后若干小时内，执法人员可查看本人拍摄的普通资料以便分类；0 表示关闭（默认）。`}
        >
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name="defaultDays" label="默认有效期（天）" rules={rangeRules(1, 365, '天')} extra={rangeHint(1, 365, '天')}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name="maxDays" label="最长有效期（天）" rules={rangeRules(1, 365, '天')} extra={rangeHint(1, 365, '天')}>
          <InputNumber precision={0} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          修改记入审计日志。
        </Typography.Text>
      </Form>
    </div>
  );
}

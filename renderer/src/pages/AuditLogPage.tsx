import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { AuditEntryDto } from '../../../main/api/dto';
import { AuditDetails, formatTarget } from '../components/AuditDetails';
import { ChainReportView } from '../components/ChainReportView';
import { PageHeader } from '../components/PageHeader';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, auditActionLabel } from '../labels';
import { useAuditStore, type AuditFilters } from '../stores/audit';
import { formatTime, pickedDayRange } from '../time';
import { FilterBar } from '../components/FilterBar';
import { DataTable, serverPages } from '../components/DataTable';

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  actor?: string;
  text?: string;
}

const ACTION_OPTIONS = [
  { label: '按类别', options: AUDIT_ACTION_GROUPS.map((g) => ({ value: g.prefix, label: `${g.label}（全部）` })) },
  { label: '按操作', options: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })) },
];

const WARNING_ACTIONS = new Set(['session.login_failed', 'access.denied', 'session.password_change_failed', 'session.idle_logout']);

const columns: ColumnsType<AuditEntryDto> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm:ss') },
  {
    title: '操作人',
    key: 'actor',
    width: 120,
    // No actor: before anyone logged in (setup) or a login attempt that failed.
    render: (_v, e) => (e.actorLogin ? (e.actorName ?? e.actorLogin) : null) ?? <span style={{ color: '#8a94a6' }}>{e.action.startsWith('session.') ? '（未登录）' : '系统'}</span>,
  },
  {
    title: '操作',
    dataIndex: 'action',
    width: 150,
    render: (a: string) => <Tag color={WARNING_ACTIONS.has(a) ? 'orange' : a.startsWith('session.') ? 'default' : 'blue'}>{auditActionLabel(a)}</Tag>,
  },
  { title: '对象', key: 'target', width: 200, render: (_v, e) => formatTarget(e.action, e.target, e.targetName) },
  { title: '详情', key: 'details', render: (_v, e) => <AuditDetails entry={e} /> },
];

/** Who did what, when: the tamper-evident log, filtered and paged, and its chain check. */
export function AuditLogPage() {
  const [form] = Form.useForm<FilterValues>();
  const s = useAuditStore();
  const { load } = s;

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (v: FilterValues) => {
    const [from, to] = v.range ?? [];
    const days = pickedDayRange(from, to);
    const f: AuditFilters = {
      from: days.from,
      to: days.to,
      action: v.action,
      actor: v.actor,
      text: v.text,
    };
    void s.setFilters(f);
  };

  return (
    <div>
      <PageHeader
        title="审计日志"
        description="所有登录、账户和设置变更都按顺序记入审计链，任何修改、删除或插入都能被校验发现。"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={s.verifying} onClick={() => void s.verify()}>
            校验审计链
          </Button>
        }
      />
      {s.report && <ChainReportView report={s.report} onClose={s.clearReport} />}
      {s.verifyError && <Alert type="error" showIcon title={s.verifyError} style={{ marginBottom: 16 }} />}
      <Card>
        <FilterBar<FilterValues> form={form} onFinish={apply} onReset={() => void s.setFilters({})}>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 232 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部操作" options={ACTION_OPTIONS} style={{ width: 164 }} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input allowClear placeholder="登录名" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="text" label="关键词">
            <Input allowClear placeholder="对象或详情" style={{ width: 160 }} />
          </Form.Item>
        </FilterBar>
        {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} />}
        <DataTable<AuditEntryDto> rowKey="seq" size="middle" loading={s.loading} columns={columns} rows={s.entries} data-testid="audit-table" pagination={{ ...serverPages(s, '条'), showSizeChanger: true, pageSizeOptions: [20, 50, 100] }} />
      </Card>
    </div>
  );
}

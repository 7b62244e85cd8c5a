import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { AccessRequestDto } from '../../../../main/api/dto';
import { errorMessage } from '../../errors';
import { useAccessStore } from '../../stores/access';
import { ACCESS_STATE_COLORS, ACCESS_STATE_LABELS, ACCESS_TYPE_LABELS } from './accessLabels';
import { DecideModal } from './DecideModal';
import { ScopeCell } from './ScopeCell';
import { formatOptionalTime } from '../../time';
import { DataTable } from '../DataTable';

const time = (t: string | null) => formatOptionalTime(t);

/**
 * One box of requests (mine, or those waiting for my decision), loaded when shown, with their state and validity and
 * the load's error above them; approve (where allowed, incl. one's own work viewing) and revoke from here.
 */
export function RequestTable(props: { box: 'mine' | 'toDecide'; showRequester?: boolean; testId: string }) {
  const { message, modal } = App.useApp();
  const { loading, error, revoke } = useAccessStore();
  const page = useAccessStore((s) => s[props.box]);
  const load = useAccessStore((s) => (props.box === 'mine' ? s.loadMine : s.loadToDecide));
  const [deciding, setDeciding] = useState<AccessRequestDto | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<AccessRequestDto> = [
    { title: '编号', dataIndex: 'id', width: 64, render: (id: number) => `#${id}` },
    { title: '类型', dataIndex: 'type', width: 96, render: (t: AccessRequestDto['type']) => ACCESS_TYPE_LABELS[t] },
    ...(props.showRequester ? [{ title: '申请人', key: 'who', width: 96, render: (_v: unknown, r: AccessRequestDto) => r.requestedBy.displayName }] : []),
    { title: '查阅范围', key: 'scope', render: (_v, r) => <ScopeCell scope={r.scope} /> },
    { title: '事由', dataIndex: 'reason', ellipsis: true },
    {
      title: '状态',
      key: 'state',
      width: 92,
      render: (_v, r) => <Tag color={ACCESS_STATE_COLORS[r.state]}>{ACCESS_STATE_LABELS[r.state]}</Tag>,
    },
    {
      title: '有效期 / 审批',
      key: 'validity',
      width: 230,
      render: (_v, r) => (
        <div style={{ lineHeight: 1.5 }}>
          {r.validFrom && (
            <div>
              {time(r.validFrom)} 至 {time(r.validUntil)}
            </div>
          )}
          {r.decidedBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decidedBy.displayName} {r.state === 'rejected' ? '驳回' : r.selfApproved ? '本人审批' : '批准'}
              {r.decisionReason ? `：${r.decisionReason}` : ''}
              {r.namedUsers.length > 0 && `；限 ${r.namedUsers.map((u) => u.displayName).join('、')}`}
            </Typography.Text>
          )}
          {r.revokedBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {r.revokedBy.displayName} 于 {time(r.revokedAt)} 撤销
            </Typography.Text>
          )}
          {!r.validFrom && !r.decidedBy && !r.revokedBy && <Typography.Text type="secondary">申请于 {time(r.requestedAt)}</Typography.Text>}
        </div>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 120,
      render: (_v, r) => (
        <Space size={0}>
          {r.canDecide && (
            <Button type="link" size="small" onClick={() => setDeciding(r)} data-testid={`decide-${r.id}`}>
              审批
            </Button>
          )}
          {r.canRevoke && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: `撤销查阅申请 #${r.id}？`,
                  content: '撤销后立即失效，正在进行的查看在下一次请求时停止。',
                  okText: '撤销',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: () => revoke(r.id).catch((e: unknown) => void message.error(errorMessage(e))),
                })
              }
            >
              撤销
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <DataTable<AccessRequestDto> data-testid={props.testId} rowKey="id" size="middle" columns={columns} rows={page?.items ?? []} loading={loading && !page} pageSize={20} empty="暂无申请" />
      <DecideModal request={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

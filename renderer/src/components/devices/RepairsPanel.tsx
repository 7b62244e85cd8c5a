import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { RepairDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useLoaded } from '../../hooks/useLoaded';
import { REPAIR_RESULT_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { formatTime } from '../../time';
import { DataTable } from '../DataTable';
import { ReturnRepairModal } from './RepairModals';

/** Open repairs first, then the latest sent. */
const openFirst = (rows: RepairDto[]) => [...rows].sort((a, b) => Number(a.returnedAt !== null) - Number(b.returnedAt !== null) || b.sentAt.localeCompare(a.sentAt));

/** 维修 (art. 9): every repair, open ones first; the keeper records the return. */
export function RepairsPanel(props: { canRecord: boolean }) {
  const careVersion = useDevicesStore((s) => s.careVersion);
  const { data: rows, error } = useLoaded(() => api.devices.repairs({}).then(openFirst), [careVersion]);
  const [returning, setReturning] = useState<RepairDto | null>(null);

  const columns: ColumnsType<RepairDto> = [
    { title: '记录仪编号', dataIndex: 'serial', width: 130, render: (s: string) => <span className="ew-mono">{s}</span> },
    { title: '送修时间', dataIndex: 'sentAt', width: 140, render: (v: string) => formatTime(v) },
    { title: '送修人', dataIndex: 'sentBy', width: 90 },
    { title: '故障情况', dataIndex: 'fault' },
    { title: '送修至', dataIndex: 'repairer', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '返回时间', dataIndex: 'returnedAt', width: 140, render: (v: string | null) => (v ? formatTime(v) : <Tag color="orange">维修中</Tag>) },
    {
      title: '结果',
      key: 'result',
      width: 200,
      render: (_v, p) =>
        p.result ? (
          <span>
            <Tag color={p.result === 'repaired' ? 'green' : 'default'}>{REPAIR_RESULT_LABELS[p.result]}</Tag>
            <Typography.Text type="secondary">{p.resultNote ?? ''}</Typography.Text>
          </span>
        ) : props.canRecord ? (
          <Button size="small" icon={<RollbackOutlined />} onClick={() => setReturning(p)}>
            登记返回
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <DataTable<RepairDto> rowKey="id" loading={!rows && !error} columns={columns} rows={rows ?? []} pageSize={20} data-testid="repairs-table" empty="尚无维修记录" />
      <ReturnRepairModal repair={returning} onClose={() => setReturning(null)} />
    </div>
  );
}

import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { RepairDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useLoaded } from '../../hooks/useLoaded';
import { REPAIR_RESULT_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { formatTime } from '../../time';
import { DataTable } from '../DataTable';
import { OutcomeCell } from './OutcomeCell';
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
      render: (_v, p) => (
        <OutcomeCell
          outcome={p.result && { color: p.result === 'repaired' ? 'green' : 'default', label: REPAIR_RESULT_LABELS[p.result], note: p.resultNote ?? '' }}
          action={props.canRecord ? { icon: <RollbackOutlined />, label: '登记返回', onClick: () => setReturning(p) } : null}
          pending="—"
        />
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

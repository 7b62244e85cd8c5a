import { EditOutlined, HistoryOutlined, PlusOutlined, RollbackOutlined, ToolOutlined, UserSwitchOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { OfficerDto, RecorderDto, RecorderStatus } from '../../../../main/api/dto';
import { errorMessage } from '../../errors';
import { RECORDER_STATUS_COLORS, RECORDER_STATUS_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { DataTable } from '../DataTable';
import { ListHeader } from '../ListHeader';
import { AssignModal } from './AssignModal';
import { HistoryDrawer } from './HistoryDrawer';
import { IncidentModal } from './IncidentModal';
import { RecorderModal } from './RecorderModal';
import { SendRepairModal } from './RepairModals';

/** 记录仪: the register (rules art. 7, 9, 10) with status and who wears each one now. */
export function RecordersPanel(props: { canEdit: boolean; canCare: boolean; extra?: ReactNode }) {
  const { message } = App.useApp();
  const { recorders, loading, error, load, assign } = useDevicesStore();
  const [editing, setEditing] = useState<RecorderDto | null>(null);
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<RecorderDto | null>(null);
  const [historyOf, setHistoryOf] = useState<RecorderDto | null>(null);
  const [repairing, setRepairing] = useState<RecorderDto | null>(null);
  const [reporting, setReporting] = useState<RecorderDto | null>(null);

  const giveBack = async (r: RecorderDto) => {
    try {
      await assign({ recorderId: r.id, officerId: null });
      void message.success(`记录仪 ${r.serial} 已归还`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<RecorderDto> = [
    { title: '记录仪编号', dataIndex: 'serial', width: 150, render: (s: string) => <span className="ew-mono">{s}</span> },
    { title: '品牌', dataIndex: 'brand', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '型号', dataIndex: 'model', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '资产编号', dataIndex: 'assetNo', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: RecorderStatus) => <Tag color={RECORDER_STATUS_COLORS[s]}>{RECORDER_STATUS_LABELS[s]}</Tag>,
    },
    {
      title: '当前使用人',
      dataIndex: 'currentOfficer',
      width: 140,
      render: (o: OfficerDto | null) => (o ? `${o.name}（${o.badgeNo}）` : <Typography.Text type="secondary">无人领用</Typography.Text>),
    },
    { title: '备注', dataIndex: 'notes', ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: '操作',
      key: 'actions',
      width: props.canEdit || props.canCare ? 300 : 90,
      render: (_v, r) => (
        <Space size={0} wrap>
          {props.canEdit && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                编辑
              </Button>
              {r.status === 'in_service' && (
                <Button type="link" size="small" icon={<UserSwitchOutlined />} onClick={() => setAssigning(r)}>
                  领用
                </Button>
              )}
              {r.currentOfficer && (
                <Popconfirm
                  title={`${r.currentOfficer.name} 归还记录仪 ${r.serial}？`}
                  description="从现在起该记录仪无人领用。"
                  okText="确认归还"
                  cancelText="取消"
                  onConfirm={() => giveBack(r)}
                >
                  <Button type="link" size="small" icon={<RollbackOutlined />}>
                    归还
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
          {props.canCare && r.status === 'in_service' && (
            <Button type="link" size="small" icon={<ToolOutlined />} onClick={() => setRepairing(r)}>
              送修
            </Button>
          )}
          {props.canCare && (r.status === 'in_service' || r.status === 'repair') && (
            <Button type="link" size="small" danger icon={<WarningOutlined />} onClick={() => setReporting(r)}>
              丢失/损坏
            </Button>
          )}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(r)}>
            记录
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <ListHeader intro="“谁使用、谁负责”（制度第十条）：每台记录仪在每个时段由谁领用，导入时据此确定资料归属。" onRefresh={() => void load()} error={error} extra={props.extra}>
        {props.canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记记录仪
          </Button>
        )}
      </ListHeader>
      <DataTable<RecorderDto> rowKey="id" size="middle" loading={loading} columns={columns} rows={recorders} data-testid="recorders-table" empty="尚未登记记录仪" />
      <RecorderModal open={creating || editing !== null} recorder={editing} onClose={() => (setCreating(false), setEditing(null))} />
      <AssignModal recorder={assigning} onClose={() => setAssigning(null)} />
      <HistoryDrawer recorder={historyOf} onClose={() => setHistoryOf(null)} />
      <SendRepairModal recorder={repairing} onClose={() => setRepairing(null)} />
      <IncidentModal recorder={reporting} onClose={() => setReporting(null)} />
    </div>
  );
}

import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { OfficerDto, RecorderDto } from '../../../../main/api/dto';
import { useDevicesStore } from '../../stores/devices';
import { DataTable } from '../DataTable';
import { ListHeader } from '../ListHeader';
import { OfficerModal } from './OfficerModal';

/** 人员: the officers who wear recorders and hand footage over, known by name and badge number. */
export function OfficersPanel(props: { canEdit: boolean }) {
  const { officers, recorders, accounts, loading, error, load } = useDevicesStore();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<OfficerDto | null>(null);

  const wearing = (o: OfficerDto): RecorderDto[] => recorders.filter((r) => r.currentOfficer?.id === o.id);

  const columns: ColumnsType<OfficerDto> = [
    { title: '姓名', dataIndex: 'name', width: 140 },
    { title: '警号', dataIndex: 'badgeNo', width: 140, render: (b: string) => <span className="ew-mono">{b}</span> },
    { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">在岗</Tag> : <Tag>停用</Tag>) },
    {
      title: '领用的记录仪',
      key: 'recorders',
      render: (_v, o) => {
        const rs = wearing(o);
        return rs.length ? (
          <Space size={4} wrap>
            {rs.map((r) => (
              <Tag key={r.id} className="ew-mono">
                {r.serial}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: '登录账户',
      dataIndex: 'userId',
      width: 200,
      render: (u: number | null) => {
        if (u === null) return <Typography.Text type="secondary">未关联</Typography.Text>;
        const a = accounts.find((x) => x.id === u);
        return (
          <Tag color="blue" data-testid="officer-account">
            {a ? `${a.displayName}（${a.login}）` : '已关联'}
          </Tag>
        );
      },
    },
    ...(props.canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_v: unknown, o: OfficerDto) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(o)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <ListHeader intro="佩戴记录仪、每日移交资料的执法人员。没有登录账户的人员也在此登记；有账户的人员与账户关联后，才能在记录表上签名。" onRefresh={() => void load()} error={error}>
        {props.canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增人员
          </Button>
        )}
      </ListHeader>
      <DataTable<OfficerDto> rowKey="id" size="middle" loading={loading} columns={columns} rows={officers} data-testid="officers-table" empty="尚未登记人员" />
      <OfficerModal open={creating || editing !== null} officer={editing} onClose={() => (setCreating(false), setEditing(null))} />
    </div>
  );
}

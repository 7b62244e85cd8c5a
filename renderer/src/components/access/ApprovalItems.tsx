import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AccessItemDto } from '../../../../main/api/dto';
import { formatDuration } from '../../format';
import { officerText, when } from '../library/columns';

const columns: ColumnsType<AccessItemDto> = [
  { title: '文件', dataIndex: 'originalName', ellipsis: true },
  { title: '执法人员', key: 'officer', width: 130, render: (_v, r) => officerText(r.officer) },
  { title: '记录仪', dataIndex: 'recorderSerial', width: 120, render: (v: string | null) => v ?? '—' },
  { title: '开始', dataIndex: 'startAt', width: 160, render: (v: string) => when(v) },
  { title: '结束', dataIndex: 'endAt', width: 160, render: (v: string | null) => (v ? when(v) : '—') },
  { title: '时长', dataIndex: 'durationSec', width: 90, render: (v: number | null) => formatDuration(v) },
];

/** The media an approval covers, exactly as the approver is shown them before deciding. */
export function ApprovalItems(props: { items: AccessItemDto[]; loading: boolean }) {
  return (
    <Table<AccessItemDto>
      data-testid="approval-items"
      rowKey="mediaId"
      size="small"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
      scroll={{ x: 760 }}
      locale={{ emptyText: '范围内没有资料' }}
    />
  );
}

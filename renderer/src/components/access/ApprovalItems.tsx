import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AccessItemDto } from '../../../../main/api/dto';
import { formatDuration } from '../../format';
import { CLASSIFICATION_COLORS, CLASSIFICATION_LABELS } from '../../labels';
import { officerText, when } from '../library/columns';

const columns: ColumnsType<AccessItemDto> = [
  { title: '文件', dataIndex: 'originalName', ellipsis: true, width: 180 },
  { title: '执法人员', key: 'officer', width: 130, render: (_v, r) => officerText(r.officer) },
  { title: '记录仪', dataIndex: 'recorderSerial', width: 120, render: (v: string | null) => v ?? '—' },
  { title: '开始', dataIndex: 'startAt', width: 160, render: (v: string) => when(v) },
  // The end on the start's day shows its time only.
  { title: '结束', key: 'endAt', width: 100, render: (_v, r) => (r.endAt ? (when(r.endAt).slice(0, 10) === when(r.startAt).slice(0, 10) ? when(r.endAt).slice(11) : when(r.endAt)) : '—') },
  { title: '时长', dataIndex: 'durationSec', width: 80, render: (v: number | null) => formatDuration(v) },
  { title: '案件', dataIndex: 'cases', width: 140, render: (v: string[]) => (v.length ? v.join('、') : '—') },
  {
    title: '密级',
    dataIndex: 'classification',
    width: 90,
    render: (v: AccessItemDto['classification']) => <Tag color={CLASSIFICATION_COLORS[v]}>{CLASSIFICATION_LABELS[v]}</Tag>,
  },
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
      scroll={{ x: 1000 }}
      locale={{ emptyText: '范围内没有资料' }}
    />
  );
}

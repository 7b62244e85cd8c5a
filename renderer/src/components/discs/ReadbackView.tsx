import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DiscReadbackDto, DiscReadbackFileDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import { formatTime } from '../../time';

const STATUS_WORDS: Record<DiscReadbackFileDto['status'], string> = {
  ok: '一致',
  changed: '与入库哈希不一致',
  missing: '光盘上缺少',
  unreadable: '无法读取',
  extra: '多余文件',
};

const columns: ColumnsType<DiscReadbackFileDto> = [
  {
    title: '结果',
    dataIndex: 'status',
    width: 170,
    render: (s: DiscReadbackFileDto['status']) =>
      s === 'ok' ? (
        <span style={{ color: '#2e7d32' }}>
          <CheckCircleFilled /> {STATUS_WORDS[s]}
        </span>
      ) : (
        <span style={{ color: '#c62828' }}>
          <CloseCircleFilled /> {STATUS_WORDS[s]}
        </span>
      ),
  },
  { title: '光盘上的文件', dataIndex: 'path', ellipsis: true },
  { title: 'SHA-256（回读）', dataIndex: 'actual', width: 200, render: (h: string | null) => <span className="ew-mono" style={{ fontSize: 12 }}>{h ? `${h.slice(0, 16)}…` : '—'}</span> },
];

/** The read-back check: every file on the disc against the hash recorded at ingest. */
export function ReadbackView(props: { readback: DiscReadbackDto }) {
  const r = props.readback;
  const bad = r.files.filter((f) => f.status !== 'ok').length;
  return (
    <div data-testid="readback" data-ok={r.ok ? '1' : '0'}>
      <Alert
        showIcon
        type={r.ok ? 'success' : 'error'}
        style={{ marginBottom: 12 }}
        message={r.ok ? `回读核验通过：${r.checked} 个文件与入库时的哈希值一致` : `回读核验未通过：${bad} 个文件有问题`}
        description={`${r.by} 于 ${formatTime(r.at, 'YYYY-MM-DD HH:mm:ss')} 核验，共读取 ${formatBytes(r.bytes)}。`}
      />
      <Table rowKey="path" size="small" columns={columns} dataSource={r.files} pagination={false} />
    </div>
  );
}

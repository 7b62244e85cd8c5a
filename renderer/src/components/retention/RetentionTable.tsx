import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RetentionItemDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import { CLASSIFICATION_LABELS, KEEP_BASIS_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { DataTable } from '../DataTable';

/** Why an item is listed where it is: due since its keep-until day, or what keeps it. */
function whyText(r: RetentionItemDto): string {
  if (r.disposalId !== null) return `已于 ${formatTime(r.disposedAt ?? '')} 销毁（销毁记录 XH-${String(r.disposalId).padStart(4, '0')}）`;
  if (r.refusal === null) return `${KEEP_BASIS_LABELS[r.basis]}，保存至 ${r.keepUntil ?? '—'}，已到期`;
  return r.refusal;
}

const COLUMNS: ColumnsType<RetentionItemDto> = [
  {
    title: '文件',
    dataIndex: 'originalName',
    render: (name: string, r) => (
      <div>
        <Typography.Text strong>{name}</Typography.Text>
        {r.classification !== 'normal' && <Tag color="purple" style={{ marginLeft: 6 }}>{CLASSIFICATION_LABELS[r.classification]}</Tag>}
        <div>
          <Tooltip title={r.sha256}>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              SHA-256 {r.sha256.slice(0, 16)}…
            </Typography.Text>
          </Tooltip>
        </div>
      </div>
    ),
  },
  { title: '录制时间', dataIndex: 'startAt', width: 150, render: (t: string) => formatTime(t) },
  {
    title: '记录仪 / 执法人员',
    width: 170,
    render: (_: unknown, r) => `${r.recorderSerial ?? '未登记'} / ${r.officerName ?? '未登记'}`,
  },
  { title: '大小', dataIndex: 'size', width: 90, align: 'right', render: (n: number) => formatBytes(n) },
  { title: '保存至', dataIndex: 'keepUntil', width: 110, render: (d: string | null) => d ?? <Tag>长期保存</Tag> },
  {
    title: '原因',
    width: 300,
    render: (_: unknown, r) => (
      <span data-testid="retention-why">
        {whyText(r)}
        {r.pendingDisposal && <Tag color="orange" style={{ marginLeft: 6 }}>已申请销毁</Tag>}
      </span>
    ),
  },
];

/** The 到期资料 list: one row per original, with why it is due or kept. */
export function RetentionTable(props: {
  items: RetentionItemDto[];
  loading: boolean;
  selected: number[];
  onSelect?: ((ids: number[]) => void) | undefined;
}) {
  return (
    <DataTable<RetentionItemDto>
      rowKey="mediaId"
      loading={props.loading}
      columns={COLUMNS}
      rows={props.items}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      empty="没有资料"
      {...(props.onSelect
        ? {
            rowSelection: {
              selectedRowKeys: props.selected,
              onChange: (keys) => props.onSelect?.(keys as number[]),
              getCheckboxProps: (r: RetentionItemDto) => ({ disabled: r.disposalId !== null || r.pendingDisposal }),
            },
          }
        : {})}
    />
  );
}

import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleFilled, SyncOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { IngestItemDto, IngestSessionDetailDto, IngestStatus, MediaFlag, MediaKind } from '../../../../main/api/dto';
import { formatBytes, formatDrift, formatDuration } from '../../format';
import { DRIFT_BASIS_LABELS, INGEST_STATUS_COLORS, INGEST_STATUS_LABELS, MEDIA_FLAG_COLORS, MEDIA_FLAG_LABELS, MEDIA_KIND_LABELS, START_SOURCE_LABELS } from '../../labels';
import { OutcomeTags } from './FlagTags';
import { HandoverSheetButton } from './HandoverSheetButton';
import { formatOptionalTime, formatTime } from '../../time';
import { useCan } from '../../hooks/useCan';

const STATUS_TITLES: Record<IngestStatus, string> = {
  running: '正在导入',
  completed: '导入完成',
  cancelled: '导入已取消',
  failed: '导入失败',
  interrupted: '导入中断',
};

const STATUS_ICONS: Record<IngestStatus, ReactNode> = {
  running: <SyncOutlined spin style={{ color: '#1f4e8c' }} />,
  completed: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  cancelled: <MinusCircleFilled style={{ color: '#8a94a6' }} />,
  failed: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  interrupted: <ExclamationCircleFilled style={{ color: '#d48806' }} />,
};

/** As the labels list them. */
const FLAG_ORDER = Object.keys(MEDIA_FLAG_LABELS) as MediaFlag[];

export function StatusTag(props: { status: IngestStatus }) {
  return <Tag color={INGEST_STATUS_COLORS[props.status]}>{INGEST_STATUS_LABELS[props.status]}</Tag>;
}

const columns: ColumnsType<IngestItemDto> = [
  {
    title: '文件',
    dataIndex: 'relPath',
    render: (p: string, i) => (
      <div>
        <div className="ew-mono">{p}</div>
        {i.sha256 && (
          <Tooltip title={`SHA-256 ${i.sha256}`}>
            <span className="ew-mono" style={{ color: '#8a94a6', fontSize: 12 }}>
              SHA-256 {i.sha256.slice(0, 16)}…
            </span>
          </Tooltip>
        )}
      </div>
    ),
  },
  { title: '类型', dataIndex: 'kind', width: 64, render: (k: MediaKind | null) => (k ? MEDIA_KIND_LABELS[k] : '—') },
  { title: '大小', dataIndex: 'size', width: 96, align: 'right', render: (n: number) => formatBytes(n) },
  {
    title: '录制时间',
    dataIndex: 'startAt',
    width: 160,
    render: (t: string | null) => formatOptionalTime(t, 'YYYY-MM-DD HH:mm:ss'),
  },
  {
    title: '录制时间来源',
    dataIndex: 'startSource',
    width: 110,
    render: (s: string | null) => (s ? (START_SOURCE_LABELS[s] ?? s) : '—'),
  },
  { title: '时长', dataIndex: 'durationSec', width: 90, render: (d: number | null, i) => (i.kind === 'photo' ? '—' : formatDuration(d)) },
  { title: '结果与标记', key: 'outcome', width: 240, render: (_v, i) => <OutcomeTags item={i} /> },
];

/** One ingest session: the handover record with every file, its flags, and the handover sheet. */
export function SessionResultView(props: { detail: IngestSessionDetailDto; extra?: ReactNode }) {
  const { detail: d } = props;
  const canSheet = useCan('ingest.handoverSheet');
  const flagCounts = FLAG_ORDER.map((f) => ({ f, n: d.items.filter((i) => i.flags.includes(f)).length })).filter((c) => c.n > 0);
  const totalBytes = d.items.reduce((s, i) => s + i.size, 0);

  return (
    <div data-testid="ingest-result">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Space align="start" size={14}>
            <span style={{ fontSize: 30, lineHeight: 1 }}>{STATUS_ICONS[d.status]}</span>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="ingest-status">
                {STATUS_TITLES[d.status]}
              </Typography.Title>
              <div style={{ marginTop: 6, fontSize: 15 }} data-testid="ingest-counts">
                入库 <b>{d.filesStored}</b> 个，重复 <b>{d.filesDuplicate}</b> 个，失败{' '}
                <b style={{ color: d.filesFailed ? '#cf1322' : undefined }}>{d.filesFailed}</b> 个（共 {d.filesTotal} 个，{formatBytes(totalBytes)}）
              </div>
              {flagCounts.length > 0 && (
                <Space size={[6, 6]} wrap style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">需注意：</Typography.Text>
                  {flagCounts.map((c) => (
                    <Tag key={c.f} color={MEDIA_FLAG_COLORS[c.f]}>
                      {MEDIA_FLAG_LABELS[c.f]} {c.n}
                    </Tag>
                  ))}
                </Space>
              )}
            </div>
          </Space>
          <Space align="start" size={12} wrap>
            {canSheet && d.status !== 'running' && <HandoverSheetButton sessionId={d.id} />}
            {props.extra}
          </Space>
        </div>
        {d.error && (
          <Alert type={d.status === 'cancelled' ? 'info' : 'error'} showIcon title={d.error} style={{ marginTop: 16 }} data-testid="ingest-message" />
        )}
        <Descriptions
          size="small"
          style={{ marginTop: 18 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'by', label: '移交人', children: d.handedOverBy ? `${d.handedOverBy.name}（${d.handedOverBy.badgeNo}）` : '（未指定）' },
            { key: 'to', label: '接收人', children: d.receivedBy },
            { key: 'rec', label: '记录仪', children: d.recorderSerial ? <span className="ew-mono">{d.recorderSerial}</span> : '—' },
            { key: 'src', label: '来源', children: `${d.sourceLabel}（${d.sourceKind === 'recorder' ? '执法记录仪' : '文件夹'}）` },
            { key: 'start', label: '开始时间', children: formatTime(d.startedAt, 'YYYY-MM-DD HH:mm:ss') },
            { key: 'end', label: '结束时间', children: formatOptionalTime(d.finishedAt, 'YYYY-MM-DD HH:mm:ss') },
            {
              key: 'drift',
              label: '记录仪时钟偏差',
              children: (
                <span data-testid="clock-drift">
                  {formatDrift(d.clockDriftSec)}
                  {d.clockDriftBasis && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {DRIFT_BASIS_LABELS[d.clockDriftBasis] ?? d.clockDriftBasis}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            { key: 'stored', label: '入库数据量', children: formatBytes(d.bytesStored) },
            { key: 'clear', label: '清除记录仪', children: d.sourceCleared ? <Tag color="orange">已校验并清除</Tag> : '未清除' },
          ]}
        />
      </Card>
      <Card title={`文件（${d.items.length}）`}>
        <Table<IngestItemDto>
          rowKey="relPath"
          size="small"
          columns={columns}
          dataSource={d.items}
          data-testid="result-items"
          pagination={d.items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        />
      </Card>
    </div>
  );
}

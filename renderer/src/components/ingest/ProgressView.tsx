import { CloseOutlined, FileSearchOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Progress, Row, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatBytes, formatEta, formatSpeed } from '../../format';
import { INGEST_STATUS_LABELS } from '../../labels';
import { useIngestStore, type IngestLane } from '../../stores/ingest';
import { StatusTag } from './SessionResultView';

function Figure(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <div style={{ color: '#5b6475', fontSize: 13 }}>{props.label}</div>
      <div style={{ fontSize: 18, fontWeight: 500, marginTop: 2 }} data-testid={props.testId}>
        {props.children}
      </div>
    </div>
  );
}

/** Every source ingesting now (or just finished), one lane each, above the form that starts the next. */
export function IngestLanes() {
  const lanes = useIngestStore((s) => s.lanes);
  if (!lanes.length) return null;
  return (
    <div data-testid="ingest-lanes" style={{ display: 'grid', gap: 12, marginBottom: 16 }}>
      {lanes.length > 1 && (
        <Typography.Text type="secondary">
          {lanes.filter((l) => !l.finished).length} 个来源正在同时导入，各自一次导入、各自一份交接登记。
        </Typography.Text>
      )}
      {lanes.map((l) => (
        <LaneCard key={l.sessionId} lane={l} />
      ))}
    </div>
  );
}

/** One session: files and bytes done, speed, time left, the current file, and cancel; when over, its result. */
function LaneCard({ lane }: { lane: IngestLane }) {
  const { cancel, openResult, dismissLane } = useIngestStore();
  const p = lane.progress;
  const percent = lane.finished === 'completed' ? 100 : p && p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
  const title = lane.finished ? (
    <Space>
      <StatusTag status={lane.finished} />
      <span>{lane.sourceLabel}</span>
    </Space>
  ) : (
    <Space>
      <Spin size="small" />
      <span>正在导入：{lane.sourceLabel}</span>
    </Space>
  );
  const actions = lane.finished ? (
    <Space>
      <Button type="primary" icon={<FileSearchOutlined />} onClick={() => void openResult(lane.sessionId)}>
        查看结果
      </Button>
      <Button icon={<CloseOutlined />} aria-label={`关闭 ${lane.sourceLabel}`} onClick={() => dismissLane(lane.sessionId)} />
    </Space>
  ) : (
    <Popconfirm
      title="取消导入？"
      description="已校验保存的文件会保留，正在复制的文件不会入库。再次导入时会跳过已保存的文件。"
      okText="取消导入"
      cancelText="继续导入"
      okButtonProps={{ danger: true }}
      onConfirm={() => void cancel(lane.sessionId)}
    >
      <Button danger icon={<StopOutlined />} loading={lane.cancelling}>
        取消
      </Button>
    </Popconfirm>
  );

  return (
    <Card data-testid="ingest-progress" aria-label={`导入 ${lane.sourceLabel}`} size="small" title={title} extra={actions}>
      <Progress percent={percent} status={lane.finished ? (lane.finished === 'completed' ? 'success' : 'exception') : 'active'} strokeColor={lane.finished ? undefined : '#1f4e8c'} />
      <Row gutter={[24, 8]} style={{ marginTop: 8 }}>
        <Col xs={12} md={6}>
          <Figure label="文件" testId="progress-files">
            {p ? `${p.filesDone} / ${p.filesTotal}` : '—'}
          </Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="数据量">{p ? `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}` : '—'}</Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="速度">{p && !lane.finished ? formatSpeed(p.bytesPerSec) : '—'}</Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="剩余时间">{lane.finished ? INGEST_STATUS_LABELS[lane.finished] : p ? formatEta(p.etaSec) : '正在准备…'}</Figure>
        </Col>
      </Row>
      <div style={{ marginTop: 10 }}>
        <Typography.Text type="secondary">当前文件：</Typography.Text>
        <span className="ew-mono">{(!lane.finished && p?.currentFile) || '—'}</span>
        {p && (
          <span style={{ marginLeft: 16, color: '#5b6475' }}>
            已入库 {p.stored}，重复 {p.duplicates}，失败 {p.failed}
          </span>
        )}
      </div>
    </Card>
  );
}

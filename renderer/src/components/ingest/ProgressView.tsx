import { StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Progress, Row, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatBytes, formatEta, formatSpeed } from '../../format';
import { useIngestStore } from '../../stores/ingest';

function Figure(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <div style={{ color: '#5b6475', fontSize: 13 }}>{props.label}</div>
      <div style={{ fontSize: 20, fontWeight: 500, marginTop: 2 }} data-testid={props.testId}>
        {props.children}
      </div>
    </div>
  );
}

/** A running ingest: files and bytes done, speed, time left, the current file, and cancel. */
export function ProgressView() {
  const { progress: p, scan, cancelling, cancel } = useIngestStore();
  const percent = p && p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;

  return (
    <Card
      data-testid="ingest-progress"
      title={
        <Space>
          <Spin size="small" />
          <span>正在导入{scan ? `：${scan.sourceLabel}` : ''}</span>
        </Space>
      }
      extra={
        <Popconfirm
          title="取消导入？"
          description="已校验保存的文件会保留，正在复制的文件不会入库。再次导入时会跳过已保存的文件。"
          okText="取消导入"
          cancelText="继续导入"
          okButtonProps={{ danger: true }}
          onConfirm={() => void cancel()}
        >
          <Button danger icon={<StopOutlined />} loading={cancelling}>
            取消
          </Button>
        </Popconfirm>
      }
    >
      <Progress percent={percent} status="active" strokeColor="#1f4e8c" />
      <Row gutter={[24, 16]} style={{ marginTop: 16 }}>
        <Col xs={12} md={6}>
          <Figure label="文件" testId="progress-files">
            {p ? `${p.filesDone} / ${p.filesTotal}` : '—'}
          </Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="数据量">{p ? `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}` : '—'}</Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="速度">{p ? formatSpeed(p.bytesPerSec) : '—'}</Figure>
        </Col>
        <Col xs={12} md={6}>
          <Figure label="剩余时间">{p ? formatEta(p.etaSec) : '正在准备…'}</Figure>
        </Col>
      </Row>
      <div style={{ marginTop: 18 }}>
        <Typography.Text type="secondary">当前文件：</Typography.Text>
        <span className="ew-mono">{p?.currentFile ?? '—'}</span>
      </div>
      {p && (
        <div style={{ marginTop: 8, color: '#5b6475' }}>
          已入库 {p.stored}，重复 {p.duplicates}，失败 {p.failed}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        每个文件在复制的同时计算 SHA-256，写入后重新读取校验，一致后才以只读方式入库。请勿在导入过程中拔出记录仪；若意外中断，已入库的文件不受影响，再次导入会从中断处继续。
      </Typography.Paragraph>
    </Card>
  );
}

import { CalendarOutlined, CheckCircleFilled, CloseCircleFilled, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Progress, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { MediaFlag, WeeklyPreviewDto, WeeklyRunDto } from '../../../../main/api/dto';
import { formatBytes, formatDuration } from '../../format';
import { HANDOVER_MARKS, type HandoverMark } from '../../../../main/common';
import { HANDOVER_MARK_LOOKS } from '../../labels';
import { useIngestStore } from '../../stores/ingest';
import { useWeeklyStore, type WeeklyProgress } from '../../stores/weekly';
import { GeneratedFileView } from '../GeneratedFile';
import { FlagTags } from './FlagTags';
import { IntegrityReportView } from './IntegrityReportView';
import { FolderPickerModal } from './FolderPickerModal';
import { formatDay, formatTime, officeToday, pickedDay, pickerDay } from '../../time';
import { useCan } from '../../hooks/useCan';

type OfficerRow = WeeklyPreviewDto['officers'][number];
type RecorderRow = WeeklyPreviewDto['recorders'][number];
type FlaggedRow = WeeklyPreviewDto['flagged'][number];

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const STEP_LABELS: Record<WeeklyProgress['step'], string> = {
  integrity: '复核本周原始文件',
  backup: '复制并校验备份',
  report: '生成并签名周报',
};

function Mark(props: { mark: HandoverMark }) {
  const m = HANDOVER_MARK_LOOKS[props.mark];
  return (
    <Tooltip title={m.hint}>
      <span style={{ color: m.color, fontWeight: props.mark === 'none' ? 400 : 600, fontSize: 15 }} data-mark={props.mark}>
        {m.text}
      </span>
    </Tooltip>
  );
}

/** 每周归档 (rules art. 11(2)): the week's handovers, footage and flags; then check, back up and sign. */
export function WeeklyTab() {
  const { weekOf, preview, previewLoading, previewError, setWeek, loadPreview } = useWeeklyStore();

  useEffect(() => {
    void loadPreview();
  }, [loadPreview]);

  const week = pickerDay(weekOf ?? officeToday());
  return (
    <div>
      {preview?.isFriday && (
        <Alert
          type="warning"
          showIcon
          icon={<CalendarOutlined />}
          style={{ marginBottom: 16 }}
          title="今天是周五，请完成本周归档（制度第十一条第二款）"
          description={preview.lastConsolidation ? '本周已归档过一次；如之后又有导入，可再次归档。' : '复核本周原始文件的完整性，复制一份经校验的备份，并生成签名的周报。'}
          data-testid="friday-banner"
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
        <Space size={12} wrap>
          <DatePicker picker="week" value={week} allowClear={false} onChange={(d) => d && void setWeek(pickedDay(d))} aria-label="选择周" />
          <Button onClick={() => void setWeek(null)}>本周</Button>
          {preview && (
            <Typography.Text strong data-testid="week-title">
              {preview.isoYear} 年第 {preview.isoWeek} 周（{preview.days[0]} 至 {preview.days[6]}）
            </Typography.Text>
          )}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void loadPreview()} loading={previewLoading}>
          刷新
        </Button>
      </div>
      {previewError && <Alert type="error" showIcon title={previewError} style={{ marginBottom: 16 }} />}
      {!preview ? <Skeleton active /> : <WeekBody preview={preview} />}
    </div>
  );
}

function WeekBody(props: { preview: WeeklyPreviewDto }) {
  const { preview } = props;
  const isCustodian = useCan('weekly.run');
  const today = officeToday();

  const officerColumns: ColumnsType<OfficerRow> = [
    {
      title: '执法人员',
      key: 'who',
      width: 170,
      render: (_v, o) => (
        <span>
          {o.name}
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {o.badgeNo}
          </Typography.Text>
        </span>
      ),
    },
    ...preview.days.map((d, i) => ({
      title: (
        <div style={{ textAlign: 'center', lineHeight: 1.3, color: d === today ? '#1f4e8c' : undefined }}>
          <div>{WEEKDAYS[i]}</div>
          <div style={{ fontSize: 12, fontWeight: 400 }}>{formatDay(d, 'M/D')}</div>
        </div>
      ),
      key: d,
      align: 'center' as const,
      render: (_v: unknown, o: OfficerRow) => <Mark mark={o.marks[i] ?? 'none'} />,
    })),
  ];

  const recorderColumns: ColumnsType<RecorderRow> = [
    { title: '记录仪', dataIndex: 'serial', render: (s: string) => <span className="ew-mono">{s}</span> },
    { title: '品牌型号', key: 'bm', render: (_v, r) => [r.brand, r.model].filter(Boolean).join(' ') || '—' },
    { title: '使用人', dataIndex: 'officerName', render: (n: string | null) => n ?? '—' },
    { title: '文件', dataIndex: 'files', width: 70, align: 'right' },
    { title: '大小', dataIndex: 'bytes', width: 100, align: 'right', render: (n: number) => formatBytes(n) },
    { title: '时长', dataIndex: 'durationSec', width: 110, render: (n: number) => formatDuration(n) },
  ];

  const flaggedColumns: ColumnsType<FlaggedRow> = [
    { title: '文件', dataIndex: 'fileName', render: (s: string) => <span className="ew-mono">{s}</span> },
    { title: '记录仪', dataIndex: 'recorderSerial', width: 120, render: (s: string | null) => (s ? <span className="ew-mono">{s}</span> : '—') },
    { title: '人员', dataIndex: 'officerName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '录制时间', dataIndex: 'startAt', width: 160, render: (t: string) => formatTime(t) },
    { title: '标记', dataIndex: 'flags', width: 200, render: (f: MediaFlag[]) => <FlagTags flags={f} /> },
  ];

  const last = preview.lastConsolidation;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          title="每日移交情况"
          extra={
            <Space size={14} style={{ fontSize: 13, color: '#5b6475' }}>
              {HANDOVER_MARKS.map((m) => (
                <span key={m}>
                  <Mark mark={m} /> {HANDOVER_MARK_LOOKS[m].hint}
                </span>
              ))}
            </Space>
          }
        >
          <Table<OfficerRow>
            rowKey="officerId"
            size="small"
            columns={officerColumns}
            dataSource={preview.officers}
            pagination={false}
            data-testid="handover-grid"
            locale={{ emptyText: '尚未登记执法人员' }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title="记录仪">
          <Table<RecorderRow> rowKey="serial" size="small" columns={recorderColumns} dataSource={preview.recorders} pagination={false} locale={{ emptyText: '本周没有入库的录像' }} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`需注意的文件（${preview.flagged.length}）`}>
          <Table<FlaggedRow>
            rowKey="mediaId"
            size="small"
            columns={flaggedColumns}
            dataSource={preview.flagged}
            pagination={preview.flagged.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: '本周没有带标记的文件' }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title="归档" data-testid="weekly-run-card">
          <div style={{ marginBottom: 16 }}>
            {last ? (
              <Space size={8} wrap>
                <Typography.Text>本周最近一次归档：</Typography.Text>
                <Typography.Text>{formatTime(last.createdAt)}</Typography.Text>
                <Typography.Text type="secondary">（{last.createdBy}）</Typography.Text>
                {last.backupVerified ? <Tag color="green">备份已校验</Tag> : <Tag>无校验备份</Tag>}
                <Typography.Text type="secondary" className="ew-mono">
                  {last.reportFile}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">本周尚未归档。</Typography.Text>
            )}
          </div>
          {isCustodian ? <RunForm /> : <Alert type="info" showIcon title="每周归档由保管员执行。" />}
        </Card>
      </Col>
    </Row>
  );
}

function RunForm() {
  // A recorder is where footage comes from, never where its backup goes (the archive itself is never listed).
  const sources = useIngestStore((s) => s.sources).filter((s) => !s.recorder);
  const loadSources = useIngestStore((s) => s.loadSources);
  const { running, progress, run, runError, runWeekly } = useWeeklyStore();
  const [form] = Form.useForm<{ backup?: string }>();
  const [picking, setPicking] = useState(false);

  return (
    <div>
      <Form<{ backup?: string }> form={form} layout="inline" onFinish={(v) => void runWeekly(v.backup ?? null)} style={{ rowGap: 12 }}>
        <Form.Item name="backup" label="备份位置" extra="备份到第二块移动硬盘或另一文件夹；不选则只复核和生成周报。">
          <Select
            allowClear
            placeholder="选择备份位置"
            style={{ width: 320 }}
            options={sources.map((s) => ({ value: s.id, label: `${s.label}（${s.kind === 'volume' ? '移动设备' : '文件夹'}）` }))}
            optionRender={(o) => {
              const s = sources.find((x) => x.id === o.value);
              return (
                <div>
                  <div>{o.label}</div>
                  {s && (
                    <div className="ew-mono" style={{ fontSize: 12, color: '#8a94a6' }}>
                      {s.path}
                    </div>
                  )}
                </div>
              );
            }}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => setPicking(true)} data-testid="pick-backup-folder">
            选择文件夹…
          </Button>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<InboxOutlined />} loading={running}>
            执行每周归档
          </Button>
        </Form.Item>
      </Form>
      <FolderPickerModal
        open={picking}
        title="选择备份位置"
        onClose={() => setPicking(false)}
        onPicked={(s) => void loadSources().then(() => form.setFieldValue('backup', s.id))}
      />
      {running && (
        <div style={{ marginTop: 16, maxWidth: 640 }} data-testid="weekly-progress">
          <Progress percent={progress && progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} status="active" />
          <Typography.Text type="secondary">
            {progress ? `${STEP_LABELS[progress.step]}：${progress.done} / ${progress.total}` : '正在准备…'}
          </Typography.Text>
        </div>
      )}
      {runError && <Alert type="error" showIcon title={runError} style={{ marginTop: 16 }} />}
      {run && !running && <RunResult run={run} />}
    </div>
  );
}

function RunResult(props: { run: WeeklyRunDto }) {
  const { run } = props;
  const b = run.backup;
  return (
    <div data-testid="weekly-result" style={{ marginTop: 20 }}>
      <Alert
        type={run.integrity.ok && (!b || b.verified) ? 'success' : 'error'}
        showIcon
        title={run.integrity.ok && (!b || b.verified) ? '本周归档已完成' : '本周归档完成，但发现问题，请查看下面的详情'}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="完整性复核" style={{ height: '100%' }}>
            <IntegrityReportView report={run.integrity} compact />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="备份" style={{ height: '100%' }}>
            {b ? (
              <>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 't', label: '备份位置', children: b.target },
                    { key: 'f', label: '文件夹', children: <span className="ew-mono">{b.folder}</span> },
                    { key: 'n', label: '文件', children: `新复制 ${b.filesCopied} 个，已存在 ${b.filesAlreadyThere} 个（${formatBytes(b.bytesCopied)}）` },
                    {
                      key: 'v',
                      label: '校验',
                      children: b.verified ? (
                        <Tag icon={<CheckCircleFilled />} color="success" data-testid="backup-verified">
                          已校验
                        </Tag>
                      ) : (
                        <Tag icon={<CloseCircleFilled />} color="error">
                          校验未通过
                        </Tag>
                      ),
                    },
                  ]}
                />
                {b.problems.length > 0 && (
                  <ul style={{ margin: '8px 0 0', paddingLeft: 18, color: '#cf1322' }}>
                    {b.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次未选择备份位置" />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title="周报">
            <GeneratedFileView file={run.report} signatureFile={run.signatureFile} label="周报" />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
              周报已由您的证书签名（{run.signatureFile}，CMS/PKCS#7 分离签名），可用 OpenSSL 配合单位根证书验证，任何改动都会使签名失效。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

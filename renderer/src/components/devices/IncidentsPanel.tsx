import { AuditOutlined, FileImageOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Space, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { IncidentDto, IncidentStatementDto } from '../../../../main/api/dto';
import type { CompensationDecision } from '../../../../main/common';
import { api, isDesktop } from '../../api';
import { errorMessage } from '../../errors';
import { useCan } from '../../hooks/useCan';
import { useLoaded } from '../../hooks/useLoaded';
import { useSubmit } from '../../hooks/useSubmit';
import { COMPENSATION_DECISION_LABELS, COMPENSATION_DECISIONS, INCIDENT_KIND_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { formatTime } from '../../time';
import { DataTable } from '../DataTable';
import { ItemFormModal } from '../FormModal';
import { formUrl } from '../GeneratedFile';
import { toBase64 } from '../forms/ScanUpload';
import { OutcomeCell } from './OutcomeCell';

const MAX_BYTES = 10 * 1024 * 1024;

/** A scanned statement: opened (desktop) or downloaded (browser) by those allowed, else its hash only. */
function Statement(props: { s: IncidentStatementDto; canOpen: boolean }) {
  const { message } = App.useApp();
  const { s } = props;
  const label = `${s.uploadedName}（SHA-256 ${s.sha256.slice(0, 12)}…）`;
  if (!props.canOpen) return <Typography.Text type="secondary">{label}</Typography.Text>;
  return isDesktop ? (
    <Button type="link" size="small" icon={<FileImageOutlined />} style={{ paddingInline: 0 }} onClick={() => void api.devices.openStatement({ fileName: s.fileName }).catch((e: unknown) => void message.error(errorMessage(e)))}>
      {label}
    </Button>
  ) : (
    <a href={formUrl(s.fileName)} download={s.fileName} title={`SHA-256 ${s.sha256}`}>
      <FileImageOutlined aria-hidden /> {label}
    </a>
  );
}

/** 丢失损坏 (art. 10): who wore it, what happened, the chief's decision on compensation, scanned statements. */
export function IncidentsPanel() {
  const { message } = App.useApp();
  const careVersion = useDevicesStore((s) => s.careVersion);
  const touched = useDevicesStore((s) => s.touched);
  const canDecide = useCan('devices.decideIncident');
  const canAttach = useCan('devices.attachStatement');
  const canOpen = useCan('devices.openStatement');
  const { data: rows, error } = useLoaded(() => api.devices.incidents({}), [careVersion]);
  const [deciding, setDeciding] = useState<IncidentDto | null>(null);
  const attach = useSubmit({ toast: true });

  const upload = (i: IncidentDto, file: File) => {
    if (file.size > MAX_BYTES) return void message.error('扫描件不能超过 10 MB');
    void attach.run(async () => {
      await api.devices.attachStatement({ incidentId: i.id, fileName: file.name, dataBase64: await toBase64(file) });
      touched();
      void message.success('已附加情况说明扫描件');
    });
  };

  const submitDecision = async (incident: IncidentDto, v: { decision: CompensationDecision; note?: string }) => {
    await api.devices.decideIncident({ incidentId: incident.id, decision: v.decision, note: v.note?.trim() || null });
    touched();
    void message.success('赔偿决定已登记');
  };

  const columns: ColumnsType<IncidentDto> = [
    { title: '记录仪编号', dataIndex: 'serial', width: 120, render: (s: string) => <span className="ew-mono">{s}</span> },
    { title: '情况', dataIndex: 'kind', width: 70, render: (k: IncidentDto['kind']) => <Tag color={k === 'lost' ? 'red' : 'orange'}>{INCIDENT_KIND_LABELS[k]}</Tag> },
    { title: '发生时间', dataIndex: 'occurredAt', width: 140, render: (v: string) => formatTime(v) },
    { title: '佩戴人', dataIndex: 'officer', width: 130, render: (o: IncidentDto['officer']) => (o ? `${o.name}（${o.badgeNo}）` : <Typography.Text type="secondary">无人领用</Typography.Text>) },
    { title: '经过', dataIndex: 'description', render: (v: string, i) => <div>{v}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.reportedBy} 于 {formatTime(i.reportedAt)} 登记</Typography.Text></div></div> },
    {
      title: '赔偿决定',
      key: 'decision',
      width: 190,
      render: (_v, i) => (
        <OutcomeCell
          outcome={i.decision && { color: i.decision === 'no_compensation' ? 'default' : 'volcano', label: COMPENSATION_DECISION_LABELS[i.decision], note: `${i.decidedBy ?? ''}${i.decisionNote ? `：${i.decisionNote}` : ''}` }}
          action={canDecide ? { icon: <AuditOutlined />, label: '作出决定', onClick: () => setDeciding(i), testId: `decide-${i.id}` } : null}
          pending={<Tag>待大队负责人决定</Tag>}
        />
      ),
    },
    {
      title: '情况说明（扫描件）',
      key: 'statements',
      width: 250,
      render: (_v, i) => (
        <Space direction="vertical" size={0}>
          {i.statements.map((s) => (
            <Statement key={s.id} s={s} canOpen={canOpen} />
          ))}
          {canAttach && (
            <Upload accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => (upload(i, file), false)}>
              <Button size="small" type="link" icon={<PaperClipOutlined />} loading={attach.busy} style={{ paddingInline: 0 }} data-testid={`attach-${i.id}`}>
                附加扫描件
              </Button>
            </Upload>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Typography.Paragraph type="secondary">“谁佩戴、谁负责”：因保管不善、使用不当造成丢失、损坏的，按规定赔偿；故意损坏的，原价赔偿并追究责任（制度第十条）。扫描件只读保存，仅保管员和大队负责人可查看。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <DataTable<IncidentDto> rowKey="id" loading={!rows && !error} columns={columns} rows={rows ?? []} pageSize={20} data-testid="incidents-table" empty="尚无丢失或损坏记录" />
      <ItemFormModal<IncidentDto, { decision: CompensationDecision; note?: string }> item={deciding} title="赔偿决定" name={(i) => i.serial} okText="确认决定"
        initialValues={{ decision: 'compensate' }}
        onSubmit={submitDecision}
        onClose={() => setDeciding(null)}
        intro={
          deciding && (
            <Typography.Paragraph type="secondary">
              {INCIDENT_KIND_LABELS[deciding.kind]}，佩戴人 {deciding.officer ? deciding.officer.name : '无'}：{deciding.description}。决定作出后不能更改。
            </Typography.Paragraph>
          )
        }
      >
        <Form.Item name="decision" label="决定">
          <Radio.Group options={COMPENSATION_DECISIONS.map((d) => ({ value: d, label: COMPENSATION_DECISION_LABELS[d] }))} />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500 }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：按资产管理规定折价赔偿" />
        </Form.Item>
      </ItemFormModal>
    </div>
  );
}

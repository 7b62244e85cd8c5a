import { Alert, Button, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { DisposalDetailDto, DisposalDto, GeneratedFileDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { formatBytes } from '../../format';
import { DISPOSAL_STATE_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { GeneratedFileView } from '../GeneratedFile';
import { ReasonModal } from './ReasonModal';

const STATE_COLORS: Record<DisposalDto['state'], string> = { requested: 'gold', approved: 'blue', rejected: 'default', executed: 'red' };
const who = (name: string | null, at: string | null) => (name ? `${name}（${formatTime(at ?? '')}）` : '—');

/**
 * 销毁申请: the custodian's requests, the chief's decision on exactly the listed files (the approval carries the
 * list's fingerprint), and the execution by another person, which leaves the signed 销毁记录.
 */
export function DisposalsPanel(props: { nonce: number; onChanged: () => void }) {
  const canDecide = useCan('disposals.decide');
  const canExecute = useCan('disposals.execute');
  const [list, setList] = useState<DisposalDto[]>([]);
  const [open, setOpen] = useState<DisposalDetailDto | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [record, setRecord] = useState<GeneratedFileDto | null>(null);
  const { busy, doing, error, setError, run, report } = useSubmit<'approve' | 'execute' | 'record' | 'open'>();

  useEffect(() => {
    let live = true;
    api.disposals.list().then((l) => live && setList(l), report);
    return () => {
      live = false;
    };
  }, [props.nonce, report]);

  const show = (id: number) =>
    run(async () => {
      setRecord(null);
      setOpen(await api.disposals.get({ id }));
    }, 'open');
  const changed = (d: DisposalDetailDto) => {
    setOpen(d);
    props.onChanged();
  };

  const columns: ColumnsType<DisposalDto> = [
    { title: '编号', dataIndex: 'id', width: 90, render: (id: number) => `XH-${String(id).padStart(4, '0')}` },
    { title: '状态', dataIndex: 'state', width: 110, render: (s: DisposalDto['state']) => <Tag color={STATE_COLORS[s]}>{DISPOSAL_STATE_LABELS[s]}</Tag> },
    { title: '文件', width: 120, render: (_: unknown, d) => `${d.files} 个，${formatBytes(d.bytes)}` },
    { title: '事由', dataIndex: 'reason', ellipsis: true },
    { title: '申请', width: 190, render: (_: unknown, d) => who(d.requestedBy, d.requestedAt) },
    { title: '审批', width: 190, render: (_: unknown, d) => who(d.decidedBy, d.decidedAt) },
    { title: '执行', width: 190, render: (_: unknown, d) => who(d.executedBy, d.executedAt) },
    { title: '', width: 80, render: (_: unknown, d) => <Button size="small" onClick={() => void show(d.id)}>查看</Button> },
  ];

  const d = open;
  return (
    <div>
      <Table<DisposalDto> rowKey="id" size="small" columns={columns} dataSource={list} pagination={false} locale={{ emptyText: '暂无销毁申请' }} />
      <Modal open={!!d} width={900} title={d ? `销毁申请 XH-${String(d.id).padStart(4, '0')}` : ''} footer={null} onCancel={() => { setOpen(null); setError(null); }} destroyOnHidden>
        {d && (
          <div>
            <Descriptions size="small" column={2} bordered items={[
              { key: 's', label: '状态', children: DISPOSAL_STATE_LABELS[d.state] },
              { key: 'r', label: '事由', children: d.reason },
              { key: 'q', label: '申请人', children: who(d.requestedBy, d.requestedAt) },
              { key: 'a', label: '审批人', children: who(d.decidedBy, d.decidedAt) },
              ...(d.decisionReason ? [{ key: 'dr', label: '审批意见', children: d.decisionReason }] : []),
              { key: 'e', label: '执行人', children: who(d.executedBy, d.executedAt) },
            ]} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>销毁清单（共 {d.items.length} 个）</Typography.Title>
            <Table
              rowKey="mediaId"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                { title: '文件', dataIndex: 'originalName' },
                { title: '录制时间', dataIndex: 'startAt', width: 150, render: (t: string) => formatTime(t) },
                { title: '大小', dataIndex: 'size', width: 90, render: (n: number) => formatBytes(n) },
                { title: '到期原因', dataIndex: 'dueReason', width: 260 },
                { title: 'SHA-256', dataIndex: 'sha256', width: 200, render: (h: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 11 }}>{h}</Typography.Text> },
              ]}
            />
            <Space style={{ marginTop: 16 }} wrap>
              {canDecide && d.state === 'requested' && (
                <>
                  <Button type="primary" danger loading={doing === 'approve'} disabled={busy}
                    onClick={() => void run(async () => changed(await api.disposals.decide({ id: d.id, approve: true, itemsFingerprint: d.itemsSha256 })), 'approve')}>
                    核对无误，批准销毁
                  </Button>
                  <Button disabled={busy} onClick={() => setRejecting(true)}>驳回</Button>
                </>
              )}
              {canExecute && d.state === 'approved' && (
                <Button type="primary" danger loading={doing === 'execute'} disabled={busy}
                  onClick={() => void run(async () => changed(await api.disposals.execute({ id: d.id })), 'execute')}>
                  执行销毁并签署销毁记录
                </Button>
              )}
              {d.state === 'executed' && (
                <Button loading={doing === 'record'} disabled={busy} onClick={() => void run(async () => setRecord(await api.disposals.recordDocx({ id: d.id })), 'record')}>
                  销毁记录
                </Button>
              )}
            </Space>
            {canExecute && d.state === 'approved' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                执行人须为批准人以外的另一人；执行时再次核对每个文件的保存期限、案件、保留和密级，并校验 SHA-256。
              </Typography.Paragraph>
            )}
            {record && <GeneratedFileView file={record} signatureFile={`${record.fileName}.p7s`} label="销毁记录" />}
            {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
          </div>
        )}
      </Modal>
      <ReasonModal
        open={rejecting}
        title="驳回销毁申请"
        label="驳回理由"
        okText="驳回"
        onClose={() => setRejecting(false)}
        onSubmit={async ({ reason }) => {
          if (d) changed(await api.disposals.decide({ id: d.id, approve: false, reason }));
        }}
      />
    </div>
  );
}

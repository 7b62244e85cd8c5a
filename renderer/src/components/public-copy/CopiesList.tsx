import { Button, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { GeneratedFileDto } from '../../../../main/api/dto';
import type { PublicCopyDto } from '../../../../main/public-copy';
import { api } from '../../api';
import { formatBytes } from '../../format';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { MASK_STYLE_LABELS, REGION_KIND_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { FormModal } from '../FormModal';
import { GeneratedFileView } from '../GeneratedFile';

const s = (t: number) => `${t.toFixed(2)}s`;

/** What a copy was made from and of: its provenance as recorded (and signed beside the copy). */
function Provenance(props: { copy: PublicCopyDto }) {
  const c = props.copy;
  const [doc, setDoc] = useState<GeneratedFileDto | null>(null);
  const { busy, run } = useSubmit({ toast: true });
  return (
    <Descriptions size="small" column={1} bordered labelStyle={{ width: 140 }}>
      <Descriptions.Item label="原始文件">
        {c.originalName}
        <br />
        <Typography.Text code>SHA-256 {c.sourceSha256}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="副本">
        {c.fileName}（{formatBytes(c.bytes)}）
        <br />
        <Typography.Text code>SHA-256 {c.sha256}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="范围">{`${s(c.operations.range.from)} – ${s(c.operations.range.to)}`}</Descriptions.Item>
      <Descriptions.Item label="遮挡区域">
        {c.operations.regions.length
          ? c.operations.regions.map((r, i) => (
              <div key={i}>
                {i + 1}. {REGION_KIND_LABELS[r.kind]} · {MASK_STYLE_LABELS[r.style]} · {s(r.from)}–{s(r.to)} · 关键帧 {r.keyFrames.map((k) => `${s(k.t)}(${k.x},${k.y},${k.w}×${k.h})`).join(' ')}
              </div>
            ))
          : '无'}
      </Descriptions.Item>
      <Descriptions.Item label="静音区间">{c.operations.mute.length ? c.operations.mute.map((m) => `${s(m.from)}–${s(m.to)}`).join('，') : '无'}</Descriptions.Item>
      <Descriptions.Item label="来源记录">
        {c.provenanceFile}（已签名，.p7s 同名）<Typography.Text code>SHA-256 {c.provenanceSha256}</Typography.Text>
        <div style={{ marginTop: 6 }}>
          {doc ? <GeneratedFileView file={doc} label="来源记录（打印）" /> : <Button size="small" loading={busy} onClick={() => void run(async () => setDoc(await api.publicCopies.provenanceDocx({ id: c.id })))}>打印来源记录</Button>}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label="交付记录">
        {c.handOuts.length ? c.handOuts.map((h) => <div key={h.id}>{`${formatTime(h.at)} ${h.by} 交付给 ${h.recipient}（${h.reason}）→ ${h.destination}`}</div>) : '尚未交付'}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface HandOutValues {
  folder: string;
  recipient: string;
  reason: string;
}

/** 公开使用副本清单: on their own, never among the evidence; each with its provenance and hand-outs. */
export function CopiesList(props: { copies: PublicCopyDto[]; onChanged(): void }) {
  const canHandOut = useCan('publicCopies.handOut');
  const [handing, setHanding] = useState<PublicCopyDto | null>(null);
  const columns: ColumnsType<PublicCopyDto> = [
    { title: '编号', dataIndex: 'number', width: 90 },
    { title: '标识', dataIndex: 'label', ellipsis: true },
    { title: '原始文件', dataIndex: 'originalName', ellipsis: true },
    { title: '制作', width: 200, render: (_: unknown, c) => `${c.madeBy}（${formatTime(c.madeAt)}）` },
    { title: '交付', width: 80, render: (_: unknown, c) => (c.handOuts.length ? <Tag color="blue">{c.handOuts.length} 次</Tag> : <Tag>未交付</Tag>) },
    { title: '', width: 100, render: (_: unknown, c) => canHandOut && <Button size="small" onClick={() => setHanding(c)}>交付</Button> },
  ];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={props.copies}
        pagination={false}
        locale={{ emptyText: '尚无公开使用副本' }}
        expandable={{ expandedRowRender: (c) => <Provenance copy={c} /> }}
        data-testid="public-copies"
      />
      <FormModal<HandOutValues>
        open={handing !== null}
        formKey={handing?.id ?? null}
        title={`交付公开使用副本 ${handing?.number ?? ''}`}
        okText="交付"
        intro="副本连同签名的来源记录复制到指定文件夹；交付将登记并写入审计日志。"
        onClose={() => setHanding(null)}
        onSubmit={async (v) => {
          await api.publicCopies.handOut({ id: handing!.id, ...v });
          props.onChanged();
        }}
      >
        <Form.Item name="folder" label="目标文件夹（完整路径）" rules={[{ required: true, message: '请填写目标文件夹' }]}>
          <Input placeholder="例如 E:\\公开发布" />
        </Form.Item>
        <Form.Item name="recipient" label="接收单位或接收人" rules={[{ required: true, message: '请填写接收单位或接收人' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" label="用途" rules={[{ required: true, message: '请填写用途' }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}

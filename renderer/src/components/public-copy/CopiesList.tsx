import { Button, Descriptions, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { GeneratedFileDto } from '../../../../main/api/dto';
import type { HandOutDto, PublicCopyDto } from '../../../../main/public-copy';
import { api } from '../../api';
import { formatBytes } from '../../format';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { MASK_STYLE_LABELS, REGION_KIND_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { GeneratedFileView } from '../GeneratedFile';
import { HandOutModal } from './HandOutModal';

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
        {c.handOuts.length ? c.handOuts.map((h) => <HandOutLine key={h.id} h={h} />) : '尚未交付'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One hand-out: a disc says it is a public-use copy disc (not evidence), its volume and whether it was read back. */
function HandOutLine({ h }: { h: HandOutDto }) {
  const text = `${formatTime(h.at)} ${h.by} 交付给 ${h.recipient}（${h.reason}）→ ${h.destination}`;
  if (h.medium === 'folder') return <div>{text}</div>;
  return (
    <div>
      <Tag color="orange">公开使用副本光盘 · 非证据</Tag>
      {text}，卷标 <Typography.Text code>{h.volumeId}</Typography.Text>
      {h.readBack === 'ok' ? '，已回读核验' : '，本机不能回读，请接收方用光盘上的 SHA256SUMS.txt 核验'}
    </div>
  );
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
      <HandOutModal copy={handing} onClose={() => setHanding(null)} onDone={props.onChanged} />
    </>
  );
}

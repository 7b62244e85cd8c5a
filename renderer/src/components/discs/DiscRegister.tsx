import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { DiscSummaryDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import { formatOptionalTime } from '../../time';
import { DataTable } from '../DataTable';

const at = (iso: string | null) => formatOptionalTime(iso);

/** 光盘登记: every disc, who built and burned it, when, and the read-back result; label text to print. */
export function DiscRegister(props: { discs: DiscSummaryDto[]; loading?: boolean; onSelect?: (d: DiscSummaryDto) => void }) {
  const [label, setLabel] = useState<DiscSummaryDto | null>(null);
  const columns: ColumnsType<DiscSummaryDto> = [
    { title: '光盘编号', dataIndex: 'id', width: 110 },
    { title: '案件', key: 'case', ellipsis: true, render: (_v, d) => `${d.caseNumber} ${d.caseTitle}` },
    { title: '张数', key: 'n', width: 90, render: (_v, d) => `${d.discIndex} / ${d.discCount}` },
    { title: '介质', dataIndex: 'mediaType', width: 90 },
    { title: '映像', dataIndex: 'imageBytes', width: 90, render: (n: number) => formatBytes(n) },
    { title: '制作', key: 'built', width: 170, render: (_v, d) => `${d.builtBy} ${at(d.builtAt)}` },
    { title: '刻录', key: 'burned', width: 170, render: (_v, d) => (d.burnedBy ? `${d.burnedBy} ${at(d.burnedAt)}` : <Tag>未刻录</Tag>) },
    {
      title: '回读核验',
      key: 'check',
      width: 110,
      render: (_v, d) => (d.readbackOk === null ? <Tag>未核验</Tag> : d.readbackOk ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>),
    },
    {
      title: '标签',
      key: 'label',
      width: 90,
      render: (_v, d) => (
        <Button size="small" icon={<PrinterOutlined />} onClick={() => setLabel(d)}>
          标签
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable rowKey="id" loading={props.loading} columns={columns} rows={props.discs} pageSize={20} empty="尚未制作证据光盘" onPick={props.onSelect} data-testid="disc-register" />
      <Modal title={`光盘标签 ${label?.id ?? ''}`} open={label !== null} onCancel={() => setLabel(null)} footer={null}>
        <Typography.Paragraph type="secondary">请将以下文字打印或书写在光盘盘面和光盘袋上。</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: label?.labelText ?? '' }}>
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 15, lineHeight: 1.8, margin: 0 }} data-testid="label-text">
            {label?.labelText}
          </pre>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

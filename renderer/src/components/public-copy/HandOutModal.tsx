import { Alert, Button, Form, Input, Progress, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DriveDto } from '../../../../main/api/dto';
import type { CopyDiscProgressDto, PublicCopyDto } from '../../../../main/public-copy';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useCan } from '../../hooks/useCan';
import { STEP_LABELS } from '../discs/useDiscProgress';
import { FormModal } from '../FormModal';

interface HandOutValues {
  medium: 'folder' | 'disc';
  folder?: string;
  driveId?: string;
  recipient: string;
  reason: string;
}

/** The burners a copy may go out in; reloaded on demand (a blank disc put in, a drive plugged). */
function DriveField() {
  const [drives, setDrives] = useState<DriveDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchDrives = () => api.publicCopies.drives().then(setDrives, (e: unknown) => setError(errorMessage(e)));
  const load = () => {
    setError(null);
    setDrives(null);
    void fetchDrives();
  };
  useEffect(() => void fetchDrives(), []);
  return (
    <>
      <Form.Item label="刻录机" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="driveId" noStyle rules={[{ required: true, message: '请选择刻录机' }]}>
            <Select loading={drives === null && !error} placeholder="选择刻录机" options={(drives ?? []).map((d) => ({ value: d.id, label: d.label }))} notFoundContent="未找到刻录机" data-testid="handout-drive" />
          </Form.Item>
          <Button onClick={load}>刷新</Button>
        </Space.Compact>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
    </>
  );
}

/** Writing the image, burning and reading back take minutes: the step, its file and its percent, once the burn starts. */
function DiscProgress(props: { copyId: number }) {
  const [p, setP] = useState<CopyDiscProgressDto | null>(null);
  useEffect(() => api.on('publicCopies.discProgress', (e) => e.copyId === props.copyId && setP(e)), [props.copyId]);
  if (!p) return null;
  return (
    <div data-testid="handout-disc-progress">
      <Typography.Text>{`${STEP_LABELS[p.step]}${p.current ? `：${p.current}` : ''}`}</Typography.Text>
      <Progress percent={p.percent} status="active" />
    </div>
  );
}

/**
 * 交付公开使用副本: into a folder, or burned on a 公开使用副本光盘 — a disc that says on its label and in its notice
 * that it holds a public-use copy and is not evidence, read back after burning. Either way recorded and audited.
 */
export function HandOutModal(props: { copy: PublicCopyDto | null; onClose(): void; onDone(): void }) {
  const canDisc = useCan('publicCopies.handOutDisc');
  const [form] = Form.useForm<HandOutValues>();
  const medium = Form.useWatch('medium', form) ?? 'folder';
  const c = props.copy;
  return (
    <FormModal<HandOutValues>
      open={c !== null}
      form={form}
      formKey={c?.id ?? null}
      initialValues={{ medium: 'folder' }}
      title={`交付公开使用副本 ${c?.number ?? ''}`}
      okText={medium === 'disc' ? '刻录并交付' : '交付'}
      intro={
        medium === 'disc' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="刻录“公开使用副本光盘”，不是证据光盘"
            description="光盘卷标和光盘上的说明文件都注明“公开使用副本，非证据”；光盘只装副本、签名的来源记录和本单位根证书，不装任何原始资料。刻录后逐个文件回读核验；交付将登记并写入审计日志。"
          />
        ) : (
          '副本连同签名的来源记录复制到指定文件夹；交付将登记并写入审计日志。'
        )
      }
      onClose={props.onClose}
      onSubmit={async ({ medium: m, folder, driveId, recipient, reason }) => {
        if (m === 'disc') await api.publicCopies.handOutDisc({ id: c!.id, driveId: driveId!, recipient, reason });
        else await api.publicCopies.handOut({ id: c!.id, folder: folder!, recipient, reason });
        props.onDone();
      }}
    >
      {canDisc && (
        <Form.Item name="medium" label="交付方式">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'folder', label: '复制到文件夹' },
              { value: 'disc', label: '刻录公开使用副本光盘' },
            ]}
          />
        </Form.Item>
      )}
      {medium === 'disc' ? (
        <DriveField />
      ) : (
        <Form.Item name="folder" label="目标文件夹（完整路径）" rules={[{ required: true, message: '请填写目标文件夹' }]}>
          <Input placeholder="例如 E:\\公开发布" />
        </Form.Item>
      )}
      <Form.Item name="recipient" label="接收单位或接收人" rules={[{ required: true, message: '请填写接收单位或接收人' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label="用途" rules={[{ required: true, message: '请填写用途' }]}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      {medium === 'disc' && c && <DiscProgress copyId={c.id} />}
    </FormModal>
  );
}

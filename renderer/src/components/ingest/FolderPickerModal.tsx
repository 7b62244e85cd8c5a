import { ArrowUpOutlined, FolderOpenOutlined, FolderOutlined, HddOutlined } from '@ant-design/icons';
import { Alert, Button, List, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FolderListingDto, SourceDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage, isHandledGlobally } from '../../errors';
import { useSubmit } from '../../hooks/useSubmit';

const browseSources = (path: string | null) => api.sources.browse({ path });

/**
 * Choosing a folder where there is no native dialog (the browser host): the workstation lists the allowed places
 * (removable media, configured folders, the user's home) and their subfolders; the archive is never offered. A
 * chosen folder becomes a source and closes the picker, unless the caller takes the path itself (`onPickedPath`).
 */
export function FolderPickerModal(props: {
  open: boolean;
  title: string;
  onClose(): void;
  onPicked?(source: SourceDto): void;
  /** Instead of making the folder a source: the setup wizard's backup picker (before anyone can log in). */
  browse?(path: string | null): Promise<FolderListingDto>;
  onPickedPath?(path: string): Promise<void>;
}) {
  const browse = props.browse ?? browseSources;
  const [listing, setListing] = useState<FolderListingDto | null>(null);
  const { busy, error, setError, run } = useSubmit();

  const go = (path: string | null) => run(async () => setListing(await browse(path)));

  useEffect(() => {
    if (!props.open) return;
    let live = true;
    (props.browse ?? browseSources)(null).then(
      (l) => live && setListing(l),
      (e: unknown) => live && !isHandledGlobally(e) && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.open, props.browse, setError]);

  const choose = async () => {
    const path = listing?.path;
    if (!path) return;
    await run(async () => {
      if (props.onPickedPath) return props.onPickedPath(path);
      const source = await api.sources.addFolder({ path });
      props.onClose();
      props.onPicked?.(source);
    });
  };

  const atRoots = listing?.path === null;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      width={640}
      footer={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" disabled={!listing?.path} loading={busy} onClick={() => void choose()} data-testid="folder-picker-choose">
            选择此文件夹
          </Button>
        </Space>
      }
    >
      <div data-testid="folder-picker">
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={!listing || atRoots} onClick={() => void go(listing?.parent ?? null)}>
            上一级
          </Button>
          <Typography.Text className="ew-mono" style={{ fontSize: 12 }} data-testid="folder-picker-path">
            {listing?.path ?? '允许的位置'}
          </Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="folder-picker-error" />}
        <List
          size="small"
          bordered
          loading={busy}
          style={{ maxHeight: 360, overflow: 'auto' }}
          dataSource={listing?.folders ?? []}
          locale={{ emptyText: atRoots ? '没有可用的位置：请接入移动存储或由管理员配置文件夹' : '没有子文件夹；可以直接选择此文件夹' }}
          renderItem={(f) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void go(f.path)} data-testid="folder-picker-item">
              <Space>
                {atRoots ? <HddOutlined /> : <FolderOutlined />}
                <span>{f.name}</span>
                {atRoots && <Typography.Text type="secondary" className="ew-mono" style={{ fontSize: 12 }}>{f.path}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          <FolderOpenOutlined /> 只列出移动存储（/media、/run/media、/mnt）、配置的文件夹和用户目录；证据档案库本身不能选择。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

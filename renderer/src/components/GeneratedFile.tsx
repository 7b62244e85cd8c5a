import { DownloadOutlined, FileWordOutlined, FolderOpenOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { GeneratedFileDto } from '../../../main/api/dto';
import { api, hostLink, isDesktop } from '../api';
import { errorMessage } from '../errors';

/** Where the browser host serves a generated document (a download for a logged-in user, by its link ticket). */
export function formUrl(fileName: string): string {
  return hostLink(`/forms/${encodeURIComponent(fileName)}`);
}

/**
 * Opens a generated document: the desktop program hands it to the system's default program;
 * the browser host downloads it.
 */
export async function openGeneratedFile(fileName: string): Promise<void> {
  if (isDesktop) {
    await api.forms.open({ fileName });
    return;
  }
  const a = document.createElement('a');
  a.href = formUrl(fileName);
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A generated document: its name and SHA-256, with a link (browser) or an open button (desktop). */
export function GeneratedFileView(props: { file: GeneratedFileDto; signatureFile?: string; label?: string; style?: CSSProperties }) {
  const { message } = App.useApp();
  const { file, signatureFile } = props;
  const open = (name: string) => openGeneratedFile(name).catch((e: unknown) => void message.error(errorMessage(e)));
  return (
    <div data-testid="generated-file" style={{ lineHeight: 1.9, ...props.style }}>
      <Space size={8} wrap>
        <FileWordOutlined style={{ color: '#1f4e8c', fontSize: 16 }} />
        {isDesktop ? (
          <Button type="link" size="small" icon={<FolderOpenOutlined />} onClick={() => void open(file.fileName)} style={{ paddingInline: 0 }}>
            打开 {file.fileName}
          </Button>
        ) : (
          <a href={formUrl(file.fileName)} download={file.fileName}>
            <DownloadOutlined aria-hidden /> {props.label ?? '下载'} {file.fileName}
          </a>
        )}
        {signatureFile &&
          (isDesktop ? (
            <Typography.Text type="secondary">签名文件：{signatureFile}</Typography.Text>
          ) : (
            <a href={formUrl(signatureFile)} download={signatureFile}>
              <SafetyCertificateOutlined aria-hidden /> 签名文件 {signatureFile}
            </a>
          ))}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          SHA-256 <span className="ew-mono" style={{ fontSize: 12 }}>{file.sha256}</span>
        </Typography.Text>
      </div>
    </div>
  );
}

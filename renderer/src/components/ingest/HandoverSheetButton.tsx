import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { GeneratedFileDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { GeneratedFileView, openGeneratedFile } from '../GeneratedFile';

/** 生成交接登记表: the printable handover record of one ingest session (rules art. 8), opened or downloaded. */
export function HandoverSheetButton(props: { sessionId: number }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<GeneratedFileDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const f = await api.ingest.handoverSheet({ id: props.sessionId });
      setFile(f);
      await openGeneratedFile(f.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button type="primary" icon={<FileTextOutlined />} loading={busy} onClick={() => void generate()}>
        生成交接登记表
      </Button>
      {file && (
        <div style={{ marginTop: 10 }}>
          <GeneratedFileView file={file} label="交接登记表" />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 10 }} />}
    </div>
  );
}

import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { GeneratedFileDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { GeneratedFileView, openGeneratedFile } from '../GeneratedFile';
import { useSubmit } from '../../hooks/useSubmit';

/** 生成交接登记表: the printable handover record of one ingest session (rules art. 8), opened or downloaded. */
export function HandoverSheetButton(props: { sessionId: number }) {
  const { busy, error, run } = useSubmit();
  const [file, setFile] = useState<GeneratedFileDto | null>(null);

  const generate = async () => {
    await run(async () => {
      const f = await api.ingest.handoverSheet({ id: props.sessionId });
      setFile(f);
      await openGeneratedFile(f.fileName);
    });
  };

  return (
    <div>
      <Button type="primary" icon={<FileTextOutlined />} loading={busy} onClick={() => void generate()}>
        生成交接登记表
      </Button>
      {file && <GeneratedFileView file={file} label="交接登记表" style={{ marginTop: 10 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 10 }} />}
    </div>
  );
}

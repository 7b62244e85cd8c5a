import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useEffect } from 'react';
import { useIngestStore } from '../../stores/ingest';
import { IngestLanes } from './ProgressView';
import { ScanView } from './ScanView';
import { SessionResultView } from './SessionResultView';
import { SourcesPanel } from './SourcesPanel';

/**
 * 采集: a lane for each source ingesting now, and below it the form: source → scan and attribution → start (the
 * form comes back for the next source) → a finished session's result with flags and the handover sheet.
 */
export function CaptureTab() {
  const resume = useIngestStore((s) => s.resume);
  useEffect(() => {
    void resume();
  }, [resume]);
  return (
    <div>
      <IngestLanes />
      <CaptureForm />
    </div>
  );
}

function CaptureForm() {
  const { step, result, resultError, sourceId, backToSources, scanSource } = useIngestStore();
  switch (step) {
    case 'sources':
      return <SourcesPanel />;
    case 'scan':
      return <ScanView />;
    case 'result':
      return (
        <div>
          {resultError && <Alert type="error" showIcon title={resultError} style={{ marginBottom: 16 }} />}
          {result && (
            <SessionResultView
              detail={result}
              extra={
                <Space>
                  {sourceId && (
                    <Button icon={<ReloadOutlined />} onClick={() => void scanSource(sourceId)}>
                      重新扫描此来源
                    </Button>
                  )}
                  <Button icon={<ArrowLeftOutlined />} onClick={backToSources}>
                    返回来源列表
                  </Button>
                </Space>
              }
            />
          )}
          {!result && (
            <Button icon={<ArrowLeftOutlined />} onClick={backToSources}>
              返回来源列表
            </Button>
          )}
        </div>
      );
  }
}

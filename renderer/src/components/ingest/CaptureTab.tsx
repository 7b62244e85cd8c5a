import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useEffect } from 'react';
import { useIngestStore } from '../../stores/ingest';
import { ProgressView } from './ProgressView';
import { ScanView } from './ScanView';
import { SessionResultView } from './SessionResultView';
import { SourcesPanel } from './SourcesPanel';

/** 采集: source → scan and attribution → progress → result with flags and the handover sheet. */
export function CaptureTab() {
  const { step, result, resultError, sourceId, backToSources, scanSource, resume } = useIngestStore();

  useEffect(() => {
    void resume();
  }, [resume]);

  switch (step) {
    case 'sources':
      return <SourcesPanel />;
    case 'scan':
      return <ScanView />;
    case 'progress':
      return <ProgressView />;
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

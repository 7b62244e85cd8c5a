import { FolderAddOutlined, FolderOutlined, ReloadOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { SourceDto } from '../../../../main/api/dto';
import { useState } from 'react';
import { isDesktop } from '../../api';
import { useIngestStore } from '../../stores/ingest';
import { FolderPickerModal } from './FolderPickerModal';

/** The places footage can come from: docked recorders and drives (found by themselves) and folders. */
export function SourcesPanel() {
  const { sources, sourcesLoaded, sourcesError, loadSources, pickFolder, scanSource } = useIngestStore();
  const [picking, setPicking] = useState(false);
  // The desktop program has the system's folder dialog; the browser host lists allowed folders itself.
  const choose = () => (isDesktop ? void pickFolder() : setPicking(true));

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          接入执法记录仪（USB）后会自动出现在下面；也可以选择移动硬盘或文件夹导入（制度第十八条），证据档案库本身除外。点击一个来源开始扫描。
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void loadSources()}>
            刷新
          </Button>
          <Button type="primary" icon={<FolderAddOutlined />} onClick={choose} data-testid="pick-folder">
            选择文件夹…
          </Button>
        </Space>
      </div>
      {sourcesError && <Alert type="error" showIcon title={sourcesError} style={{ marginBottom: 16 }} />}
      {!sourcesLoaded ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : sources.length === 0 ? (
        <Empty
          image={<UsbOutlined style={{ fontSize: 48, color: '#b7c3d6' }} />}
          styles={{ image: { height: 56 } }}
          description="未发现执法记录仪或移动存储。请接入记录仪，或点击“选择文件夹…”。"
        />
      ) : (
        <div data-testid="source-list" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 16 }}>
          {sources.map((s) => (
            <SourceCard key={s.id} source={s} onPick={() => void scanSource(s.id)} />
          ))}
        </div>
      )}
      <FolderPickerModal
        open={picking}
        title="选择要导入的文件夹"
        onClose={() => setPicking(false)}
        onPicked={(s) => void loadSources().then(() => scanSource(s.id))}
      />
    </div>
  );
}

function SourceCard(props: { source: SourceDto; onPick(): void }) {
  const { source } = props;
  const volume = source.kind === 'volume';
  return (
    <Card
      hoverable
      role="button"
      tabIndex={0}
      aria-label={`扫描 ${source.label}`}
      onClick={props.onPick}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onPick();
        }
      }}
      styles={{ body: { padding: 16 } }}
    >
      <div style={{ display: 'flex', gap: 14, alignItems: 'flex-start' }}>
        <span style={{ fontSize: 28, color: volume ? '#1f4e8c' : '#8a6d1f', lineHeight: 1 }}>{volume ? <UsbOutlined /> : <FolderOutlined />}</span>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={8} wrap>
            <span style={{ fontSize: 15, fontWeight: 500 }}>{source.label}</span>
            <Tag color={volume ? 'blue' : 'gold'}>{volume ? '移动设备' : '文件夹'}</Tag>
          </Space>
          <div className="ew-mono" style={{ color: '#8a94a6', fontSize: 12, marginTop: 6 }}>
            {source.path}
          </div>
        </div>
      </div>
    </Card>
  );
}

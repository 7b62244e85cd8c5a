import { HistoryOutlined, InboxOutlined, SafetyCertificateOutlined, UsbOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useEffect } from 'react';
import { CaptureTab } from '../components/ingest/CaptureTab';
import { IntegrityTab } from '../components/ingest/IntegrityTab';
import { SessionsTab } from '../components/ingest/SessionsTab';
import { WeeklyTab } from '../components/ingest/WeeklyTab';
import { PageHeader } from '../components/PageHeader';
import { navigate, useSubRoute } from '../router';
import { useIngestStore } from '../stores/ingest';
import { useCan } from '../hooks/useCan';

const TABS = ['capture', 'sessions', 'weekly', 'integrity'] as const;
type TabKey = (typeof TABS)[number];

function isTab(s: string): s is TabKey {
  return (TABS as readonly string[]).includes(s);
}

/** How often the list of sources is refreshed, so a docked recorder appears by itself. */
const SOURCE_POLL_MS = 3000;

/** 采集导入: daily ingest (rules art. 8, 11(1)), the handover register, weekly consolidation, fixity. */
export function IngestPage() {
  const sub = useSubRoute();
  // The chief reads the register and the checks but does not take footage in: no capture tab, no source polling.
  const captures = useCan('sources.list');
  const tab: TabKey = isTab(sub) && (sub !== 'capture' || captures) ? sub : captures ? 'capture' : 'sessions';
  const loadSources = useIngestStore((s) => s.loadSources);

  useEffect(() => {
    if (!captures) return;
    void loadSources();
    const timer = window.setInterval(() => void loadSources(), SOURCE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [loadSources, captures]);

  return (
    <div>
      <PageHeader title="采集导入" description="每日接入执法记录仪，将视听资料以 SHA-256 校验后只读存入档案库；每周五归档（制度第八条、第十一条）。" />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('ingest', k === 'capture' ? undefined : k)}
          destroyOnHidden
          items={[
            ...(captures ? [{ key: 'capture', label: '采集', icon: <UsbOutlined />, children: <CaptureTab /> }] : []),
            { key: 'sessions', label: '导入记录', icon: <HistoryOutlined />, children: <SessionsTab /> },
            { key: 'weekly', label: '每周归档', icon: <InboxOutlined />, children: <WeeklyTab /> },
            { key: 'integrity', label: '完整性校验', icon: <SafetyCertificateOutlined />, children: <IntegrityTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

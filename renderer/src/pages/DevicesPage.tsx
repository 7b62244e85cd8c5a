import { CameraOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useEffect } from 'react';
import { OfficersPanel } from '../components/devices/OfficersPanel';
import { RecordersPanel } from '../components/devices/RecordersPanel';
import { PageHeader } from '../components/PageHeader';
import { navigate, useSubRoute } from '../router';
import { useDevicesStore } from '../stores/devices';
import { useCan } from '../hooks/useCan';

/** 设备: the recorder register and the officers who wear them (rules art. 7, 9, 10). */
export function DevicesPage() {
  const sub = useSubRoute();
  const tab = sub === 'officers' ? 'officers' : 'recorders';
  const editsRecorders = useCan('recorders.update');
  const editsOfficers = useCan('officers.update');
  const load = useDevicesStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div>
      <PageHeader title="设备" description="执法记录仪登记、领用和归还；佩戴记录仪的执法人员。所有修改均记入审计日志。" />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('devices', k === 'recorders' ? undefined : k)}
          items={[
            { key: 'recorders', label: '记录仪', icon: <CameraOutlined />, children: <RecordersPanel canEdit={editsRecorders} /> },
            { key: 'officers', label: '人员', icon: <TeamOutlined />, children: <OfficersPanel canEdit={editsOfficers} /> },
          ]}
        />
      </Card>
    </div>
  );
}

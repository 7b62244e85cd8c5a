import { CameraOutlined, CheckSquareOutlined, PrinterOutlined, TeamOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { GeneratedFileDto } from '../../../main/api/dto';
import { api } from '../api';
import { ChecksPanel } from '../components/devices/ChecksPanel';
import { IncidentsPanel } from '../components/devices/IncidentsPanel';
import { KeeperBar } from '../components/devices/KeeperBar';
import { OfficersPanel } from '../components/devices/OfficersPanel';
import { RecordersPanel } from '../components/devices/RecordersPanel';
import { RepairsPanel } from '../components/devices/RepairsPanel';
import { GeneratedFileView } from '../components/GeneratedFile';
import { PageHeader } from '../components/PageHeader';
import { useCan } from '../hooks/useCan';
import { useSubmit } from '../hooks/useSubmit';
import { navigate, useSubRoute } from '../router';
import { useDevicesStore } from '../stores/devices';

const TABS = ['recorders', 'checks', 'repairs', 'incidents', 'officers'] as const;
type Tab = (typeof TABS)[number];

/** 设备: the recorder register with its keeper, pre-use checks, repairs, losses, and the officers who wear them (rules art. 4, 7, 9, 10). */
export function DevicesPage() {
  const sub = useSubRoute();
  const tab: Tab = (TABS as readonly string[]).includes(sub ?? '') ? (sub as Tab) : 'recorders';
  const editsRecorders = useCan('recorders.update');
  const editsOfficers = useCan('officers.update');
  const recordsCare = useCan('devices.sendRepair');
  const recordsChecks = useCan('devices.recordChecks');
  const prints = useCan('devices.registerDocx');
  const load = useDevicesStore((s) => s.load);
  const [printed, setPrinted] = useState<GeneratedFileDto | null>(null);
  const print = useSubmit({ toast: true });

  useEffect(() => {
    void load();
  }, [load]);

  const printButton = prints && (
    <Button icon={<PrinterOutlined />} loading={print.busy} data-testid="print-register" onClick={() => void print.run(async () => setPrinted(await api.devices.registerDocx()))}>
      打印登记簿
    </Button>
  );

  return (
    <div>
      <PageHeader title="设备" description="执法记录仪登记、领用、使用前检查、维修和丢失损坏；佩戴记录仪的执法人员。所有修改均记入审计日志。" />
      <Card styles={{ body: { paddingTop: 12 } }}>
        <KeeperBar />
        {printed && <GeneratedFileView file={printed} style={{ marginBottom: 12 }} />}
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('devices', k === 'recorders' ? undefined : k)}
          items={[
            { key: 'recorders', label: '记录仪', icon: <CameraOutlined />, children: <RecordersPanel canEdit={editsRecorders} canCare={recordsCare} extra={printButton} /> },
            { key: 'checks', label: '使用前检查', icon: <CheckSquareOutlined />, children: <ChecksPanel canRecord={recordsChecks} /> },
            { key: 'repairs', label: '维修', icon: <ToolOutlined />, children: <RepairsPanel canRecord={recordsCare} /> },
            { key: 'incidents', label: '丢失损坏', icon: <WarningOutlined />, children: <IncidentsPanel /> },
            { key: 'officers', label: '人员', icon: <TeamOutlined />, children: <OfficersPanel canEdit={editsOfficers} /> },
          ]}
        />
      </Card>
    </div>
  );
}

import { BankOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { AccessPolicyPanel } from '../components/settings/AccessPolicyPanel';
import { OfficePanel } from '../components/settings/OfficePanel';
import { UsersPanel } from '../components/settings/UsersPanel';

/** 系统设置 (admin): accounts and office settings. */
export function SettingsPage() {
  return (
    <div>
      <PageHeader title="系统设置" description="管理用户账户和单位设置。所有修改均记入审计日志。" />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          items={[
            { key: 'users', label: '用户管理', icon: <TeamOutlined />, children: <UsersPanel /> },
            { key: 'office', label: '单位设置', icon: <BankOutlined />, children: <OfficePanel /> },
            { key: 'access', label: '查阅规则', icon: <KeyOutlined />, children: <AccessPolicyPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}

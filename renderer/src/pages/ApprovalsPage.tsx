import { AuditOutlined, CheckSquareOutlined, FormOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { DecidePanel } from '../components/access/DecidePanel';
import { MyRequestsPanel } from '../components/access/MyRequestsPanel';
import { RegisterPanel } from '../components/access/RegisterPanel';
import { PageHeader } from '../components/PageHeader';
import { navigate, useSubRoute } from '../router';
import { useCan } from '../hooks/useCan';

/** 查阅审批 (rules art. 12–14): ask for leave, decide it, and the viewing register that writes itself. */
export function ApprovalsPage() {
  const approver = useCan('access.decide');
  const keeper = useCan('register.list');
  const sub = useSubRoute();
  const tab = (sub === 'decide' && approver) || (sub === 'register' && keeper) ? sub : 'mine';
  return (
    <div>
      <PageHeader
        title="查阅审批"
        description="查看视听资料须经批准：工作查阅、公开使用由大队负责人审批，办案查阅由乡主管领导审批；查阅情况自动登记。"
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('approvals', k === 'mine' ? undefined : k)}
          items={[
            { key: 'mine', label: '我的申请', icon: <FormOutlined />, children: <MyRequestsPanel /> },
            ...(approver ? [{ key: 'decide', label: '待我审批', icon: <CheckSquareOutlined />, children: <DecidePanel /> }] : []),
            ...(keeper ? [{ key: 'register', label: '查阅登记', icon: <AuditOutlined />, children: <RegisterPanel /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}

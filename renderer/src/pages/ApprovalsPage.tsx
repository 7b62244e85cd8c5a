import { CheckSquareOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function ApprovalsPage() {
  return (
    <PlannedPage
      title="查阅审批"
      summary="查阅申请、审批和查阅登记。"
      icon={<CheckSquareOutlined />}
      explain="因工作、公开使用或办案需要查阅视听资料时在此提出申请，按规定由大队负责人或乡主管领导审批；查阅情况自动记入查阅登记。"
      items={[
        '提出查阅申请：查阅事由、范围和期限',
        '工作查阅和公开使用由大队负责人审批，案件查阅由乡主管领导审批',
        '批准后在有效期内可查看，到期自动失效',
        '查阅登记：查阅人、事由、时间自动记录',
      ]}
      rule="《执法记录仪使用管理制度》第十二条至第十四条"
    />
  );
}

import { FolderOpenOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function CasesPage() {
  return (
    <PlannedPage
      title="案件"
      summary="案件及其证据清单。"
      icon={<FolderOpenOutlined />}
      explain="登记案件，将相关视听资料加入案件的证据清单；作为证据的资料随案件一并保存。"
      items={['新建和查找案件', '把视听资料加入证据清单并说明用途', '案件证据的保存期限随案件确定', '从证据清单准备刻盘和记录表']}
      rule="《执法记录仪使用管理制度》第十一条"
    />
  );
}

import { EyeOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function SupervisionPage() {
  return (
    <PlannedPage
      title="监督"
      summary="大队负责人的日常监督检查。"
      icon={<EyeOutlined />}
      explain="大队负责人每日查看执法记录仪使用情况：每日移交是否及时、录制是否连续、有无缺失或异常，并形成检查报告。"
      items={['每日移交情况与未移交提醒', '录制中断、无声音、时钟异常等问题汇总', '完整性校验与审计链状态', '监督检查报告']}
      rule="《执法记录仪使用管理制度》第十五条至第十七条"
    />
  );
}

import { CameraOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function DevicesPage() {
  return (
    <PlannedPage
      title="设备"
      summary="执法记录仪登记、配发和使用前检查。"
      icon={<CameraOutlined />}
      explain="登记本单位的执法记录仪，记录配发给哪位执法人员、使用前检查、维修和遗失等情况。"
      items={['设备台账：序列号、品牌型号、资产编号、保管人', '配发记录：每台记录仪在各时段由谁佩戴', '使用前检查：电量、存储、时钟校准', '设备状态：在用、维修、遗失、报废']}
      rule="《执法记录仪使用管理制度》第四条、第七条、第九条、第十条"
    />
  );
}

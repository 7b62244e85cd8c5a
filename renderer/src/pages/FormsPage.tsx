import { FormOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function FormsPage() {
  return (
    <PlannedPage
      title="记录表"
      summary="视听资料证据记录表的填写、签名和盖章。"
      icon={<FormOutlined />}
      explain="根据证据光盘自动填写记录表（执法人员、摄录人、起止时间、地点、设备品牌型号、格式、时长），由执法人员签名、大队负责人签名并加盖单位印章。"
      items={['自动带出录制信息、文件名和 SHA-256', '执法人员电子签名，大队负责人签名并加盖单位印章', '签名后锁定，任何修改都会使签名失效', '生成 A4 格式的记录表文件归档']}
      rule="《执法记录仪使用管理制度》第十一条第（四）项"
    />
  );
}

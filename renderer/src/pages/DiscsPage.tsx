import { ContainerOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function DiscsPage() {
  return (
    <PlannedPage
      title="刻盘"
      summary="规划并刻录证据光盘，刻录后回读核验。"
      icon={<ContainerOutlined />}
      explain="为案件规划证据光盘（容量不足时分盘），刻录原始文件、签名清单和离线校验工具，刻录后逐个文件回读比对哈希值。"
      items={['按光盘容量（CD、DVD、蓝光）规划和分盘', '光盘内含原始文件、签名的 SHA-256 清单和离线校验页面', '刻录后回读，与入库时的哈希值逐一比对', '光盘编号与记录表关联']}
      rule="《执法记录仪使用管理制度》第十一条第（四）项"
    />
  );
}

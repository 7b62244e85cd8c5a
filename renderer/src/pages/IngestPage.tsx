import { UsbOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function IngestPage() {
  return (
    <PlannedPage
      title="采集导入"
      summary="每日移交视听资料：接入执法记录仪或选择文件夹，校验后存入档案库。"
      icon={<UsbOutlined />}
      explain="接入执法记录仪或选择一个文件夹，扫描其中的视听资料，逐个复制并以 SHA-256 校验后存入档案库；每周五进行归档整理。"
      items={[
        '识别接入的执法记录仪或移动存储，也可选择任意文件夹',
        '扫描文件并显示录制时间、时长、有无声音、记录仪时钟偏差',
        '复制时同步计算 SHA-256，校验一致后只读保存，形成移交记录（移交人、接收人、时间、内容）',
        '每周归档：复核完整性、生成备份副本和签名的周报',
      ]}
      rule="《执法记录仪使用管理制度》第八条、第十一条"
    />
  );
}

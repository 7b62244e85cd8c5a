import { PlaySquareOutlined } from '@ant-design/icons';
import { PlannedPage } from '../components/PlannedPage';

export function LibraryPage() {
  return (
    <PlannedPage
      title="资料库"
      summary="查找和播放已入库的视听资料。"
      icon={<PlaySquareOutlined />}
      explain="按日期、执法人员、记录仪、执法情形或案件查找视听资料，并将分段录像作为一次完整录制连续播放。"
      items={[
        '按日期、执法人员、记录仪、执法情形、案件筛选',
        '整段连续播放，标出分段边界和录制中断',
        '重点标记与备注；原始文件只读，不能剪辑或删除',
        '根据密级和查阅授权控制可见范围，每次查看均记入查阅登记',
      ]}
      rule="《执法记录仪使用管理制度》第六条、第十一条、第十二条"
    />
  );
}

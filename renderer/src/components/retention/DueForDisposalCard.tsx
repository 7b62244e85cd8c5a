import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { navigate } from '../../router';

/**
 * 到期资料 on 工作台 (art. 11(3)): how many originals have reached their keep-until date and may be disposed of,
 * with the way to the list. Absent for those who may not read it.
 */
export function DueForDisposalCard() {
  const reads = useCan('retention.list');
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    if (!reads) return;
    let live = true;
    void api.retention.list({ view: 'due', limit: 1 }).then(
      (p) => live && setDue(p.counts.due),
      () => live && setDue(null),
    );
    return () => {
      live = false;
    };
  }, [reads]);
  if (!reads) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 20 }}
      data-testid="due-for-disposal"
      title={
        <Space>
          <ClockCircleOutlined />
          到期资料
        </Space>
      }
      extra={
        <Button type="link" onClick={() => navigate('retention')}>
          前往到期资料
        </Button>
      }
    >
      <Typography.Text>
        {due === null ? '正在读取…' : due ? `${due} 个原始文件已到保存期限，可申请销毁（第十一条第（三）项）。` : '没有到达保存期限的原始文件。'}
      </Typography.Text>
    </Card>
  );
}

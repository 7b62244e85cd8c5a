import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CorrectionDto } from '../../../../main/api/dto';
import { RULE_ARTICLE_LABELS } from '../../../../main/common';
import { useCan } from '../../hooks/useCan';
import { navigate } from '../../router';
import { useSupervisionStore } from '../../stores/supervision';
import { officeToday } from '../../time';
import { CloseCorrectionModal } from './CorrectionModals';

/**
 * 待纠正事项 (art. 15): every correction the chief ordered that is not closed yet, on 工作台 and the 监督 page,
 * until it is closed with what was done. Absent for those who may not read it; empty, it says so.
 */
export function OpenCorrectionsCard(props: { onChanged?: () => void }) {
  const reads = useCan('supervision.openCorrections');
  const closes = useCan('supervision.closeCorrection');
  const open = useSupervisionStore((s) => s.open);
  const loadOpen = useSupervisionStore((s) => s.loadOpen);
  const [closing, setClosing] = useState<CorrectionDto | null>(null);
  useEffect(() => {
    if (reads) void loadOpen();
  }, [reads, loadOpen]);
  if (!reads) return null;
  const today = officeToday();
  return (
    <Card
      title={
        <Space>
          <ToolOutlined />
          待纠正事项{open?.length ? `（${open.length}）` : ''}
        </Space>
      }
      style={{ marginBottom: 20 }}
      data-testid="open-corrections"
      extra={
        <Button type="link" onClick={() => navigate('supervision')}>
          前往监督
        </Button>
      }
    >
      <List
        size="small"
        loading={open === null}
        locale={{ emptyText: '没有未完成的纠正事项' }}
        dataSource={open ?? []}
        renderItem={(c) => (
          <List.Item
            data-testid={`correction-${c.id}`}
            actions={closes ? [<Button key="close" size="small" onClick={() => setClosing(c)}>纠正完成</Button>] : []}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Tag>{RULE_ARTICLE_LABELS[c.article].split(' ')[0]}</Tag>
                  <span>{c.finding}</span>
                </Space>
              }
              description={
                <span>
                  {c.assignee}：{c.action}；期限 {c.dueDay}
                  {c.dueDay < today && (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      已逾期
                    </Tag>
                  )}
                  <Typography.Text type="secondary">（{c.day} 检查时布置）</Typography.Text>
                </span>
              }
            />
          </List.Item>
        )}
      />
      <CloseCorrectionModal
        correction={closing}
        onClose={() => setClosing(null)}
        onClosed={() => {
          void loadOpen();
          props.onChanged?.();
        }}
      />
    </Card>
  );
}

import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Typography } from 'antd';
import { useEffect } from 'react';
import { navigate } from '../../router';
import { useAccessStore } from '../../stores/access';
import { ACCESS_TYPE_LABELS } from './accessLabels';
import { formatTime } from '../../time';
import { useCan } from '../../hooks/useCan';

/** For 工作台: pending requests this user may decide. Renders nothing for users who approve nothing. */
export function PendingApprovalsCard() {
  const approver = useCan('access.decide');
  const { toDecide, loadToDecide } = useAccessStore();
  useEffect(() => {
    if (approver) void loadToDecide();
  }, [approver, loadToDecide]);
  if (!approver) return null;
  const items = toDecide?.items ?? [];
  return (
    <Card
      data-testid="pending-approvals"
      title={
        <span>
          <CheckSquareOutlined /> 待我审批 <Badge count={toDecide?.total ?? 0} showZero color={toDecide?.total ? '#d4380d' : '#bfbfbf'} />
        </span>
      }
      extra={
        <Button type="link" onClick={() => navigate('approvals', 'decide')}>
          去审批
        </Button>
      }
    >
      <List
        size="small"
        dataSource={items.slice(0, 5)}
        locale={{ emptyText: '没有待审批的申请' }}
        renderItem={(r) => (
          <List.Item>
            <Typography.Text>
              {r.requestedBy.displayName} · {ACCESS_TYPE_LABELS[r.type]} · {r.scope.label}
            </Typography.Text>
            <Typography.Text type="secondary">{formatTime(r.requestedAt, 'MM-DD HH:mm')}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

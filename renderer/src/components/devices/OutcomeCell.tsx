import { Button, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The last cell of a care record (a repair's result, a loss's decision): the outcome once recorded, with who or what
 * below it; before that the button for whom may record it, or what it waits for.
 */
export function OutcomeCell(props: {
  outcome: { color: string; label: string; note: string } | null;
  action: { icon: ReactNode; label: string; onClick(): void; testId?: string } | null;
  pending: ReactNode;
}) {
  const { outcome, action } = props;
  if (outcome)
    return (
      <div>
        <Tag color={outcome.color}>{outcome.label}</Tag>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {outcome.note}
          </Typography.Text>
        </div>
      </div>
    );
  if (action)
    return (
      <Button size="small" icon={action.icon} onClick={action.onClick} data-testid={action.testId}>
        {action.label}
      </Button>
    );
  return <>{props.pending}</>;
}

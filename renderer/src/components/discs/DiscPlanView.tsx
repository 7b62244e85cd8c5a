import { Progress, Space, Typography } from 'antd';
import type { DiscPlanDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';

/** Each planned disc with how full it is. */
export function DiscPlanView(props: { plan: DiscPlanDto }) {
  const { plan } = props;
  return (
    <div data-testid="disc-plan">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        共 {formatBytes(plan.totalPayloadBytes)}，需要 <strong>{plan.discs.length}</strong> 张{plan.mediaLabel}（每张可用 {formatBytes(plan.usableBytes)}）。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        {plan.discs.map((d) => (
          <div key={d.index} style={{ display: 'grid', gridTemplateColumns: '120px 1fr 220px', alignItems: 'center', gap: 12 }}>
            <span>
              第 {d.index} 张 / 共 {d.count} 张
            </span>
            <Progress percent={d.fillPercent} size="small" status={d.fillPercent > 95 ? 'exception' : 'normal'} format={(p) => `${p ?? 0}%`} />
            <Typography.Text type="secondary">
              {d.mediaIds.length} 个文件，约 {formatBytes(d.estimatedBytes)}
            </Typography.Text>
          </div>
        ))}
      </Space>
    </div>
  );
}

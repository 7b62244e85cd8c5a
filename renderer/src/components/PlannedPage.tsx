import { Card, Empty, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/**
 * A section that later work fills: its title, what it will hold, and the rule it serves, so the
 * frame is complete and nobody mistakes an empty page for a fault.
 */
export function PlannedPage(props: { title: string; summary: string; icon: ReactNode; explain: string; items: string[]; rule?: string }) {
  return (
    <div>
      <PageHeader title={props.title} description={props.summary} />
      <Card>
        <Empty
          image={<span style={{ fontSize: 56, color: '#b7c3d6' }}>{props.icon}</span>}
          styles={{ image: { height: 72 } }}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto' }}>
              <Typography.Paragraph style={{ fontSize: 15, marginBottom: 12 }}>{props.explain}</Typography.Paragraph>
              <Tag color="default">此功能正在建设中</Tag>
            </div>
          }
        />
        <div style={{ maxWidth: 560, margin: '24px auto 8px' }}>
          <Typography.Text strong>本页将提供：</Typography.Text>
          <ul style={{ margin: '8px 0 0', paddingLeft: 20, color: '#4b5563', lineHeight: 1.9 }}>
            {props.items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
          {props.rule && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
              依据：{props.rule}
            </Typography.Paragraph>
          )}
        </div>
      </Card>
    </div>
  );
}

import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title line of every page: title, one line of what the page is for, actions on the right. */
export function PageHeader(props: { title: string; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 16, marginBottom: 20 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.description && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {props.description}
          </Typography.Text>
        )}
      </div>
      {props.extra && <div>{props.extra}</div>}
    </div>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The line above a list: what the list is on the left; `extra`, 刷新 and the caller's own actions (children) on the
 * right; the list's load error below.
 */
export function ListHeader(props: { intro: ReactNode; onRefresh(): void; error?: string | null; extra?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 16 }}>
        <Typography.Text type="secondary">{props.intro}</Typography.Text>
        <Space>
          {props.extra}
          <Button icon={<ReloadOutlined />} onClick={props.onRefresh}>
            刷新
          </Button>
          {props.children}
        </Space>
      </div>
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 16 }} />}
    </>
  );
}

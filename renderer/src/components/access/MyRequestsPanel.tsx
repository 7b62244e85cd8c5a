import { Alert, Divider, Typography } from 'antd';
import { useEffect } from 'react';
import { useAccessStore } from '../../stores/access';
import { RequestForm } from './RequestForm';
import { RequestTable } from './RequestTable';

/** 我的申请: a new request, and what became of earlier ones. */
export function MyRequestsPanel() {
  const { mine, loading, error, loadMine } = useAccessStore();
  useEffect(() => {
    void loadMine();
  }, [loadMine]);
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        提出查阅申请
      </Typography.Title>
      <RequestForm />
      <Divider />
      <Typography.Title level={5}>我的申请</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <RequestTable items={mine?.items ?? []} loading={loading && !mine} testId="my-requests" />
    </div>
  );
}

import { Divider, Typography } from 'antd';
import { RequestForm } from './RequestForm';
import { RequestTable } from './RequestTable';

/** 我的申请: a new request, and what became of earlier ones. */
export function MyRequestsPanel() {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        提出查阅申请
      </Typography.Title>
      <RequestForm />
      <Divider />
      <Typography.Title level={5}>我的申请</Typography.Title>
      <RequestTable box="mine" testId="my-requests" />
    </div>
  );
}

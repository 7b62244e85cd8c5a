import { Typography } from 'antd';
import { RequestTable } from './RequestTable';

/** 待我审批: pending requests this user may decide (by type, rules art. 12–14). */
export function DecidePanel() {
  return (
    <div>
      <Typography.Paragraph type="secondary">
        工作查阅和公开使用由大队负责人审批，办案查阅由乡主管领导审批；任何人不得审批本人的申请（大队负责人、乡主管领导本人的工作查阅除外：记为“本人审批”，同样记入查阅登记，不能用于刻盘）。批准只覆盖审批时列出的资料。
      </Typography.Paragraph>
      <RequestTable box="toDecide" showRequester testId="to-decide" />
    </div>
  );
}

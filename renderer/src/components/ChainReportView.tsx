import { Alert, Table, Typography } from 'antd';
import type { ChainReportDto } from '../../../main/api/dto';
import { CHAIN_PROBLEM_LABELS } from '../labels';
import { formatTime } from '../time';

/** The outcome of `audit.verify`: passed with counts, or each problem with its row. */
export function ChainReportView(props: { report: ChainReportDto; onClose(): void }) {
  const { report } = props;
  const checked = formatTime(report.checkedAt, 'YYYY-MM-DD HH:mm:ss');
  if (report.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose: props.onClose }}
        data-testid="chain-report"
        title={`审计链校验通过：共 ${report.entries} 条记录，已封存 ${report.sealedDays} 天`}
        description={
          <span>
            校验时间 {checked}，最新记录序号 {report.headSeq}，链头哈希 <span className="ew-mono">{report.headHash.slice(0, 16)}…</span>
            。未发现修改、删除、插入或顺序调换。
          </span>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: props.onClose }}
      data-testid="chain-report"
      title={`发现问题：审计链有 ${report.problems.length} 处异常（共 ${report.entries} 条记录，已封存 ${report.sealedDays} 天）`}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            校验时间 {checked}。以下记录与审计链不一致，可能被人改动过数据库，请立即报告大队负责人并保留现场。
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(p) => `${p.seq}-${p.kind}`}
            pagination={false}
            dataSource={report.problems}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 90 },
              { title: '问题', key: 'kind', width: 160, render: (_v, p) => `记录${CHAIN_PROBLEM_LABELS[p.kind]}` },
              { title: '技术说明', dataIndex: 'message', render: (m: string) => <span className="ew-mono">{m}</span> },
            ]}
          />
        </div>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

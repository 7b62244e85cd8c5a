import { Alert, Table, Typography } from 'antd';
import type { ChainReportDto } from '../../../main/api/dto';
import { CHAIN_PROBLEM_LABELS, CHAIN_WARNING_LABELS } from '../labels';
import { formatTime } from '../time';

type Finding = { seq: number; label: string; message: string };

function FindingsTable(props: { rows: Finding[] }) {
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.seq}-${p.label}-${p.message}`}
      pagination={false}
      dataSource={props.rows}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 90, render: (seq: number) => (seq > 0 ? seq : '—') },
        { title: '问题', dataIndex: 'label', width: 200 },
        { title: '技术说明', dataIndex: 'message', render: (m: string) => <span className="ew-mono">{m}</span> },
      ]}
    />
  );
}

/** The outcome of `audit.verify`: passed with counts, or each problem with its row; warnings (late seals) either way. */
export function ChainReportView(props: { report: ChainReportDto; onClose(): void }) {
  const { report } = props;
  const checked = formatTime(report.checkedAt, 'YYYY-MM-DD HH:mm:ss');
  const warnings = report.warnings.map((w) => ({ seq: w.seq, label: CHAIN_WARNING_LABELS[w.kind], message: w.message }));
  const latestSeal = report.latestSeal ? (
    <>
      ，最新封存 {report.latestSeal.day}（封存哈希 <span className="ew-mono">{report.latestSeal.hash.slice(0, 16)}…</span>）
    </>
  ) : null;
  const warningBlock =
    warnings.length > 0 ? (
      <div data-testid="chain-warnings" style={{ marginTop: 8 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          以下 {warnings.length} 项提示不能证明被改动，但须留意：延迟封存的日期在封存前可能已被改写，请与每周归档报告纸质件上的核对值比对。
        </Typography.Paragraph>
        <FindingsTable rows={warnings} />
      </div>
    ) : null;

  if (report.ok) {
    return (
      <Alert
        type={warnings.length > 0 ? 'warning' : 'success'}
        showIcon
        closable={{ onClose: props.onClose }}
        data-testid="chain-report"
        title={`审计链校验通过：共 ${report.entries} 条记录，已封存 ${report.sealedDays} 天${warnings.length > 0 ? `，${warnings.length} 项提示` : ''}`}
        description={
          <div>
            校验时间 {checked}，最新记录序号 {report.headSeq}，链头哈希 <span className="ew-mono">{report.headHash.slice(0, 16)}…</span>
            {latestSeal}。未发现修改、删除、插入或顺序调换，封存与库外封存文件一致。
            {warningBlock}
          </div>
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
          <FindingsTable rows={report.problems.map((p) => ({ seq: p.seq, label: CHAIN_PROBLEM_LABELS[p.kind], message: p.message }))} />
          {warningBlock}
        </div>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { IntegrityReportDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import type { IntegrityProblemKind } from '../../../../main/common';
import { INTEGRITY_PROBLEM_COLORS, INTEGRITY_PROBLEM_LABELS } from '../../labels';
import { formatTime } from '../../time';

type Problem = IntegrityReportDto['problems'][number];

const columns: ColumnsType<Problem> = [
  {
    title: '问题',
    dataIndex: 'kind',
    width: 100,
    render: (k: IntegrityProblemKind) => <Tag color={INTEGRITY_PROBLEM_COLORS[k]}>{INTEGRITY_PROBLEM_LABELS[k]}</Tag>,
  },
  { title: '文件', dataIndex: 'path', render: (p: string) => <span className="ew-mono">{p}</span> },
  { title: '说明', dataIndex: 'message' },
];

function scopeText(scope: IntegrityReportDto['scope']): string {
  if (!scope.fromDay && !scope.toDay) return '全部原始文件';
  if (scope.fromDay === scope.toDay) return `${scope.fromDay}`;
  return `${scope.fromDay ?? '最早'} 至 ${scope.toDay ?? '最近'}`;
}

/** The result of re-hashing the originals against the store and the day manifests. */
export function IntegrityReportView(props: { report: IntegrityReportDto; compact?: boolean }) {
  const { report: r } = props;
  return (
    <div data-testid="integrity-report">
      <Space align="start" size={12}>
        {r.ok ? <CheckCircleFilled style={{ color: '#389e0d', fontSize: 24 }} /> : <CloseCircleFilled style={{ color: '#cf1322', fontSize: 24 }} />}
        <div>
          <div style={{ fontSize: 16, fontWeight: 500 }} data-testid="integrity-verdict">
            {r.cancelled ? `校验已取消：只校验了 ${r.checked} 个文件，结果不完整` : r.ok ? '完整性校验通过' : '完整性校验发现问题'}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            范围：{scopeText(r.scope)}；校验 {r.checked} 个文件（{formatBytes(r.bytes)}）；{formatTime(r.checkedAt, 'YYYY-MM-DD HH:mm:ss')}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Space size={[6, 6]} wrap>
              <Tag color={r.missing ? 'red' : 'default'}>缺失 {r.missing}</Tag>
              <Tag color={r.changed ? 'volcano' : 'default'}>已改变 {r.changed}</Tag>
              <Tag color={r.extra ? 'orange' : 'default'}>多余 {r.extra}</Tag>
              <Tag color={r.manifestProblems ? 'gold' : 'default'}>清单问题 {r.manifestProblems}</Tag>
              {/* Disposed after retention with a signed record: not missing (到期资料). */}
              {r.disposed.length > 0 && <Tag data-testid="integrity-disposed">已销毁 {r.disposed.length}（有销毁记录）</Tag>}
            </Space>
          </div>
          {r.ok && !props.compact && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
              每个原始文件的 SHA-256 与入库时一致，日清单及其签名有效，没有缺失或多余的文件
              {r.disposed.length > 0 ? `；${r.disposed.length} 个已按批准销毁，销毁记录及其签名有效` : ''}。
            </Typography.Paragraph>
          )}
        </div>
      </Space>
      {r.problems.length > 0 && (
        <Table<Problem>
          style={{ marginTop: 16 }}
          rowKey={(p) => `${p.kind}|${p.path}|${p.message}`}
          size="small"
          columns={columns}
          dataSource={r.problems}
          pagination={r.problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
    </div>
  );
}

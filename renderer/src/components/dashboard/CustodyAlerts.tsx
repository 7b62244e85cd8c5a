import { Alert, Button, Space, Typography } from 'antd';
import type { CustodyStatusDto } from '../../../../main/api/dto';
import { navigate } from '../../router';
import { formatTime } from '../../time';

/**
 * The problems 工作台 must not hide (issue 11 item 6), each in red with the next step: changed or missing
 * originals and where the verified backup holds good copies, an overdue weekly run, failed ingests.
 */
export function CustodyAlerts(props: { status: CustodyStatusDto; runsWeekly: boolean }) {
  const { status: s } = props;
  const check = s.lastIntegrity;
  const bad = check ? check.changed + check.missing : 0;
  if (!bad && !s.weeklyOverdue && !s.failedIngests.length) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 20 }}>
      {check && bad > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="alert-integrity"
          title={`完整性校验发现问题：${check.changed ? `${check.changed} 个原始文件被改动` : ''}${check.changed && check.missing ? '，' : ''}${check.missing ? `${check.missing} 个原始文件缺失` : ''}（${formatTime(check.at)} 校验）`}
          description={
            <div>
              <div style={{ marginBottom: 6 }}>
                {check.findings.map((f) => (
                  <div key={`${f.kind}:${f.name}`}>
                    <span className="ew-mono">{f.name}</span>
                    {f.day ? `（${f.day}）` : ''}：{f.kind === 'changed' ? '内容与入库时的 SHA-256 不一致' : '文件缺失'}
                  </div>
                ))}
              </div>
              {s.verifiedBackup ? (
                <div data-testid="alert-integrity-next">
                  下一步：经校验的备份中保存有完好的副本——备份位置 <span className="ew-mono">{s.verifiedBackup.target}</span>（{formatTime(s.verifiedBackup.at, 'YYYY-MM-DD')} 每周归档时写入并核验，{s.verifiedBackup.files} 个文件）。请在保管员和大队负责人同时在场时，从该备份恢复上述文件，恢复后重新运行完整性校验；不要修改或删除档案库中的文件，并如实记录经过。
                </div>
              ) : (
                <div data-testid="alert-integrity-next">
                  下一步：尚无经校验的备份可供恢复。请立即报告大队负责人，保持档案库原状，不要修改或删除任何文件，并如实记录经过。
                </div>
              )}
            </div>
          }
          action={
            <Button size="small" onClick={() => navigate('ingest', 'integrity')}>
              查看校验结果
            </Button>
          }
        />
      )}
      {s.weeklyOverdue && (
        <Alert
          type="error"
          showIcon
          data-testid="alert-weekly"
          title={s.lastWeekly ? `已 ${s.daysSinceWeekly ?? ''} 天未进行每周归档（上次：${formatTime(s.lastWeekly.at, 'YYYY-MM-DD')}）` : `自首次导入已 ${s.daysSinceWeekly ?? ''} 天，尚未进行每周归档`}
          description={
            props.runsWeekly
              ? '下一步：请在“采集导入 → 每周归档”中完成归档：复核原始文件完整性、写入并核验备份、生成签名周报（制度第十一条第二款）。'
              : '下一步：请督促保管员在“采集导入 → 每周归档”中完成本周归档（制度第十一条第二款）。'
          }
          action={
            <Button size="small" onClick={() => navigate('ingest', 'weekly')}>
              前往每周归档
            </Button>
          }
        />
      )}
      {s.failedIngests.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="alert-ingest"
          title={`近 7 天有 ${s.failedIngests.length} 次导入失败或有文件未能入库`}
          description={
            <div>
              {s.failedIngests.slice(0, 5).map((f) => (
                <div key={f.id}>
                  {formatTime(f.startedAt)}：{f.status === 'failed' ? '导入失败' : f.status === 'interrupted' ? '导入中断' : `${f.filesFailed} 个文件未能入库`}
                  {f.error ? `（${f.error}）` : ''}
                </div>
              ))}
              <Typography.Text>下一步：在“导入记录”中查看原因；在记录仪上的资料清除之前，重新接入记录仪导入未入库的文件。</Typography.Text>
            </div>
          }
          action={
            <Button size="small" onClick={() => navigate('ingest', 'sessions')}>
              查看导入记录
            </Button>
          }
        />
      )}
    </Space>
  );
}

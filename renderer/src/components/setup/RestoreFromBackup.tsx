import { CheckCircleOutlined, CloudDownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Progress, Radio, Result, Space, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../main/api/contract';
import type { BackupGenerationsDto, RestoreReportDto } from '../../../../main/api/dto';
import { formatBytes } from '../../../../main/common';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useSessionStore } from '../../stores/session';
import { formatOptionalTime } from '../../time';
import { FolderPickerModal } from '../ingest/FolderPickerModal';
import { FactSheet } from '../FactSheet';

type Generation = BackupGenerationsDto['generations'][number];
type RestoreProgress = EventPayload<'backup.restoreProgress'>;

const browseBackup = (path: string | null) => api.backup.browse({ path });

/**
 * 从备份恢复 on a new machine (issue 16): pick the backup folder, choose a generation by its check state, and let
 * the custodian or admin of the backed-up office restore it with his own password. Every hash and the signature
 * are checked before anything is restored; afterwards the report says what the backup does not hold, and people
 * log in with their old passwords.
 */
export function RestoreFromBackup(props: { onBack(): void }) {
  const logout = useSessionStore((s) => s.logout);
  const [picking, setPicking] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);
  const [found, setFound] = useState<BackupGenerationsDto | null>(null);
  const [generation, setGeneration] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<RestoreReportDto | null>(null);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  // Listening from the start: the event stream is open before the restore begins telling how far it is.
  useEffect(() => api.on('backup.restoreProgress', setProgress), []);

  const pickedPath = async (path: string) => {
    setError(null);
    const r = await api.backup.generations({ path });
    setFolder(path);
    setFound(r);
    setGeneration(r.generations.find((g) => g.ok)?.generation ?? null);
    setPicking(false);
  };

  const restore = async (v: { login: string; password: string }) => {
    if (!found || !generation) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const r = await api.backup.restore({ sourceId: found.sourceId, generation, login: v.login, password: v.password });
      setReport(r.report);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const step = report ? 2 : found ? 1 : 0;
  return (
    <div data-testid="restore-from-backup">
      <Steps current={step} size="small" style={{ marginBottom: 24 }} items={[{ title: '选择备份' }, { title: '选择备份代次并恢复' }, { title: '恢复结果' }]} />
      {busy && <RestoringPanel progress={progress} />}
      {!busy && report && <RestoreResult report={report} onDone={() => void logout()} />}
      {/* Hidden, not unmounted, while restoring: a refused restore keeps what was typed. */}
      {!report && (
        <div style={busy ? { display: 'none' } : undefined}>
          <Typography.Paragraph type="secondary">
            请接入备份盘，选择其中含有 evidence-backup 的文件夹。恢复前程序会核对备份中每个文件的哈希值和保管员的签名，任何一项不符都不会恢复。
          </Typography.Paragraph>
          <Space style={{ marginBottom: 16 }}>
            <Button icon={<FolderOpenOutlined />} onClick={() => setPicking(true)} data-testid="restore-pick-folder">
              {folder ? '重新选择' : '选择备份所在文件夹'}
            </Button>
            {folder && (
              <Typography.Text className="ew-mono" data-testid="restore-folder">
                {folder}
              </Typography.Text>
            )}
          </Space>
          {found && (
            <>
              <Table<Generation>
                size="small"
                rowKey="generation"
                pagination={false}
                dataSource={found.generations}
                data-testid="restore-generations"
                columns={[
                  {
                    key: 'pick',
                    width: 40,
                    render: (_v, g) => <Radio checked={generation === g.generation} disabled={!g.ok} onChange={() => setGeneration(g.generation)} aria-label={g.generation} />,
                  },
                  { title: '备份代次', dataIndex: 'generation', render: (v: string) => <span className="ew-mono">{v}</span> },
                  { title: '备份时间', dataIndex: 'takenAt', render: (v: string | null) => formatOptionalTime(v) },
                  { title: '原始文件', dataIndex: 'originals', render: (v: number | null) => v ?? '—' },
                  { title: '签名人', dataIndex: 'signedBy', render: (v: string | null) => v ?? '—' },
                  {
                    title: '校验',
                    key: 'check',
                    render: (_v, g) =>
                      g.ok ? (
                        <Tag color="success">签名有效，文件齐全</Tag>
                      ) : (
                        <Space direction="vertical" size={2}>
                          <Tag color="error">不能恢复</Tag>
                          {g.problems.map((p) => (
                            <Typography.Text key={p} type="danger" style={{ fontSize: 12 }}>
                              {p}
                            </Typography.Text>
                          ))}
                        </Space>
                      ),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                请备份单位的保管员或管理员用原来的密码确认恢复。恢复后所有人仍用原来的登录名和密码登录。
              </Typography.Paragraph>
              <Form<{ login: string; password: string }> layout="inline" requiredMark={false} onFinish={(v) => void restore(v)}>
                <Form.Item name="login" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
                  <Input placeholder="登录名" autoComplete="off" />
                </Form.Item>
                <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
                  <Input.Password placeholder="密码" autoComplete="current-password" />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" icon={<CloudDownloadOutlined />} disabled={!generation}>
                    开始恢复
                  </Button>
                </Form.Item>
              </Form>
            </>
          )}
          {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="restore-error" />}
          <div style={{ marginTop: 28 }}>
            <Button onClick={props.onBack}>上一步</Button>
          </div>
        </div>
      )}
      <FolderPickerModal open={picking} title="选择备份所在文件夹" onClose={() => setPicking(false)} browse={browseBackup} onPickedPath={pickedPath} />
    </div>
  );
}

/** What came back, and plainly what the backup does not hold. */
function RestoreResult(props: { report: RestoreReportDto; onDone(): void }) {
  const r = props.report;
  const missing = [
    `${formatOptionalTime(r.takenAt)} 之后导入的视听资料和进行的一切操作（审批、查阅、案件、记录表、光盘等）`,
    ...r.notHeld.newerGenerations.map((g) => `更新的备份代次 ${g} 中的内容（未恢复）`),
    ...r.notHeld.originalsNotInGeneration.map((f) => `备份盘上有、但此代次未登记的原始文件：${f}`),
  ];
  return (
    <div data-testid="restore-result">
      <Result status="success" icon={<CheckCircleOutlined />} title="档案库已从备份恢复" subTitle="备份中每个文件的哈希值和签名均已核对；恢复已记入审计日志。" style={{ padding: '8px 0 16px' }} />
      <FactSheet
        labelWidth={160}
        items={[
          { key: 'g', label: '备份代次', children: <span className="ew-mono">{r.generation}</span> },
          { key: 't', label: '备份时间', children: formatOptionalTime(r.takenAt) },
          { key: 's', label: '签名人', children: r.signedBy ?? '—' },
          { key: 'o', label: '恢复的原始文件', children: r.originals },
          { key: 'f', label: '其他文件', children: r.files },
          { key: 'm', label: '清单 SHA-256', children: <span className="ew-mono" style={{ fontSize: 12, wordBreak: 'break-all' }}>{r.manifestSha256}</span> },
        ]}
      />
      <Alert
        style={{ marginTop: 16 }}
        type="warning"
        showIcon
        title="此备份不包含以下内容"
        data-testid="restore-not-held"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        }
      />
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 24 }}>
        <Button type="primary" onClick={props.onDone}>
          前往登录
        </Button>
      </div>
    </div>
  );
}

/** What the restore has done, as it tells it: first every file of the generation checked, then the originals copied. */
function RestoringPanel(props: { progress: RestoreProgress | null }) {
  const p = props.progress;
  // Checking reads every file once, copying reads and writes the originals: each is half of the bar.
  const percent = p ? (p.phase === 'check' ? 0 : 50) + (p.total ? (50 * p.done) / p.total : 50) : 0;
  return (
    <div style={{ textAlign: 'center', padding: '48px 24px', minHeight: 240 }} data-testid="restore-progress">
      <CloudDownloadOutlined style={{ fontSize: 40, color: '#1f4e8c' }} />
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        正在核对备份并恢复档案库…
      </Typography.Title>
      <Progress percent={Math.floor(percent)} status="active" style={{ maxWidth: 420, margin: '16px auto' }} />
      <Typography.Paragraph data-testid="restore-progress-text">
        {!p
          ? '正在读取备份清单和签名…'
          : p.phase === 'check'
            ? `正在核对哈希值：${p.done} / ${p.total} 个文件（${formatBytes(p.bytes)}）`
            : `正在复制原始文件：${p.done} / ${p.total} 个（${formatBytes(p.bytes)}）`}
      </Typography.Paragraph>
      <Typography.Text type="secondary">先核对每个文件的哈希值和签名，再复制原始文件和数据库；请勿关闭程序或拔出备份盘</Typography.Text>
    </div>
  );
}

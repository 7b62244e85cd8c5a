import { CloudUploadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupStatusDto, SourceDto } from '../../../../main/api/dto';
import { BACKUP_ALERT_LABELS, formatBytes } from '../../../../main/common';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { formatOptionalTime } from '../../time';

/**
 * 备份与恢复演练 (issue 16): the last good drill, when the backup drive was last seen and its free space; red when
 * the drill is over 35 days old, the drive unseen for over 7 days, or short of space. The custodian backs up
 * (立即备份) and drills from here. Shows nothing to a user who may not read the status.
 */
export function BackupStatusCard() {
  return useCan('backup.status') ? <BackupStatus /> : null;
}

function BackupStatus() {
  const { message } = App.useApp();
  const canList = useCan('sources.list');
  const canBackup = useCan('backup.run');
  const canDrill = useCan('backup.drill');
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [sources, setSources] = useState<SourceDto[]>([]);
  const [targetId, setTargetId] = useState<string | undefined>(undefined);
  const { busy, doing, error, run, report } = useSubmit<'backup' | 'drill'>();

  // Bumped after a backup or drill: the status is read again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    api.backup.status(targetId ? { targetSourceId: targetId } : {}).then((s) => live && setStatus(s), report);
    return () => {
      live = false;
    };
  }, [targetId, version, report]);
  useEffect(() => {
    let live = true;
    if (canList) api.sources.list().then((list) => live && setSources(list), report);
    return () => {
      live = false;
    };
  }, [canList, report]);

  const red = (status?.alerts.length ?? 0) > 0;
  return (
    <Card
      data-testid="backup-status-card"
      title={
        <Space>
          <SafetyCertificateOutlined />
          备份与恢复演练
          {status && (red ? <Tag color="error">需要处理</Tag> : <Tag color="success">正常</Tag>)}
        </Space>
      }
      style={{ marginBottom: 20, ...(red ? { borderColor: '#ff4d4f' } : {}) }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {status?.alerts.map((a) => (
        <Alert
          key={a}
          type="error"
          showIcon
          title={BACKUP_ALERT_LABELS[a]}
          {...(a === 'database_alarm' && status.databaseAlarm
            ? { description: `${formatOptionalTime(status.databaseAlarm.at)}：${status.databaseAlarm.findings.slice(0, 3).join('；')}`, 'data-testid': 'backup-database-alarm' }
            : {})}
          style={{ marginBottom: 8 }}
        />
      ))}
      <Descriptions column={1} size="small">
        <Descriptions.Item label="上次成功演练">{formatOptionalTime(status?.lastGoodDrillAt)}</Descriptions.Item>
        <Descriptions.Item label="备份盘上次连接">{formatOptionalTime(status?.targetLastSeenAt)}</Descriptions.Item>
        <Descriptions.Item label="最新备份">{status?.lastGeneration ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="剩余空间">{status?.freeBytes === null || status === null ? '—（未选择或未连接备份盘）' : `${formatBytes(status.freeBytes)}（至少需要 ${formatBytes(status.neededBytes)}）`}</Descriptions.Item>
      </Descriptions>
      {canList && (canBackup || canDrill) && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            style={{ minWidth: 220 }}
            placeholder="选择备份盘"
            value={targetId}
            onChange={setTargetId}
            options={sources.map((s) => ({ value: s.id, label: `${s.label}（${s.path}）` }))}
          />
          {canBackup && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!targetId || busy}
              loading={doing === 'backup'}
              onClick={() =>
                run(async () => {
                  try {
                    const r = await api.backup.run({ targetSourceId: targetId! });
                    void message.success(r.verified ? `备份完成：${r.generation}` : `备份完成但有问题：${r.problems.length} 项`);
                  } finally {
                    // A refused backup may have raised the database alarm: the card shows it at once.
                    setVersion((v) => v + 1);
                  }
                }, 'backup')
              }
            >
              立即备份
            </Button>
          )}
          {canDrill && (
            <Button
              disabled={!targetId || busy}
              loading={doing === 'drill'}
              onClick={() =>
                run(async () => {
                  const r = await api.backup.drill({ targetSourceId: targetId! });
                  if (r.ok) void message.success(`恢复演练通过：${r.generation}（演练记录已由${r.signedBy}签名）`);
                  else void message.error(`恢复演练未通过：${r.problems.slice(0, 3).join('；')}`);
                  setVersion((v) => v + 1);
                }, 'drill')
              }
            >
              恢复演练
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

import { CalendarOutlined, CheckSquareOutlined, CameraOutlined, CheckCircleFilled, CloseCircleFilled, UsbOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { WeeklyPreviewDto } from '../../../main/api/dto';
import { api } from '../api';
import { PendingApprovalsCard } from '../components/access';
import { BackupStatusCard } from '../components/backup';
import { RoleTags } from '../components/RoleTags';
import { ROLE_HINTS, sortRoles } from '../labels';
import { SECTION_ICONS, SECTION_ORDER, sectionLabel } from '../navigation';
import { navigate } from '../router';
import { useAuditStore } from '../stores/audit';
import { useSessionStore } from '../stores/session';
import { formatOptionalTime, formatTime, officeDay, officeNow, officeToday } from '../time';
import { useCan } from '../hooks/useCan';

function greeting(hour: number): string {
  if (hour < 6) return '您好';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** The start page: who you are, what you may do, and figures later features will fill. */
export function DashboardPage() {
  const session = useSessionStore((s) => s.session);
  const canAudit = session?.sections.includes('audit') ?? false;
  const isApprover = useCan('access.decide');
  const seesIngest = useCan('ingest.sessions');
  const runsWeekly = useCan('weekly.run');
  const now = officeNow();
  if (!session) return null;
  const quick = SECTION_ORDER.filter((s) => s !== 'dashboard' && session.sections.includes(s));

  return (
    <div>
      <Card style={{ marginBottom: 20 }} styles={{ body: { padding: '22px 28px' } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 24, flexWrap: 'wrap' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
              {greeting(now.hour())}，{session.displayName}
            </Typography.Title>
            <Space size={8} style={{ marginTop: 10 }} wrap>
              <Typography.Text type="secondary">您的角色：</Typography.Text>
              <RoleTags roles={session.roles} />
            </Space>
          </div>
          <div style={{ textAlign: 'right' }}>
            <div style={{ fontSize: 18, fontWeight: 500 }}>{now.format('YYYY年M月D日 dddd')}</div>
            <Typography.Text type="secondary">{session.officeName}</Typography.Text>
          </div>
        </div>
        <ul style={{ margin: '14px 0 0', paddingLeft: 18, color: '#5b6475', lineHeight: 1.8 }}>
          {sortRoles(session.roles).map((r) => (
            <li key={r}>{ROLE_HINTS[r]}</li>
          ))}
        </ul>
      </Card>

      {runsWeekly && <FridayReminder />}
      <BackupStatusCard />

      <Row gutter={[20, 20]}>
        <Col xs={24} md={12} xl={6}>
          {seesIngest ? (
            <TodayIngestCard />
          ) : (
            <StatCard icon={<UsbOutlined />} title="今日采集" hint="导入执法记录仪资料后，这里显示今日入库的文件数、总时长和移交人。" />
          )}
        </Col>
        <Col xs={24} md={12} xl={6}>
          <StatCard icon={<CheckSquareOutlined />} title="待审批" hint="有待您审批或已获批准的查阅申请时，这里显示数量。" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <StatCard icon={<SafetyOutlined />} title="完整性校验" hint="每周归档时对原始文件的 SHA-256 复核结果将显示在这里。" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <StatCard icon={<CameraOutlined />} title="在用设备" hint="登记并配发执法记录仪后，这里显示在用、维修和待检设备数。" />
        </Col>

        {isApprover && (
          <Col xs={24}>
            <PendingApprovalsCard />
          </Col>
        )}
        {canAudit && (
          <Col xs={24} xl={12}>
            <LastVerifyCard />
          </Col>
        )}
        <Col xs={24} xl={canAudit ? 12 : 24}>
          <Card title="常用功能" style={{ height: '100%' }}>
            <Space wrap size={[12, 12]}>
              {quick.map((s) => (
                <Button key={s} icon={SECTION_ICONS[s]} onClick={() => navigate(s)}>
                  {sectionLabel(s)}
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function StatCard(props: { icon: ReactNode; title: ReactNode; hint: ReactNode; value?: ReactNode; testId?: string }) {
  return (
    <Card style={{ height: '100%' }} data-testid={props.testId}>
      <Space size={8} style={{ color: '#5b6475' }}>
        <span style={{ color: '#1f4e8c', fontSize: 16 }}>{props.icon}</span>
        <span>{props.title}</span>
      </Space>
      <div className="ew-stat-value" style={{ margin: '8px 0 6px' }}>
        {props.value ?? '—'}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {props.hint}
      </Typography.Text>
    </Card>
  );
}

/** The last audit-chain check, read from the audit log itself (reading does not add an entry). */
function LastVerifyCard() {
  const last = useAuditStore((s) => s.lastVerify);
  const loadLastVerify = useAuditStore((s) => s.loadLastVerify);
  useEffect(() => {
    void loadLastVerify();
  }, [loadLastVerify]);

  return (
    <Card
      title="审计链校验"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate('audit')}>
          前往审计日志
        </Button>
      }
    >
      {last === undefined ? (
        <Typography.Text type="secondary">正在读取…</Typography.Text>
      ) : last === null ? (
        <Typography.Text type="secondary">尚未校验过审计链。可在“审计日志”页面点击“校验审计链”，检查日志是否被修改、删除或插入。</Typography.Text>
      ) : (
        <Space align="start" size={12}>
          {last.ok ? <CheckCircleFilled style={{ color: '#389e0d', fontSize: 22 }} /> : <CloseCircleFilled style={{ color: '#cf1322', fontSize: 22 }} />}
          <div>
            <div style={{ fontWeight: 500 }}>
              {last.ok ? `通过：${last.entries ?? '—'} 条记录完整` : `发现 ${last.problems ?? '若干'} 处问题`}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              上次校验：{formatTime(last.at)}
              {last.actorLogin ? `（${last.actorLogin}）` : ''}
            </Typography.Text>
          </div>
        </Space>
      )}
    </Card>
  );
}

interface TodayFigure {
  sessions: number;
  files: number;
  duplicates: number;
  failed: number;
  officers: string[];
}

/** 今日采集: today's ingest sessions and stored files, read from the handover register. */
function TodayIngestCard() {
  const [today, setToday] = useState<TodayFigure | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.ingest.sessions({ limit: 200, offset: 0 }).then(
      (all) => {
        const mine = all.filter((s) => officeDay(s.startedAt) === officeToday());
        const officers = [...new Set(mine.map((s) => s.handedOverBy?.name).filter((n): n is string => Boolean(n)))];
        if (live)
          setToday({
            sessions: mine.length,
            files: mine.reduce((n, s) => n + s.filesStored, 0),
            duplicates: mine.reduce((n, s) => n + s.filesDuplicate, 0),
            failed: mine.reduce((n, s) => n + s.filesFailed, 0),
            officers,
          });
      },
      () => live && setToday(null),
    );
    return () => {
      live = false;
    };
  }, []);

  const hint =
    today === undefined
      ? '正在读取…'
      : today === null
        ? '无法读取导入记录'
        : today.sessions === 0
          ? '今天还没有导入。接入执法记录仪后在“采集导入”页面导入。'
          : `${today.sessions} 次导入${today.officers.length ? `，移交人：${today.officers.join('、')}` : ''}${today.failed ? `；失败 ${today.failed} 个` : ''}`;
  return (
    <StatCard
      icon={<UsbOutlined />}
      title="今日采集"
      testId="today-ingest"
      value={today ? <span>{today.files} <span style={{ fontSize: 15, fontWeight: 400 }}>个文件入库</span></span> : undefined}
      hint={hint}
    />
  );
}

/** Fridays: remind the custodian of the weekly consolidation (rules art. 11(2)). */
function FridayReminder() {
  const [preview, setPreview] = useState<WeeklyPreviewDto | null>(null);
  useEffect(() => {
    let live = true;
    api.weekly.preview({ weekOf: officeToday() }).then(
      (p) => live && setPreview(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!preview?.isFriday) return null;
  const done = preview.lastConsolidation !== null;
  return (
    <Alert
      type={done ? 'success' : 'warning'}
      showIcon
      icon={done ? <CheckCircleFilled /> : <CalendarOutlined />}
      style={{ marginBottom: 20 }}
      data-testid="friday-reminder"
      title={done ? '本周已归档' : '今天是周五，请完成本周归档（制度第十一条第二款）'}
      description={
        done
          ? `${formatOptionalTime(preview.lastConsolidation?.createdAt, 'M月D日 HH:mm')} 由 ${preview.lastConsolidation?.createdBy ?? ''} 完成。之后如有新的导入，可再次归档。`
          : '复核本周原始文件的完整性，复制一份经校验的备份，并生成签名的周报。'
      }
      action={
        <Button type={done ? 'default' : 'primary'} onClick={() => navigate('ingest', 'weekly')}>
          前往每周归档
        </Button>
      }
    />
  );
}

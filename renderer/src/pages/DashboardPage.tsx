import { CalendarOutlined, CheckSquareOutlined, CameraOutlined, CheckCircleFilled, CloseCircleFilled, UsbOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { CustodyStatusDto, WeeklyPreviewDto } from '../../../main/api/dto';
import { CustodyAlerts } from '../components/dashboard/CustodyAlerts';
import { useAccessStore } from '../stores/access';
import { api } from '../api';
import { PendingApprovalsCard } from '../components/access';
import { BackupStatusCard } from '../components/backup';
import { OpenCorrectionsCard } from '../components/supervision';
import { DueForDisposalCard } from '../components/retention/DueForDisposalCard';
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
  const custody = useCustody();
  const troubled = custody !== null && custody.lastIntegrity !== null && custody.lastIntegrity.changed + custody.lastIntegrity.missing > 0;
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

      {custody && <CustodyAlerts status={custody} runsWeekly={runsWeekly} />}
      {runsWeekly && <FridayReminder troubled={troubled} />}
      <BackupStatusCard />
      <OpenCorrectionsCard />
      <DueForDisposalCard />

      <Row gutter={[20, 20]}>
        {/* Only cards with real figures that concern this role (issue 11 item 6): a card a role cannot fill is absent. */}
        {seesIngest && (
          <Col xs={24} md={12} xl={6}>
            <TodayIngestCard />
          </Col>
        )}
        {isApprover && (
          <Col xs={24} md={12} xl={6}>
            <PendingCountCard />
          </Col>
        )}
        {custody && (
          <Col xs={24} md={12} xl={6}>
            <IntegrityCard status={custody} />
          </Col>
        )}
        {custody && (
          <Col xs={24} md={12} xl={6}>
            <StatCard
              icon={<CameraOutlined />}
              title="在用设备"
              testId="recorders-card"
              value={<span>{custody.recorders.inService} <span style={{ fontSize: 15, fontWeight: 400 }}>台在用</span></span>}
              hint={`领用中 ${custody.recorders.worn} 台；维修 ${custody.recorders.repair} 台；丢失 ${custody.recorders.lost} 台`}
            />
          </Col>
        )}

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

/** 待审批: the same list the card below shows (access.list toDecide), so the two figures always agree. */
function PendingCountCard() {
  const toDecide = useAccessStore((s) => s.toDecide);
  const total = toDecide?.total;
  return (
    <StatCard
      icon={<CheckSquareOutlined />}
      title="待审批"
      testId="pending-count"
      value={total === undefined ? undefined : <span style={total ? { color: '#d4380d' } : undefined}>{total} <span style={{ fontSize: 15, fontWeight: 400 }}>件</span></span>}
      hint={total === undefined ? '正在读取…' : total ? '有查阅申请等待您审批，见下方列表。' : '没有等待您审批的查阅申请。'}
    />
  );
}

/** 完整性校验: the last check of the originals against their SHA-256 (weekly or on demand). */
function IntegrityCard(props: { status: CustodyStatusDto }) {
  const c = props.status.lastIntegrity;
  const bad = c ? c.changed + c.missing : 0;
  return (
    <StatCard
      icon={<SafetyOutlined />}
      title="完整性校验"
      testId="integrity-card"
      value={
        c === null ? undefined : bad ? (
          <span style={{ color: '#cf1322' }}>
            <CloseCircleFilled /> {bad} <span style={{ fontSize: 15, fontWeight: 400 }}>个问题</span>
          </span>
        ) : (
          <span style={{ color: '#389e0d' }}>
            <CheckCircleFilled /> 通过
          </span>
        )
      }
      hint={c === null ? '尚未校验过原始文件。每周归档时会复核全部原始文件的 SHA-256。' : `${formatTime(c.at)} 校验 ${c.checked} 个文件${bad ? `：改动 ${c.changed}，缺失 ${c.missing}` : '，全部一致'}`}
    />
  );
}

/** 工作台's custody figures for those who read them; null for the others (who are never asked). */
function useCustody(): CustodyStatusDto | null {
  const reads = useCan('dashboard.custody');
  const [status, setStatus] = useState<CustodyStatusDto | null>(null);
  useEffect(() => {
    if (!reads) return;
    let live = true;
    api.dashboard.custody().then(
      (s) => live && setStatus(s),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [reads]);
  return status;
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
              {last.ok ? `通过：${last.entries ?? '—'} 条记录完整` : <span style={{ color: '#cf1322' }}>审计链被破坏：发现 {last.problems ?? '若干'} 处问题</span>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              上次校验：{formatTime(last.at)}
              {last.actorLogin ? `（${last.actorLogin}）` : ''}
            </Typography.Text>
            {!last.ok && (
              <Typography.Paragraph type="danger" style={{ margin: '6px 0 0' }} data-testid="chain-next-step">
                下一步：立即报告大队负责人；在“审计日志”中查看问题所在的记录，用签名周报上打印的链头核对；在查明之前不要继续修改数据。
              </Typography.Paragraph>
            )}
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
function FridayReminder(props: { troubled: boolean }) {
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
  // Never a green "done" over a red integrity finding: the alert above says what to do.
  if (done && props.troubled) return null;
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

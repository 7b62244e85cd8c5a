import { CheckSquareOutlined, CameraOutlined, CheckCircleFilled, CloseCircleFilled, UsbOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { RoleTags } from '../components/RoleTags';
import { ROLE_HINTS, sortRoles } from '../labels';
import { SECTION_ICONS, SECTION_ORDER, sectionLabel } from '../navigation';
import { navigate } from '../router';
import { useAuditStore } from '../stores/audit';
import { useSessionStore } from '../stores/session';

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
  const now = dayjs();
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

      <Row gutter={[20, 20]}>
        <Col xs={24} md={12} xl={6}>
          <StatCard icon={<UsbOutlined />} title="今日采集" hint="导入执法记录仪资料后，这里显示今日入库的文件数、总时长和移交人。" />
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

function StatCard(props: { icon: ReactNode; title: string; hint: string }) {
  return (
    <Card style={{ height: '100%' }}>
      <Space size={8} style={{ color: '#5b6475' }}>
        <span style={{ color: '#1f4e8c', fontSize: 16 }}>{props.icon}</span>
        <span>{props.title}</span>
      </Space>
      <div className="ew-stat-value" style={{ margin: '8px 0 6px' }}>
        —
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
              上次校验：{dayjs(last.at).format('YYYY-MM-DD HH:mm')}
              {last.actorLogin ? `（${last.actorLogin}）` : ''}
            </Typography.Text>
          </div>
        </Space>
      )}
    </Card>
  );
}

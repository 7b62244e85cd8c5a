import { Button, Result, Spin } from 'antd';
import { useSessionStore } from '../stores/session';

/** Shown while the app asks the main process where it stands, or when it cannot reach it. */
export function StartupPage() {
  const phase = useSessionStore((s) => s.phase);
  const reason = useSessionStore((s) => s.unavailableReason);
  const bootstrap = useSessionStore((s) => s.bootstrap);
  return (
    <div className="ew-center-screen">
      <div className="ew-brand">
        <div className="ew-brand-title">执法记录仪证据工作站</div>
      </div>
      <div style={{ background: '#fff', borderRadius: 8, padding: 32, minWidth: 420, boxShadow: '0 4px 16px rgba(15,40,80,0.08)' }}>
        {phase === 'unavailable' ? (
          <Result
            status="error"
            title="无法连接到工作站服务"
            subTitle={reason}
            extra={
              <Button type="primary" onClick={() => void bootstrap()}>
                重试
              </Button>
            }
          />
        ) : (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin size="large" />
            <div style={{ marginTop: 16, color: '#5b6475' }}>正在启动…</div>
          </div>
        )}
      </div>
    </div>
  );
}

import { Alert, App, Button, Typography } from 'antd';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { CenterScreen } from '../components/CenterScreen';
import { useSessionStore } from '../stores/session';

/** A user created or reset by an admin must set their own password before anything else. */
export function ForcedPasswordPage() {
  const { message } = App.useApp();
  const session = useSessionStore((s) => s.session);
  const logout = useSessionStore((s) => s.logout);
  return (
    <CenterScreen title={session?.officeName ?? '执法记录仪证据工作站'} subtitle="执法记录仪证据工作站" width={460}>
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        请修改初始密码
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 20 }}
        title={`${session?.displayName ?? ''}，您好`}
        description="您的账户由管理员创建或重置了密码。为保护您的签名密钥，请先设置只有您自己知道的新密码，然后才能使用本程序。"
      />
      <ChangePasswordForm oldLabel="初始密码" submitText="修改并进入" onDone={() => void message.success('密码已修改，欢迎使用')} />
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      </div>
    </CenterScreen>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { CenterScreen } from '../components/CenterScreen';
import { errorCode, errorMessage } from '../errors';
import { useSessionStore } from '../stores/session';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const officeName = useSessionStore((s) => s.setup?.officeName ?? null);
  const notice = useSessionStore((s) => s.notice);
  const login = useSessionStore((s) => s.login);
  const clearNotice = useSessionStore((s) => s.clearNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; locked: boolean } | null>(null);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.login.trim(), values.password);
    } catch (e) {
      const code = errorCode(e);
      setError({ message: errorMessage(e), locked: code === 'AUTH_LOCKED' || code === 'AUTH_DISABLED' });
      form.setFieldValue('password', '');
      form.focusField('password');
      setBusy(false);
    }
  };

  return (
    <CenterScreen title={officeName ?? '执法记录仪证据工作站'} subtitle={officeName ? '执法记录仪证据工作站' : undefined}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24, textAlign: 'center' }}>
        用户登录
      </Typography.Title>
      {notice && (
        <Alert type="warning" showIcon title={notice} style={{ marginBottom: 20 }} data-testid="login-notice" closable={{ onClose: clearNotice }} />
      )}
      <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} size="large">
        <Form.Item name="login" label="登录名" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
          <Input autoFocus prefix={<UserOutlined />} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.locked ? '无法登录' : '登录失败'}
            description={error.message}
            style={{ marginBottom: 20 }}
            data-testid="login-error"
          />
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </CenterScreen>
  );
}

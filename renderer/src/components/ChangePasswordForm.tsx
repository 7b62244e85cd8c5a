import { Alert, Button, Form, Input, Space } from 'antd';
import { useSessionStore } from '../stores/session';
import { NEW_PASSWORD_RULES, PASSWORD_HINT, confirmRule } from '../validation';
import { useSubmit } from '../hooks/useSubmit';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Old, new, repeat; used by the user menu and by the forced change at first login. */
export function ChangePasswordForm(props: { oldLabel?: string; onDone(): void; onCancel?: () => void; submitText?: string }) {
  const { busy, error, run } = useSubmit();
  const [form] = Form.useForm<PasswordValues>();
  const changePassword = useSessionStore((s) => s.changePassword);

  const submit = async (v: PasswordValues) => {
    await run(async () => {
      await changePassword(v.oldPassword, v.newPassword);
      form.resetFields();
      props.onDone();
    });
  };

  return (
    <Form<PasswordValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
      <Form.Item name="oldPassword" label={props.oldLabel ?? '原密码'} rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          ...NEW_PASSWORD_RULES,
          ({ getFieldValue }) => ({
            validator: (_r, value: unknown) =>
              value && value === getFieldValue('oldPassword') ? Promise.reject(new Error('新密码不能与原密码相同')) : Promise.resolve(),
          }),
        ]}
        extra={`${PASSWORD_HINT}。密码同时保护您的个人签名密钥，请妥善保管。`}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        {props.onCancel && <Button onClick={props.onCancel}>取消</Button>}
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitText ?? '确认修改'}
        </Button>
      </Space>
    </Form>
  );
}

import { Alert, App, Form, Input } from 'antd';
import type { UserDto } from '../../../../main/api/dto';
import { useUsersStore } from '../../stores/users';
import { NEW_PASSWORD_RULES, PASSWORD_HINT, confirmRule } from '../../validation';
import { ItemFormModal } from '../FormModal';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal(props: { user: UserDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const resetPassword = useUsersStore((s) => s.resetPassword);
  const { user } = props;

  const submit = async (user: UserDto, v: ResetValues) => {
    await resetPassword(user.id, v.newPassword);
    void message.success(user.disabled ? `已重置 ${user.displayName} 的密码并重新启用账户` : `已重置 ${user.displayName} 的密码`);
  };

  return (
    <ItemFormModal<UserDto, ResetValues> item={user} title="重置密码" name={(u) => `${u.displayName}（${u.login}）`} okText="重置密码"
      danger
      width={480}
      onSubmit={submit}
      onClose={props.onClose}
      intro={
        <Alert
          type="warning"
          showIcon
          title={user?.disabled ? '重置密码将重新启用该账户，并签发新的签名密钥和证书' : '重置后将为该用户签发新的签名密钥和证书'}
          description="原证书随即吊销：此前的签名仍然有效，此后用旧密钥所作的签名一律无效。用户下次登录时必须修改此密码；该用户已登录的会话将被结束，锁定状态同时解除。"
          style={{ marginBottom: 20 }}
        />
      }
    >
      <Form.Item name="newPassword" label="新的初始密码" rules={NEW_PASSWORD_RULES}>
        <Input.Password autoFocus autoComplete="new-password" placeholder={PASSWORD_HINT} />
      </Form.Item>
      <Form.Item name="confirm" label="确认密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入密码' }, confirmRule('newPassword')]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </ItemFormModal>
  );
}

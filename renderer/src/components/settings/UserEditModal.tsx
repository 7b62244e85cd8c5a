import { Alert, App, Form, Input, Switch } from 'antd';
import type { UserDto } from '../../../../main/api/dto';
import type { Role } from '../../../../main/common/roles';
import { useSessionStore } from '../../stores/session';
import { useUsersStore } from '../../stores/users';
import { NAME_RULES } from '../../validation';
import { ROLE_RULES, RoleCheckboxes } from './RoleCheckboxes';
import { ItemFormModal } from '../FormModal';

interface EditValues {
  displayName: string;
  badgeNo?: string | null;
  roles: Role[];
  disabled: boolean;
}

export function UserEditModal(props: { user: UserDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const update = useUsersStore((s) => s.update);
  const { user } = props;
  // Nobody changes his own roles: another admin has to (the API refuses it too).
  const self = useSessionStore((s) => s.session?.login) === user?.login;

  const submit = async (user: UserDto, v: EditValues) => {
    await update({ id: user.id, displayName: v.displayName.trim(), badgeNo: v.badgeNo?.trim() || null, ...(self ? {} : { roles: v.roles }), disabled: v.disabled });
    void message.success('已保存');
  };

  return (
    <ItemFormModal<UserDto, EditValues> item={user} title="修改用户" name={(u) => u.login} okText="保存"
      width={600}
      initialValues={user ? { displayName: user.displayName, badgeNo: user.badgeNo, roles: user.roles, disabled: user.disabled } : undefined}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item name="displayName" label="姓名" rules={NAME_RULES}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="badgeNo" label="警号（执法证号）" rules={[{ max: 32, message: '不超过 32 个字符' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item name="roles" label="角色" rules={self ? [] : ROLE_RULES} extra={self ? '不能修改本人的角色，请由另一位管理员办理。' : undefined}>
        <RoleCheckboxes disabled={self} />
      </Form.Item>
      <Form.Item
        name="disabled"
        label="停用账户"
        valuePropName="checked"
        extra={
          user?.disabled
            ? '已停用的账户，其证书已吊销。重新启用请使用“重置密码”：将签发新的密钥和证书。'
            : '停用后该用户不能登录，已登录的会话立即结束，其证书随即吊销；停用前的历史记录和签名保留。'
        }
      >
        <Switch checkedChildren="停用" unCheckedChildren="正常" disabled={user?.disabled} />
      </Form.Item>
      <Alert type="info" showIcon title="修改角色后，该用户需重新登录才能获得新的权限。" style={{ marginBottom: 12 }} />
    </ItemFormModal>
  );
}

import { Alert, App, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { OfficerDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import type { Role } from '../../../../main/common/roles';
import { useUsersStore } from '../../stores/users';
import { LOGIN_RULES, NAME_RULES, NEW_PASSWORD_RULES, PASSWORD_HINT, confirmRule } from '../../validation';
import { ROLE_RULES, RoleCheckboxes } from './RoleCheckboxes';
import { FormModal } from '../FormModal';

interface CreateValues {
  login: string;
  displayName: string;
  badgeNo?: string;
  password: string;
  confirm: string;
  roles: Role[];
  /** Which officer this account is: by badge (auto), a new one, or a picked one. */
  officer: 'auto' | 'new' | number;
}

export function UserCreateModal(props: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const create = useUsersStore((s) => s.create);
  const seesOfficers = useCan('officers.list');
  const [officers, setOfficers] = useState<OfficerDto[]>([]);
  useEffect(() => {
    if (props.open && seesOfficers) void api.officers.list().then(setOfficers, () => setOfficers([]));
  }, [props.open, seesOfficers]);

  const submit = async (v: CreateValues) => {
    const link = v.officer === 'auto' ? {} : v.officer === 'new' ? { newOfficer: true } : { officerId: v.officer };
    const u = await create({ login: v.login.trim(), displayName: v.displayName.trim(), badgeNo: v.badgeNo?.trim() || null, password: v.password, roles: v.roles, ...link });
    void message.success(`已创建用户 ${u.displayName}（${u.login}）`);
  };

  return (
    <FormModal<CreateValues>
      open={props.open}
      title="新建用户"
      okText="创建"
      width={600}
      initialValues={{ roles: ['officer'], officer: 'auto' }}
      onSubmit={submit}
      onClose={props.onClose}
      intro={<Alert type="info" showIcon title="用户首次登录时必须修改初始密码。请将登录名和初始密码当面告知本人。" style={{ marginBottom: 20 }} />}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item name="login" label="登录名" rules={LOGIN_RULES}>
          <Input autoFocus autoComplete="off" placeholder="例如 zhangsan" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={NAME_RULES}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="badgeNo" label="警号（执法证号）" rules={[{ max: 32, message: '不超过 32 个字符' }]}>
          <Input autoComplete="off" placeholder="可不填" />
        </Form.Item>
        <Form.Item name="officer" label="对应人员（设备 → 人员）" extra="填写警号的账户即该警号的执法人员；没有该人员时自动登记。">
          <Select
            data-testid="user-officer"
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: 'auto', label: '按警号自动关联' },
              { value: 'new', label: '新建人员（确认不是已登记的同名人员）' },
              ...officers.filter((o) => o.userId === null).map((o) => ({ value: o.id, label: `${o.name}（警号 ${o.badgeNo}）` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" placeholder={PASSWORD_HINT} />
        </Form.Item>
        <Form.Item name="confirm" label="确认初始密码" dependencies={['password']} rules={[{ required: true, message: '请再次输入初始密码' }, confirmRule('password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </div>
      <Form.Item name="roles" label="角色" rules={ROLE_RULES}>
        <RoleCheckboxes />
      </Form.Item>
    </FormModal>
  );
}

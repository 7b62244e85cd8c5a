import { EditOutlined, KeyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { UserDto } from '../../../../main/api/dto';
import { useSessionStore } from '../../stores/session';
import { useUsersStore } from '../../stores/users';
import { RoleTags } from '../RoleTags';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { formatTime } from '../../time';

function StatusTags(props: { user: UserDto }) {
  const { user } = props;
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag>停用</Tag> : user.locked ? <Tag color="red">锁定</Tag> : <Tag color="green">正常</Tag>}
      {user.mustChangePassword && !user.disabled && <Tag color="orange">待修改初始密码</Tag>}
    </Space>
  );
}

/** 用户管理: the accounts of the office, with create, edit (roles, disable) and password reset. */
export function UsersPanel() {
  const { users, loading, error, load } = useUsersStore();
  const me = useSessionStore((s) => s.session?.login);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<UserDto> = [
    { title: '登录名', dataIndex: 'login', width: 140, render: (l: string) => <span className="ew-mono">{l}</span> },
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 130,
      render: (n: string, u) => (
        <span>
          {n}
          {u.login === me && (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              （本人）
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '警号', dataIndex: 'badgeNo', width: 110, render: (b: string | null) => b ?? '—' },
    { title: '角色', dataIndex: 'roles', render: (_r, u) => <RoleTags roles={u.roles} /> },
    { title: '状态', key: 'status', width: 190, render: (_v, u) => <StatusTags user={u} /> },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatTime(t) },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_v, u) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
            编辑
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
        <Typography.Text type="secondary">每位使用者一个账户；每个账户持有自己的签名密钥，请勿共用。</Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<UserDto> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={users} pagination={false} />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}

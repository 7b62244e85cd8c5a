import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Layout, Menu, Space } from 'antd';
import { useEffect, useState } from 'react';
import { SECTION_ICONS, SECTION_ORDER, isSectionId, sectionLabel } from '../navigation';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { SECTION_PAGES } from '../pages';
import { navigate, useRoute } from '../router';
import { useSessionStore } from '../stores/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { warmDecoder } from './player/warmDecoder';
import { RoleTags } from './RoleTags';

/** Header, left navigation limited to the user's sections, and the current page. */
export function AppFrame() {
  const session = useSessionStore((s) => s.session);
  const logout = useSessionStore((s) => s.logout);
  const route = useRoute();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const sections = SECTION_ORDER.filter((s) => session?.sections.includes(s));
  const known = isSectionId(route);
  const allowed = known && sections.includes(route);

  useEffect(() => {
    if (route === '') navigate('dashboard');
  }, [route]);

  useEffect(() => {
    document.title = known ? `${sectionLabel(route)} - 执法记录仪证据工作站` : '执法记录仪证据工作站';
  }, [known, route]);

  // Logged in: the player's first open should not pay for Chromium's first video.
  useEffect(() => {
    if (session) warmDecoder();
  }, [session]);

  if (!session) return null;
  const Page = allowed ? SECTION_PAGES[route] : null;

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'sticky', top: 0, zIndex: 10 }}>
        <Space size={12} style={{ color: '#fff', minWidth: 0 }}>
          <SafetyCertificateOutlined style={{ fontSize: 22 }} />
          <span style={{ fontSize: 17, fontWeight: 600, letterSpacing: 1 }} data-testid="office-name">
            {session.officeName}
          </span>
          <span style={{ opacity: 0.75, fontSize: 14 }}>执法记录仪证据工作站</span>
        </Space>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setPasswordOpen(true);
              if (key === 'logout') void logout();
            },
          }}
        >
          <button
            type="button"
            data-testid="user-menu"
            style={{ display: 'flex', alignItems: 'center', gap: 10, background: 'transparent', border: 0, color: '#fff', cursor: 'pointer', padding: '4px 8px', font: 'inherit' }}
          >
            <Avatar size={30} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.18)' }} />
            <span style={{ fontSize: 14 }}>{session.displayName}</span>
            <span style={{ display: 'inline-flex' }}>
              <RoleTags roles={session.roles} variant="filled" />
            </span>
            <DownOutlined style={{ fontSize: 11 }} />
          </button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} style={{ borderRight: '1px solid #e6e9ef' }}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={allowed ? [route] : []}
              style={{ borderInlineEnd: 0, paddingTop: 8 }}
              items={sections.map((s) => ({ key: s, icon: SECTION_ICONS[s], label: sectionLabel(s) }))}
              onClick={({ key }) => {
                if (isSectionId(key)) navigate(key);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: '24px 28px 40px', minWidth: 0 }}>
          <main>{Page ? <Page /> : route === '' ? null : <ForbiddenPage unknown={!known} />}</main>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}

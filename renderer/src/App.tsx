import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { AppFrame } from './components/AppFrame';
import { ForcedPasswordPage } from './pages/ForcedPasswordPage';
import { LoginPage } from './pages/LoginPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { StartupPage } from './pages/StartupPage';
import { useSessionWatch } from './hooks/useSessionWatch';
import { useSessionStore } from './stores/session';
import { theme } from './theme';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        <Screens />
      </AntApp>
    </ConfigProvider>
  );
}

/** One whole screen at a time: start-up, first-run setup, login, forced password change, the frame. */
function Screens() {
  const phase = useSessionStore((s) => s.phase);
  const mustChange = useSessionStore((s) => s.session?.mustChangePassword ?? false);
  useSessionWatch();
  useEffect(() => {
    void useSessionStore.getState().bootstrap();
  }, []);

  switch (phase) {
    case 'loading':
    case 'unavailable':
      return <StartupPage />;
    case 'setup':
      return <SetupWizardPage />;
    case 'login':
      return <LoginPage />;
    case 'app':
      return mustChange ? <ForcedPasswordPage /> : <AppFrame />;
  }
}

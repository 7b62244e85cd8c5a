import { useEffect, useState } from 'react';
import { api } from './api';

export function App() {
  const [status, setStatus] = useState<string>('…');
  useEffect(() => {
    api.setup.status().then((s) => setStatus(s.needsSetup ? '需要初始化' : '已初始化'), (e: Error) => setStatus(e.message));
  }, []);
  return <div>{status}</div>;
}

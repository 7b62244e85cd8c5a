import { Card } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the screens shown before the app frame: brand band, one card, a footnote. */
export function CenterScreen(props: { title: ReactNode; subtitle?: ReactNode; width?: number; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="ew-center-screen">
      <div className="ew-brand">
        <div className="ew-brand-title">{props.title}</div>
        {props.subtitle ? <div className="ew-brand-sub">{props.subtitle}</div> : null}
      </div>
      <Card style={{ width: '100%', maxWidth: props.width ?? 440, boxShadow: '0 6px 24px rgba(15,40,80,0.10)' }} styles={{ body: { padding: 32 } }}>
        {props.children}
      </Card>
      <div className="ew-footer-note">{props.footer ?? '本程序离线运行，所有资料仅保存在本机档案库中'}</div>
    </div>
  );
}

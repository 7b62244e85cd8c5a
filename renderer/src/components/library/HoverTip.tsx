import { Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';

/**
 * An antd Tooltip mounted only once the pointer reaches its content: a Tooltip costs more to mount
 * than the rest of a cell, and the library's rows mount on every scroll while few are ever hovered.
 */
export function HoverTip(props: { title: ReactNode; children: ReactNode; testId?: string }) {
  const [on, setOn] = useState(false);
  const content = (
    <span className="ew-tip" data-testid={props.testId} onPointerEnter={on ? undefined : () => setOn(true)}>
      {props.children}
    </span>
  );
  return on ? (
    <Tooltip title={props.title} defaultOpen>
      {content}
    </Tooltip>
  ) : (
    content
  );
}

import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useCan } from '../../hooks/useCan';
import { RequestForm, type RequestScope } from './RequestForm';

/** Clicks inside (the modal is a portal, but React events still bubble) must not reach the row that holds the button. */
const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * "申请查阅" where a viewing was refused (library row, player, case page): opens the request form with what was
 * refused filled in. Absent for a user who may not ask.
 */
export function RequestAccessButton({ scope, size, type }: { scope: RequestScope; size?: 'small' | 'middle'; type?: 'link' | 'default' | 'primary' }) {
  const [open, setOpen] = useState(false);
  const can = useCan('access.request');
  if (!can) return null;
  return (
    <span onClick={stop}>
      <Button size={size} type={type} icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="request-access">
        申请查阅
      </Button>
      <RequestAccessModal scope={scope} open={open} onClose={() => setOpen(false)} />
    </span>
  );
}

/**
 * The request form's dialog on its own, for a list that shows its own light 申请查阅 button on each row and keeps
 * one dialog for all of them (the library's table: its rows mount on every scroll).
 */
export function RequestAccessModal({ scope, open, onClose }: { scope: RequestScope; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal open={open} title="提出查阅申请" footer={null} onCancel={onClose} width={680} destroyOnHidden>
      <RequestForm
        scope={scope}
        onDone={() => {
          onClose();
          void message.success('已提交查阅申请，等待审批；可在“查阅审批 → 我的申请”中查看进度');
        }}
      />
    </Modal>
  );
}

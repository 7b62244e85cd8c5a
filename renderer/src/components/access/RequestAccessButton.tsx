import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { RequestForm, type RequestScope } from './RequestForm';

/** "申请查阅" for the library, a recording or a case: opens the request form with the scope filled in. */
export function RequestAccessButton({ scope, size }: { scope: RequestScope; size?: 'small' | 'middle' }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  return (
    <>
      <Button size={size} icon={<KeyOutlined />} onClick={() => setOpen(true)}>
        申请查阅
      </Button>
      <Modal open={open} title="提出查阅申请" footer={null} onCancel={() => setOpen(false)} width={680} destroyOnHidden>
        <RequestForm
          scope={scope}
          onDone={(r) => {
            setOpen(false);
            void message.success(`已提交查阅申请 #${r.id}，等待审批`);
          }}
        />
      </Modal>
    </>
  );
}

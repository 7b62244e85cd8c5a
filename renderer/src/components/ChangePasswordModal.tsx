import { App, Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal(props: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  return (
    <Modal open={props.open} title="修改密码" footer={null} onCancel={props.onClose} destroyOnHidden width={440}>
      <ChangePasswordForm
        onCancel={props.onClose}
        onDone={() => {
          void message.success('密码已修改');
          props.onClose();
        }}
      />
    </Modal>
  );
}

import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import type { RecordFormDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';

const MAX_BYTES = 10 * 1024 * 1024;

/** Reads the file in the renderer and sends its bytes: the browser host cannot pass paths to the main process. */
export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** 附加扫描件: the signed paper form, scanned (PDF, JPEG or PNG, at most 10 MB). */
export function ScanUpload(props: { form: RecordFormDto; onChange: (f: RecordFormDto) => void }) {
  const { message } = App.useApp();
  const { busy, run } = useSubmit({ toast: true });
  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error('扫描件不能超过 10 MB');
      return;
    }
    await run(async () => {
      const f = await api.forms.recordAttachScan({ id: props.form.id, fileName: file.name, dataBase64: await toBase64(file) });
      props.onChange(f);
      void message.success('已附加扫描件');
    });
  };
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
      showUploadList={false}
      disabled={props.form.state === 'locked'}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button icon={<PaperClipOutlined />} loading={busy} disabled={props.form.state === 'locked'} data-testid="attach-scan">
        {props.form.scan ? '替换扫描件' : '附加签字扫描件'}
      </Button>
    </Upload>
  );
}

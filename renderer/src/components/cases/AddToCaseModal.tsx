import { App, Alert, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseSummaryDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';

export type AddTarget = { mediaIds: number[]; label: string } | { recordingId: number; label: string };

/** Picks an open case and adds media (selected rows) or a whole recording to its evidence list. */
export function AddToCaseModal(props: { target: AddTarget | null; onClose: () => void; onAdded?: (caseId: number) => void }) {
  // Mounted afresh on each opening: no state carried over from the last one.
  return props.target ? <AddToCaseDialog {...props} target={props.target} /> : null;
}

/**
 * The 加入案件 dialog with its state, for a page or panel that offers it: `open(target)` shows it, `modal` is placed once
 * in the caller's tree, `onAdded` runs after the items are in the case.
 */
export function useAddToCase(onAdded: () => void): { open(target: AddTarget): void; modal: ReactNode } {
  const [target, setTarget] = useState<AddTarget | null>(null);
  return { open: setTarget, modal: <AddToCaseModal target={target} onClose={() => setTarget(null)} onAdded={onAdded} /> };
}

function AddToCaseDialog(props: { target: AddTarget; onClose: () => void; onAdded?: (caseId: number) => void }) {
  const { busy, error, setError, run, report } = useSubmit();
  const { message } = App.useApp();
  const [cases, setCases] = useState<CaseSummaryDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [caseId, setCaseId] = useState<number | null>(null);

  useEffect(() => {
    api.cases
      .list({ status: 'open', limit: 500 })
      .then((r) => setCases(r.cases), report)
      .finally(() => setLoading(false));
  }, [report]);

  const submit = async () => {
    const t = props.target;
    if (caseId === null) {
      setError('请选择案件');
      return;
    }
    await run(async () => {
      const input = 'recordingId' in t ? { caseId, recordingId: t.recordingId } : { caseId, mediaIds: t.mediaIds };
      const c = await api.cases.addItems(input);
      message.success(`已加入案件 ${c.number}（共 ${c.itemCount} 项证据）`);
      props.onAdded?.(caseId);
      props.onClose();
    });
  };

  return (
    <Modal
      title="加入案件"
      open
      okText="加入"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {props.target.label}。加入案件后，这些资料随案件保存，不受一般保存期限限制。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label="案件" required>
          <Select
            aria-label="案件"
            autoFocus
            loading={loading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={cases.length || loading ? '选择办理中的案件' : '暂无办理中的案件，请先在“案件”页新建'}
            value={caseId ?? undefined}
            onChange={(v: number) => setCaseId(v)}
            options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

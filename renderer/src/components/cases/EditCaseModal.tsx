import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetailDto, CaseStatus, Classification, OfficerEntryDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { CASE_STATUS_LABELS, CLASSIFICATION_LABELS } from '../../labels';

interface Values {
  title: string;
  handlerOfficerId?: number | null;
  classification: Classification;
  status: CaseStatus;
  description?: string;
}

/** 编辑案件 (cases.update): title, handler, description and status; the classification only for the chief. */
export function EditCaseModal(props: { case: CaseDetailDto; onClose: () => void; onSaved: (c: CaseDetailDto) => void }) {
  const c = props.case;
  const { busy, error, run } = useSubmit();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [officers, setOfficers] = useState<OfficerEntryDto[]>([]);
  // 密级 is the chief's (rules art. 3): others see it but cannot change it here.
  const classifies = useCan('cases.classify');

  useEffect(() => {
    api.officers.directory().then(
      (o) => setOfficers(o.filter((x) => x.active || x.id === c.handler?.id)),
      () => undefined,
    );
  }, [c.handler?.id]);

  const submit = async (v: Values) => {
    await run(async () => {
      const saved = await api.cases.update({
        id: c.id,
        title: v.title,
        handlerOfficerId: v.handlerOfficerId ?? null,
        description: v.description ?? '',
        status: v.status,
        ...(classifies ? { classification: v.classification } : {}),
      });
      void message.success(`已保存案件 ${saved.number}`);
      props.onSaved(saved);
    });
  };

  return (
    <Modal title={`编辑案件：${c.number}`} open okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={props.onClose} width={600}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ title: c.title, handlerOfficerId: c.handler?.id ?? null, classification: c.classification, status: c.status, description: c.description }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label="案件编号" htmlFor="edit-case-number" extra="案件编号是案件的标识，登记后不能修改。">
          <Input id="edit-case-number" value={c.number} disabled />
        </Form.Item>
        <Form.Item name="title" label="案件名称" rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item name="handlerOfficerId" label="承办人">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择执法人员"
              data-testid="edit-case-handler"
              options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNo}）` }))}
            />
          </Form.Item>
          <Form.Item name="status" label="状态" extra="结案后证据清单锁定。">
            <Select options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="classification" label="密级" extra={classifies ? undefined : '仅大队负责人可修改密级'}>
            <Select disabled={!classifies} options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </div>
        <Form.Item name="description" label="案情简述">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

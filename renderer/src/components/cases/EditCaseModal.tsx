import { App, Form, Input, Select } from 'antd';
import type { CaseDetailDto, CaseStatus, Classification } from '../../../../main/api/dto';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { CASE_STATUS_LABELS, CLASSIFICATION_LABELS } from '../../labels';
import { FormModal } from '../FormModal';
import { HandlerSelect } from './HandlerSelect';

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
  const { message } = App.useApp();
  // 密级 is the chief's (rules art. 3): others see it but cannot change it here.
  const classifies = useCan('cases.classify');

  const submit = async (v: Values) => {
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
  };

  return (
    <FormModal<Values>
      open
      title={`编辑案件：${c.number}`}
      okText="保存"
      width={600}
      initialValues={{ title: c.title, handlerOfficerId: c.handler?.id ?? null, classification: c.classification, status: c.status, description: c.description }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item label="案件编号" htmlFor="edit-case-number" extra="案件编号是案件的标识，登记后不能修改。">
        <Input id="edit-case-number" value={c.number} disabled />
      </Form.Item>
      <Form.Item name="title" label="案件名称" rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        <Form.Item name="handlerOfficerId" label="承办人">
          <HandlerSelect keep={c.handler?.id} data-testid="edit-case-handler" />
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
    </FormModal>
  );
}

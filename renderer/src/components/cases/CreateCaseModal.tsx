import { App, Form, Input, Select } from 'antd';
import type { CaseDetailDto, Classification } from '../../../../main/api/dto';
import { api } from '../../api';
import { CLASSIFICATION_LABELS } from '../../labels';
import { FormModal } from '../FormModal';
import { HandlerSelect } from './HandlerSelect';

interface Values {
  number: string;
  title: string;
  handlerOfficerId?: number;
  classification: Classification;
  description?: string;
}

/** 新建案件: number, title, handler, classification, description. */
export function CreateCaseModal(props: { onClose: () => void; onCreated: (c: CaseDetailDto) => void }) {
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    const c = await api.cases.create({ number: v.number, title: v.title, handlerOfficerId: v.handlerOfficerId ?? null, classification: v.classification, description: v.description ?? '' });
    void message.success(`已新建案件 ${c.number}`);
    props.onCreated(c);
  };

  return (
    <FormModal<Values> open title="新建案件" okText="新建" initialValues={{ classification: 'normal' }} onSubmit={submit} onClose={props.onClose}>
      <Form.Item name="number" label="案件编号" rules={[{ required: true, whitespace: true, message: '请填写案件编号' }]}>
        <Input autoFocus maxLength={64} placeholder="如 青执（2024）第 015 号" />
      </Form.Item>
      <Form.Item name="title" label="案件名称" rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="handlerOfficerId" label="承办人">
        <HandlerSelect />
      </Form.Item>
      <Form.Item name="classification" label="密级">
        <Select options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="description" label="案情简述">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

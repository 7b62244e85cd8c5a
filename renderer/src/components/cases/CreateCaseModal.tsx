import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetailDto, Classification, OfficerEntryDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { CLASSIFICATION_LABELS } from '../../labels';
import { useSubmit } from '../../hooks/useSubmit';

interface Values {
  number: string;
  title: string;
  handlerOfficerId?: number;
  classification: Classification;
  description?: string;
}

/** 新建案件: number, title, handler, classification, description. */
export function CreateCaseModal(props: { onClose: () => void; onCreated: (c: CaseDetailDto) => void }) {
  const { busy, error, run } = useSubmit();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [officers, setOfficers] = useState<OfficerEntryDto[]>([]);

  // The directory every role may read: an officer keeping a case picks the handler too (issue 11 item 14).
  useEffect(() => {
    api.officers.directory().then(
      (o) => setOfficers(o.filter((x) => x.active)),
      () => undefined,
    );
  }, []);

  const submit = async (v: Values) => {
    await run(async () => {
      const c = await api.cases.create({
        number: v.number,
        title: v.title,
        handlerOfficerId: v.handlerOfficerId ?? null,
        classification: v.classification,
        description: v.description ?? '',
      });
      message.success(`已新建案件 ${c.number}`);
      props.onCreated(c);
    });
  };

  return (
    <Modal title="新建案件" open okText="新建" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={props.onClose}>
      <Form<Values> form={form} layout="vertical" initialValues={{ classification: 'normal' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="number" label="案件编号" rules={[{ required: true, whitespace: true, message: '请填写案件编号' }]}>
          <Input autoFocus maxLength={64} placeholder="如 青执（2024）第 015 号" />
        </Form.Item>
        <Form.Item name="title" label="案件名称" rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}>
          <Input maxLength={200} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="handlerOfficerId" label="承办人">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择执法人员" options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNo}）` }))} />
        </Form.Item>
        <Form.Item name="classification" label="密级">
          <Select options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="description" label="案情简述">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

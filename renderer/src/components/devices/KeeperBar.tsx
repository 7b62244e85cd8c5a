import { SafetyCertificateOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { useDevicesStore } from '../../stores/devices';
import { formatTime } from '../../time';

/** 保管人 (art. 7): who keeps and maintains the recorders, designated by the chief; shown on the register. */
export function KeeperBar() {
  const { message } = App.useApp();
  const { keeper, loadKeeper, designateKeeper } = useDevicesStore();
  const canDesignate = useCan('devices.designateKeeper');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ userId?: number; note?: string }>();
  const { busy, error, setError, run } = useSubmit();

  useEffect(() => {
    void loadKeeper().catch(() => undefined);
  }, [loadKeeper]);

  const current = keeper?.current ?? null;
  const close = () => (setError(null), setOpen(false));
  const submit = (v: { userId?: number; note?: string }) =>
    run(async () => {
      if (v.userId === undefined) return;
      await designateKeeper({ userId: v.userId, note: v.note?.trim() || null });
      void message.success('已指定保管人');
      close();
    });

  return (
    <div data-testid="keeper-bar" style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
      <SafetyCertificateOutlined style={{ color: '#1f4e8c', fontSize: 16 }} />
      <Typography.Text strong>保管人：</Typography.Text>
      {current ? (
        <Typography.Text>
          {current.name}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {formatTime(current.fromAt, 'YYYY-MM-DD')} 起，由 {current.designatedBy} 指定（制度第七条）
          </Typography.Text>
        </Typography.Text>
      ) : (
        <Typography.Text type="warning">尚未指定。大队负责人应指定专人负责记录仪的保管和养护（制度第七条）。</Typography.Text>
      )}
      {canDesignate && (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setOpen(true)}>
          {current ? '更换保管人' : '指定保管人'}
        </Button>
      )}
      <Modal open={open} title="指定保管人" okText="确认指定" onOk={() => form.submit()} confirmLoading={busy} onCancel={close} destroyOnHidden width={480}>
        <Form form={form} layout="vertical" requiredMark={false} preserve={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="userId" label="保管人" rules={[{ required: true, message: '请选择保管员' }]} extra="保管人须为保管员账户；指定后原保管人的任期结束。">
            <Select
              autoFocus
              data-testid="keeper-select"
              placeholder="选择保管员"
              options={(keeper?.candidates ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.login}）`, disabled: c.id === current?.userId }))}
            />
          </Form.Item>
          <Form.Item name="note" label="依据或说明" rules={[{ max: 200 }]}>
            <Input placeholder="如：队务会决定" autoComplete="off" />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
        {keeper && keeper.history.length > 1 && (
          <Space direction="vertical" size={0} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">历任保管人：</Typography.Text>
            {keeper.history.map((k) => (
              <Typography.Text key={k.id} type="secondary" style={{ fontSize: 12 }}>
                {k.name}：{formatTime(k.fromAt)} 至 {k.toAt ? formatTime(k.toAt) : '今'}（{k.designatedBy} 指定）
              </Typography.Text>
            ))}
          </Space>
        )}
      </Modal>
    </div>
  );
}

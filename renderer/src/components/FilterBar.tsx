import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

/**
 * The filter bar above a list: its fields in a row, then 查询 (submits them) and, when `onReset` is given, 重置
 * (clears the fields, then calls onReset). The same on every list.
 */
export function FilterBar<V>(props: { form: FormInstance<V>; onFinish: (values: V) => void; onReset?: () => void; testId?: string; children: ReactNode }) {
  const { form, onReset } = props;
  return (
    <Form<V> form={form} layout="inline" onFinish={props.onFinish} style={{ rowGap: 12, marginBottom: 16 }} data-testid={props.testId}>
      {props.children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
          {onReset && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onReset();
              }}
            >
              重置
            </Button>
          )}
        </Space>
      </Form.Item>
    </Form>
  );
}

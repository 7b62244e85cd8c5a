import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';

/** 查询 (submits the filter form) and, when `onReset` is given, 重置: the same pair on every filter bar. */
export function FilterActions(props: { onReset?: () => void }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
        {props.onReset && (
          <Button icon={<ReloadOutlined />} onClick={props.onReset}>
            重置
          </Button>
        )}
      </Space>
    </Form.Item>
  );
}

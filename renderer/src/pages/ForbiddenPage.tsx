import { LockOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { navigate } from '../router';

/** A route the user's roles do not include, or that does not exist. Shows nothing of the page. */
export function ForbiddenPage(props: { unknown?: boolean }) {
  return (
    <Card>
      <Result
        status="warning"
        icon={props.unknown ? <QuestionCircleOutlined style={{ color: '#8a94a6' }} /> : <LockOutlined style={{ color: '#8a94a6' }} />}
        title={props.unknown ? '页面不存在' : '无权访问'}
        subTitle={props.unknown ? '您访问的页面不存在。' : '您的账户没有查看此页面的权限。如确需使用，请联系管理员调整角色。'}
        extra={
          <Button type="primary" onClick={() => navigate('dashboard')}>
            返回工作台
          </Button>
        }
      />
    </Card>
  );
}

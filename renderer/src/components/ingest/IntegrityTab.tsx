import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Progress, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useWeeklyStore } from '../../stores/weekly';
import { IntegrityReportView } from './IntegrityReportView';
import { pickedDay } from '../../time';
import { formatBytes } from '../../format';

interface Values {
  scope: 'all' | 'range';
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 完整性校验: re-hash a day range or everything and list what is missing, changed or extra. */
export function IntegrityTab() {
  const { checking, checkProgress: p, report, checkError, check, cancelCheck } = useWeeklyStore();
  const [form] = Form.useForm<Values>();
  const [scope, setScope] = useState<Values['scope']>('all');

  const submit = (v: Values) => {
    const [from, to] = v.scope === 'range' ? (v.range ?? []) : [];
    void check({ ...(from ? { fromDay: pickedDay(from) } : {}), ...(to ? { toDay: pickedDay(to) } : {}) });
  };

  return (
    <div>
      <Typography.Paragraph type="secondary">
        重新读取档案库中的原始文件，逐个计算 SHA-256 并与入库时的记录和每日清单核对，找出缺失、被改变和多余的文件（制度第十一条）。校验本身记入审计日志。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form<Values> form={form} layout="inline" initialValues={{ scope: 'all' }} onFinish={submit} style={{ rowGap: 12 }}>
          <Form.Item name="scope" label="范围">
            <Radio.Group
              onChange={(e) => setScope(e.target.value as Values['scope'])}
              options={[
                { value: 'all', label: '全部' },
                { value: 'range', label: '按录制日期' },
              ]}
            />
          </Form.Item>
          <Form.Item name="range" rules={[{ required: scope === 'range', message: '请选择日期范围' }]}>
            <DatePicker.RangePicker disabled={scope !== 'range'} allowEmpty={[true, true]} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={checking}>
              开始校验
            </Button>
          </Form.Item>
        </Form>
        {checking && (
          <div style={{ marginTop: 16 }}>
            <Progress percent={p && p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 100) : 0} status="active" />
            <Typography.Text type="secondary">
              {p ? `已校验 ${p.done} / ${p.total} 个文件，${formatBytes(p.bytes)} / ${formatBytes(p.totalBytes)}` : '正在准备…'}
            </Typography.Text>
            <Button size="small" style={{ marginLeft: 12 }} onClick={() => void cancelCheck()} data-testid="integrity-cancel">
              取消校验
            </Button>
          </div>
        )}
      </Card>
      {checkError && <Alert type="error" showIcon title={checkError} style={{ marginBottom: 16 }} />}
      {report && !checking && (
        <Card title="校验结果">
          <IntegrityReportView report={report} />
        </Card>
      )}
    </div>
  );
}

import { FileWordOutlined, LeftOutlined, ReloadOutlined, RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Space, Spin, Statistic, Card, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { GeneratedFileDto } from '../../../main/api/dto';
import { api } from '../api';
import { PageHeader } from '../components/PageHeader';
import { GeneratedFileView } from '../components/GeneratedFile';
import { FindingList, OpenCorrectionsCard, ReportPanel } from '../components/supervision';
import { navigate, useSubRoute } from '../router';
import { useCan } from '../hooks/useCan';
import { useSubmit } from '../hooks/useSubmit';
import { useSupervisionStore } from '../stores/supervision';
import { addDays, formatTime, officeToday, pickedDay, pickerDay } from '../time';

/**
 * 监督 (rules art. 15): the chief's daily check of a day (yesterday unless he picks another) — every finding under
 * its article with the records behind it, his mark 正常 / 需纠正, corrections until closed, his signature, the
 * printable 执法记录仪使用日常检查记录. The township leader reads it.
 */
export function SupervisionPage() {
  const sub = useSubRoute();
  return (
    <div>
      <PageHeader title="监督" description="大队负责人每日检查执法记录仪使用情况，对发现的问题布置纠正（《执法记录仪使用管理制度》第十五条）；检查报告供上级检查（第十六条）。" />
      <Tabs
        activeKey={sub === 'report' ? 'report' : 'daily'}
        onChange={(k) => navigate('supervision', k === 'daily' ? undefined : k)}
        items={[
          { key: 'daily', label: '日常检查', children: <DailyCheckPanel /> },
          { key: 'report', label: '检查报告', children: <ReportPanel /> },
        ]}
      />
    </div>
  );
}

function DailyCheckPanel() {
  const { day, check, loading, error, load } = useSupervisionStore();
  const signs = useCan('supervision.sign');
  const { modal } = App.useApp();
  // The record generated for a day; shown only while that day is.
  const [generated, setGenerated] = useState<{ day: string; file: GeneratedFileDto } | null>(null);
  const { busy, doing, error: actionError, run } = useSubmit<'sign' | 'docx'>();

  useEffect(() => {
    void load();
  }, [load]);

  const go = (d: string) => void load(d);
  const today = officeToday();
  const problems = check?.findings.filter((f) => f.problem).length ?? 0;
  const unmarked = check?.findings.filter((f) => !f.mark).length ?? 0;

  const sign = () =>
    modal.confirm({
      title: `签名确认 ${check?.day ?? ''} 的日常检查`,
      content: '签名后本日各项结论不能再修改；纠正事项仍可在完成后关闭。签名使用您的个人证书（CMS）。',
      okText: '签名',
      cancelText: '取消',
      onOk: () =>
        run(async () => {
          await api.supervision.sign({ day: check!.day });
          await load(check!.day);
        }, 'sign'),
    });
  const docx = () => run(async () => setGenerated({ day: check!.day, file: await api.supervision.docx({ day: check!.day }) }), 'docx');
  const file = generated && generated.day === check?.day ? generated.file : null;

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 16 }}>
        <Space wrap>
          <Button aria-label="前一天" icon={<LeftOutlined />} disabled={!day || loading} onClick={() => day && go(addDays(day, -1))} />
          <DatePicker
            aria-label="检查日期"
            allowClear={false}
            value={day ? pickerDay(day) : null}
            disabledDate={(d) => pickedDay(d) >= today}
            onChange={(d) => d && go(pickedDay(d))}
            data-testid="check-day"
          />
          <Button aria-label="后一天" icon={<RightOutlined />} disabled={!day || loading || addDays(day, 1) >= today} onClick={() => day && go(addDays(day, 1))} />
          <Button icon={<ReloadOutlined />} onClick={() => day && go(day)} disabled={loading}>
            刷新
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {actionError && <Alert type="error" showIcon title={actionError} style={{ marginBottom: 16 }} />}
      <OpenCorrectionsCard onChanged={() => day && go(day)} />
      {!check ? (
        <Spin />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', gap: 40, flexWrap: 'wrap', alignItems: 'center' }}>
              <Statistic title="检查日期" value={check.day} />
              <Statistic title="检查事项" value={check.findings.length} suffix="项" />
              <Statistic title="问题" value={problems} suffix="项" valueStyle={problems ? { color: '#cf1322' } : { color: '#389e0d' }} />
              <Statistic title="未标记" value={unmarked} suffix="项" />
              <div style={{ flex: 1 }} />
              <Space direction="vertical" align="end">
                {check.signature ? (
                  <Typography.Text data-testid="signed">
                    <SafetyCertificateOutlined style={{ color: '#389e0d' }} /> {check.signature.signer} 已于 {formatTime(check.signature.signedAt)} 签名
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary" data-testid="sign-state">
                    {check.signRefusal ?? '可以签名'}
                  </Typography.Text>
                )}
                <Space>
                  {signs && !check.signature && (
                    <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={check.signRefusal !== null || busy} loading={doing === 'sign'} onClick={sign}>
                      签名
                    </Button>
                  )}
                  <Button icon={<FileWordOutlined />} loading={doing === 'docx'} disabled={busy} onClick={() => void docx()}>
                    生成检查记录
                  </Button>
                </Space>
              </Space>
            </div>
            {file && <GeneratedFileView file={file} {...(check.signature ? { signatureFile: `daily-check-${check.day}.json.p7s` } : {})} style={{ marginTop: 12 }} />}
          </Card>
          <Spin spinning={loading}>
            <FindingList check={check} />
          </Spin>
        </>
      )}
    </div>
  );
}

import { FileWordOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { GeneratedFileDto, InspectionReportDto } from '../../../../main/api/dto';
import { formatDuration, RULE_ARTICLE_LABELS } from '../../../../main/common';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { addDays, officeToday, pickedDay, pickerDay } from '../../time';
import { GeneratedFileView } from '../GeneratedFile';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** 检查报告 (rules art. 16–17): a period's figures per officer and recorder, and per article whether it was followed. */
export function ReportPanel() {
  const yesterday = addDays(officeToday(), -1);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [pickerDay(addDays(yesterday, -29)), pickerDay(yesterday)]);
  const [report, setReport] = useState<InspectionReportDto | null>(null);
  const [file, setFile] = useState<(GeneratedFileDto & { signatureFile: string }) | null>(null);
  const signs = useCan('supervision.reportDocx');
  const { doing, busy, error, run } = useSubmit<'load' | 'docx'>();
  const input = { from: pickedDay(period[0]), to: pickedDay(period[1]) };
  const load = () =>
    run(async () => {
      setFile(null);
      setReport(await api.supervision.report(input));
    }, 'load');
  const docx = () => run(async () => setFile(await api.supervision.reportDocx(input)), 'docx');
  const maxDuration = Math.max(1, ...(report?.officers.map((o) => o.durationSec) ?? []));

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label="检查期间"
          allowClear={false}
          value={period}
          disabledDate={(d) => pickedDay(d) > yesterday}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
        />
        <Button type="primary" icon={<SearchOutlined />} loading={doing === 'load'} disabled={busy} onClick={() => void load()}>
          统计
        </Button>
        {signs && report && (
          <Button icon={<FileWordOutlined />} loading={doing === 'docx'} disabled={busy} onClick={() => void docx()}>
            生成签名报告
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {file && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <GeneratedFileView file={file} signatureFile={file.signatureFile} />
        </Card>
      )}
      {report && (
        <div data-testid="inspection-report">
          <Card size="small" title={`${report.from} 至 ${report.to}（检查 ${report.days} 天）各条款执行情况`} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              pagination={false}
              rowKey="article"
              dataSource={report.articles}
              columns={[
                { title: '条款', dataIndex: 'article', render: (a: keyof typeof RULE_ARTICLE_LABELS) => RULE_ARTICLE_LABELS[a], width: 320 },
                { title: '是否遵守', dataIndex: 'followed', width: 100, render: (f: boolean) => (f ? <Tag color="green">遵守</Tag> : <Tag color="red">有问题</Tag>) },
                { title: '检查项', dataIndex: 'checked', width: 80 },
                {
                  title: '发现的问题',
                  dataIndex: 'problems',
                  render: (ps: InspectionReportDto['articles'][number]['problems']) =>
                    ps.length ? (
                      <div>
                        {ps.slice(0, 8).map((p) => (
                          <div key={p.key}>
                            <Typography.Text type="secondary">{p.day}</Typography.Text> {p.title}
                          </div>
                        ))}
                        {ps.length > 8 && <Typography.Text type="secondary">……共 {ps.length} 项</Typography.Text>}
                      </div>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="当日交接日历" style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} data-testid="handover-calendar">
              {report.calendar.map((c) => (
                <Tooltip key={c.day} title={`${c.day}：录制 ${c.recorded} 人，当日交接 ${c.sameDay} 人`}>
                  <div
                    aria-label={`${c.day} 录制 ${c.recorded} 人 当日交接 ${c.sameDay} 人`}
                    style={{
                      width: 34,
                      height: 34,
                      borderRadius: 4,
                      fontSize: 11,
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      background: c.recorded === 0 ? '#f0f0f0' : c.sameDay === c.recorded ? '#b7eb8f' : '#ffa39e',
                    }}
                  >
                    {c.day.slice(8)}
                  </div>
                </Tooltip>
              ))}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              绿色：录制的人当日全部交接；红色：有人未当日交接；灰色：无录制。
            </Typography.Text>
          </Card>
          <Card size="small" title="执法人员" style={{ marginBottom: 16 }} data-testid="report-officers">
            <Table
              size="small"
              pagination={false}
              rowKey="officerId"
              dataSource={report.officers}
              columns={[
                { title: '执法人员', dataIndex: 'name', width: 120 },
                { title: '文件', dataIndex: 'files', width: 70 },
                {
                  title: '录制时长',
                  dataIndex: 'durationSec',
                  render: (d: number) => (
                    <Space>
                      <div style={{ width: 160 * (d / maxDuration), minWidth: 2, height: 10, background: '#1f4e8c', borderRadius: 2 }} />
                      {formatDuration(d)}
                    </Space>
                  ),
                },
                { title: '无声音', dataIndex: 'noAudio', width: 80 },
                { title: '中断', dataIndex: 'gaps', width: 70 },
                { title: '时钟可疑', dataIndex: 'clock', width: 90 },
                { title: '问题占比', dataIndex: 'flaggedShare', width: 90, render: (x: number) => pct(x) },
                {
                  title: '当日交接',
                  dataIndex: 'sameDayRate',
                  width: 180,
                  render: (x: number | null, o) => (x === null ? '—' : <Progress percent={Math.round(x * 100)} size="small" format={() => `${o.daysHandedOverSameDay}/${o.daysRecorded} 天`} />),
                },
              ]}
            />
          </Card>
          <Card size="small" title="执法记录仪" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              pagination={false}
              rowKey="recorderId"
              dataSource={report.recorders}
              columns={[
                { title: '执法记录仪', dataIndex: 'serial' },
                { title: '文件', dataIndex: 'files' },
                { title: '录制时长', dataIndex: 'durationSec', render: (d: number) => formatDuration(d) },
                { title: '当日交接天数', dataIndex: 'daysDocked' },
                { title: '领用未交接天数', dataIndex: 'daysNotDocked' },
                { title: '时钟偏差次数', dataIndex: 'clockDrift' },
              ]}
            />
          </Card>
          <Typography.Paragraph type="secondary">
            查阅 {report.viewers.reduce((n, v) => n + v.viewings, 0)} 次（经审批 {report.viewers.reduce((n, v) => n + v.onApproval, 0)} 次）；刻录光盘 {report.discs} 张；布置纠正{' '}
            {report.corrections.opened} 项，已完成 {report.corrections.closed} 项。
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}

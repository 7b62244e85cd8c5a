import { FileWordOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Drawer, Progress, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { GeneratedFileDto, InspectionReportDto, RecordRefDto } from '../../../../main/api/dto';
import { formatDuration, RULE_ARTICLE_LABELS } from '../../../../main/common';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { navigate } from '../../router';
import { useSupervisionStore } from '../../stores/supervision';
import { addDays, officeToday, pickedDay, pickerDay } from '../../time';
import { GeneratedFileView } from '../GeneratedFile';
import { HandoverCalendar, OfficerBars } from './ReportCharts';
import { RefLinks } from './RefLinks';

/** What the drawer shows: the records behind a figure, or the period's corrections. */
type Opened = { title: string; refs: RecordRefDto[] } | { title: string; corrections: InspectionReportDto['correctionList'] };

/** One titled card of the report holding one small, unpaged table. */
function ReportTable<T extends object>(props: { title: string; testId?: string; rowKey: keyof T & string; rows: readonly T[]; columns: TableColumnsType<T>; empty?: string; children?: ReactNode }) {
  return (
    <Card size="small" title={props.title} style={{ marginBottom: 16 }} {...(props.testId ? { 'data-testid': props.testId } : {})}>
      <Table<T> size="small" pagination={false} rowKey={props.rowKey} dataSource={props.rows} columns={props.columns} {...(props.empty ? { locale: { emptyText: props.empty } } : {})} />
      {props.children}
    </Card>
  );
}

/** A figure that opens the records it counts; a zero opens nothing. */
function Figure(props: { value: number; title: string; refs: RecordRefDto[]; onOpen: (o: Opened) => void }) {
  if (!props.value || !props.refs.length) return <span>{props.value}</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onOpen({ title: props.title, refs: props.refs })} aria-label={`${props.title}：${props.value}`}>
      {props.value}
    </Button>
  );
}

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
  const [opened, setOpened] = useState<Opened | null>(null);
  const loadDay = useSupervisionStore((s) => s.load);
  // A day of the report opens that day's check, with its findings and the records behind them.
  const openDay = (day: string) => {
    setOpened(null);
    void loadDay(day);
    navigate('supervision');
  };
  const fig = (value: number, title: string, refs: RecordRefDto[]) => <Figure value={value} title={title} refs={refs} onOpen={setOpened} />;

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
          <ReportTable
            title={`${report.from} 至 ${report.to}（检查 ${report.days} 天）各条款执行情况`}
            rowKey="article"
            rows={report.articles}
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
                          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openDay(p.day)} title="查看当日检查">
                            {p.day}
                          </Button>{' '}
                          {p.title}
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
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
            <Card size="small" title="当日交接日历" style={{ flex: '0 0 auto' }}>
              <HandoverCalendar calendar={report.calendar} onDay={openDay} />
            </Card>
            <Card size="small" title="各执法人员录制与问题文件" style={{ flex: '1 1 480px' }}>
              <OfficerBars officers={report.officers} onOpen={(title, refs) => setOpened({ title, refs })} />
            </Card>
          </div>
          <ReportTable
            title="执法人员"
            testId="report-officers"
            rowKey="officerId"
            rows={report.officers}
            columns={[
              { title: '执法人员', dataIndex: 'name', width: 120 },
              { title: '文件', dataIndex: 'files', width: 70, render: (n: number, o) => fig(n, `${o.name} 录制的文件`, o.refs.files) },
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
              { title: '无声音', dataIndex: 'noAudio', width: 80, render: (n: number, o) => fig(n, `${o.name} 无声音的文件`, o.refs.noAudio) },
              { title: '中断', dataIndex: 'gaps', width: 70, render: (n: number, o) => fig(n, `${o.name} 录制中断处的文件`, o.refs.gaps) },
              { title: '时钟可疑', dataIndex: 'clock', width: 90, render: (n: number, o) => fig(n, `${o.name} 时钟可疑的文件`, o.refs.clock) },
              { title: '问题占比', dataIndex: 'flaggedShare', width: 90, render: (x: number) => pct(x) },
              {
                title: '当日交接',
                dataIndex: 'sameDayRate',
                width: 180,
                render: (x: number | null, o) =>
                  x === null ? (
                    '—'
                  ) : (
                    <Space size={4}>
                      <Progress percent={Math.round(x * 100)} size="small" showInfo={false} style={{ width: 80 }} />
                      {fig(o.daysHandedOverSameDay, `${o.name} 当日交接的导入`, o.refs.daysHandedOverSameDay)}/{o.daysRecorded} 天
                    </Space>
                  ),
              },
            ]}
          />
          <ReportTable
            title="执法记录仪"
            rowKey="recorderId"
            rows={report.recorders}
            columns={[
              { title: '执法记录仪', dataIndex: 'serial' },
              { title: '文件', dataIndex: 'files', render: (n: number, r) => fig(n, `${r.serial} 录制的文件`, r.refs.files) },
              { title: '录制时长', dataIndex: 'durationSec', render: (d: number) => formatDuration(d) },
              { title: '当日交接天数', dataIndex: 'daysDocked', render: (n: number, r) => fig(n, `${r.serial} 当日交接的导入`, r.refs.daysDocked) },
              { title: '领用未交接天数', dataIndex: 'daysNotDocked', render: (n: number, r) => fig(n, `${r.serial} 领用未交接的记录`, r.refs.daysNotDocked) },
              { title: '时钟偏差次数', dataIndex: 'clockDrift', render: (n: number, r) => fig(n, `${r.serial} 时钟偏差超限的导入`, r.refs.clockDrift) },
            ]}
          />
          <ReportTable
            title="查阅、刻盘与纠正"
            testId="report-other"
            rowKey="viewer"
            rows={report.viewers}
            empty="期间没有查阅"
            columns={[
              { title: '查阅人', dataIndex: 'viewer' },
              { title: '查阅次数', dataIndex: 'viewings', render: (n: number, v) => fig(n, `${v.viewer} 的查阅登记`, v.refs.viewings) },
              { title: '经审批', dataIndex: 'onApproval', render: (n: number, v) => fig(n, `${v.viewer} 查阅所依据的审批`, v.refs.onApproval) },
            ]}
          >
            <Space style={{ marginTop: 12 }} size={24} wrap>
              <span>刻录光盘 {fig(report.discs, '期间刻录的光盘', report.discRefs)} 张</span>
              <span>
                布置纠正{' '}
                {report.corrections.opened ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpened({ title: '期间布置的纠正', corrections: report.correctionList })} aria-label={`期间布置的纠正：${report.corrections.opened}`}>
                    {report.corrections.opened}
                  </Button>
                ) : (
                  0
                )}{' '}
                项，已完成 {report.corrections.closed} 项
              </span>
            </Space>
          </ReportTable>
          <Drawer open={opened !== null} onClose={() => setOpened(null)} title={opened?.title} size={480} data-testid="figure-records">
            {opened && 'refs' in opened && (
              <>
                <Typography.Paragraph type="secondary">共 {opened.refs.length} 项，点击前往所在页面：</Typography.Paragraph>
                <RefLinks refs={opened.refs} vertical />
              </>
            )}
            {opened && 'corrections' in opened &&
              opened.corrections.map((c) => (
                <div key={c.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Tag color={c.closed ? 'green' : 'orange'}>{c.closed ? '已纠正' : '纠正中'}</Tag>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openDay(c.day)}>
                    {c.day}
                  </Button>{' '}
                  {c.finding}（{c.assignee}）
                </div>
              ))}
          </Drawer>
        </div>
      )}
    </div>
  );
}

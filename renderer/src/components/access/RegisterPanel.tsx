import { FileWordOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { GeneratedFileDto, RegisterPageDto, ViewingRowDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage, isHandledGlobally } from '../../errors';
import { useAccessStore } from '../../stores/access';
import { GeneratedFileView } from '../GeneratedFile';
import { ACCESS_TYPE_LABELS } from './accessLabels';
import { addDays, formatTime, officeToday, pickedDay, pickerDay } from '../../time';

const time = (t: string) => formatTime(t);

function basisText(r: ViewingRowDto): string {
  if (r.requestType) return ACCESS_TYPE_LABELS[r.requestType];
  return r.basis === 'own-footage' ? '本人资料分类' : '凭职责（非严格模式）';
}

/** 查阅登记 (rules art. 14): every viewing session, written by the program; filter, and print the register for a period. */
export function RegisterPanel() {
  const { people, loadPeople } = useAccessStore();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [pickerDay(addDays(officeToday(), -30)), pickerDay(officeToday())]);
  const [viewerId, setViewerId] = useState<number | undefined>();
  const [itemText, setItemText] = useState('');
  const item = itemText;
  const [submittedItem, setSubmittedItem] = useState('');
  const [nonce, setNonce] = useState(0);
  const [result, setResult] = useState<{ key: string; page: RegisterPageDto | null; error: string | null } | null>(null);
  const [file, setFile] = useState<GeneratedFileDto | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const from = pickedDay(period[0]);
  const to = pickedDay(period[1]);
  const key = JSON.stringify([from, to, viewerId, submittedItem, nonce]);
  const loading = result?.key !== key;
  const page = result?.page ?? null;
  const error = exportError ?? result?.error ?? null;
  const load = () => {
    setSubmittedItem(item.trim());
    setNonce((n) => n + 1);
  };

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);
  useEffect(() => {
    let live = true;
    const input = { from, to, limit: 500, ...(viewerId ? { viewerId } : {}), ...(submittedItem ? { item: submittedItem } : {}) };
    api.register
      .list(input)
      .then((p) => live && setResult({ key, page: p, error: null }))
      .catch((e: unknown) => live && setResult({ key, page: null, error: isHandledGlobally(e) ? null : errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [key, from, to, viewerId, submittedItem]);

  async function exportDocx() {
    setExporting(true);
    setExportError(null);
    try {
      setFile(await api.register.docx({ from, to }));
    } catch (e) {
      if (!isHandledGlobally(e)) setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const columns: ColumnsType<ViewingRowDto> = [
    { title: '查阅人', key: 'viewer', width: 110, render: (_v, r) => r.viewer.displayName },
    {
      title: '查阅对象',
      key: 'item',
      render: (_v, r) => (
        <span>
          {r.mediaName} <Typography.Text type="secondary">#{r.mediaId}{r.recordingId ? `，录像 #${r.recordingId}` : ''}</Typography.Text>
        </span>
      ),
    },
    { title: '类型', key: 'type', width: 120, render: (_v, r) => basisText(r) },
    { title: '事由', dataIndex: 'reason', width: 260, render: (s: string | null, r) => s ?? (r.requestId ? '' : '—') },
    { title: '批准人', key: 'approver', width: 150, render: (_v, r) => (r.approver ? `${r.approver.displayName}${r.selfApproved ? '（本人审批）' : ''}` : '—') },
    { title: '开始', dataIndex: 'startedAt', width: 150, render: time },
    { title: '结束', dataIndex: 'lastAt', width: 150, render: time },
    { title: '申请', dataIndex: 'requestId', width: 70, render: (id: number | null) => (id ? `#${id}` : '—') },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
        <Select
          allowClear
          placeholder="全部查阅人"
          style={{ width: 180 }}
          value={viewerId}
          onChange={setViewerId}
          optionFilterProp="label"
          showSearch
          options={people.map((p) => ({ value: p.id, label: p.displayName }))}
        />
        <Input placeholder="资料编号或文件名" value={item} onChange={(e) => setItemText(e.target.value)} onPressEnter={load} style={{ width: 200 }} allowClear />
        <Button icon={<SearchOutlined />} onClick={load}>
          查询
        </Button>
        <Button type="primary" icon={<FileWordOutlined />} loading={exporting} onClick={() => void exportDocx()}>
          导出登记表
        </Button>
      </Space>
      {file && <GeneratedFileView file={file} label="下载查阅登记表" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ViewingRowDto>
        data-testid="register-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '本期间无查阅记录' }}
        footer={() => `共 ${page?.total ?? 0} 次查阅（每次连续播放记一次；查阅人、事由、批准人、时间由程序自动登记）`}
      />
    </div>
  );
}

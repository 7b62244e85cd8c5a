import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { CaseStatus, CaseSummaryDto } from '../../../main/api/dto';
import { CaseView } from '../components/cases/CaseView';
import { CreateCaseModal } from '../components/cases/CreateCaseModal';
import { PageHeader } from '../components/PageHeader';
import { PlayerModal } from '../components/player/PlayerModal';
import '../components/player/player.css';
import { formatBytes, formatDuration } from '../format';
import { CASE_STATUS_LABELS, CLASSIFICATION_COLORS, CLASSIFICATION_LABELS } from '../labels';
import { navigate, useSubRoute } from '../router';
import { useCasesStore } from '../stores/cases';
import { formatTime } from '../time';
import { useCan } from '../hooks/useCan';
import { FilterBar } from '../components/FilterBar';
import { DataTable, serverPages } from '../components/DataTable';


const columns: ColumnsType<CaseSummaryDto> = [
  { title: '案件编号', dataIndex: 'number', width: 190, render: (v: string, c) => <a href={`#/cases/${c.id}`}>{v}</a> },
  { title: '案件名称', dataIndex: 'title', ellipsis: true },
  { title: '承办人', key: 'handler', width: 130, render: (_v, c) => (c.handler ? `${c.handler.name}（${c.handler.badgeNo}）` : '—') },
  { title: '证据', dataIndex: 'itemCount', width: 70, render: (v: number) => `${v} 项` },
  { title: '总时长', dataIndex: 'totalDurationSec', width: 110, render: (v: number) => formatDuration(v) },
  { title: '总大小', dataIndex: 'totalSize', width: 100, render: (v: number) => formatBytes(v) },
  { title: '密级', dataIndex: 'classification', width: 96, render: (v: CaseSummaryDto['classification']) => <Tag color={CLASSIFICATION_COLORS[v]}>{CLASSIFICATION_LABELS[v]}</Tag> },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: CaseSummaryDto['status']) => <Tag color={v === 'open' ? 'processing' : 'default'}>{CASE_STATUS_LABELS[v]}</Tag> },
  { title: '登记时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
];

/** 案件: the cases and their evidence lists (`#/cases`, one case at `#/cases/<id>`). */
export function CasesPage() {
  const sub = useSubRoute();
  const s = useCasesStore();
  const [form] = Form.useForm<{ text?: string; status?: CaseStatus }>();
  const { load } = s;
  const canCreate = useCan('cases.create');
  const [creating, setCreating] = useState(false);
  const caseId = /^\d+$/.test(sub) ? Number(sub) : null;

  useEffect(() => {
    if (caseId === null) void load();
  }, [load, caseId]);

  if (caseId !== null) {
    return (
      <>
        <CaseView caseId={caseId} />
        <PlayerModal />
      </>
    );
  }

  return (
    <div>
      <PageHeader
        title="案件"
        description="登记案件并把相关视听资料加入证据清单；作为证据的资料随案件一并保存（制度第十一条）。"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建案件
            </Button>
          )
        }
      />
      <Card>
        <FilterBar<{ text?: string; status?: CaseStatus }> form={form} onFinish={(v) => void s.setQuery(v.text ?? '', v.status)}>
          <Form.Item name="text" label="关键词">
            <Input allowClear placeholder="编号或名称" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </FilterBar>
        {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} />}
        <DataTable<CaseSummaryDto> rowKey="id" size="middle" loading={s.loading} columns={columns} rows={s.cases} data-testid="cases-table" onPick={(c) => navigate('cases', String(c.id))} empty="暂无案件" pagination={serverPages(s, '件')} />
      </Card>
      {creating && (
        <CreateCaseModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            navigate('cases', String(c.id));
          }}
        />
      )}
    </div>
  );
}

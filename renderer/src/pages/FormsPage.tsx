import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import type { CaseSummaryDto, RecordFormDto, RecordFormSummaryDto } from '../../../main/api/dto';
import { api } from '../api';
import { FormStateTag } from '../components/forms/FormStateTag';
import { RecordFormView } from '../components/forms/RecordFormView';
import { PageHeader } from '../components/PageHeader';
import { errorMessage, isHandledGlobally } from '../errors';
import { navigate, useSubRoute } from '../router';
import { formatTime } from '../time';
import { useSubmit } from '../hooks/useSubmit';

const columns: ColumnsType<RecordFormSummaryDto> = [
  { title: '光盘编号', dataIndex: 'discNo', width: 120 },
  { title: '案件', key: 'case', render: (_v, r) => `${r.caseNumber} ${r.caseTitle}` },
  { title: '状态', dataIndex: 'state', width: 130, render: (s: RecordFormSummaryDto['state']) => <FormStateTag state={s} /> },
  { title: '执法人员签名', dataIndex: 'officerSignedBy', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '负责人签名', dataIndex: 'chiefSignedBy', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatTime(v) },
];

function NewFormModal(props: { open: boolean; onClose: () => void; onCreated: (f: RecordFormDto) => void }) {
  const { message } = App.useApp();
  const [cases, setCases] = useState<CaseSummaryDto[]>([]);
  const [caseId, setCaseId] = useState<number | null>(null);
  const { busy, run } = useSubmit({ toast: true });
  useEffect(() => {
    if (!props.open) return;
    api.cases
      .list({ status: 'open', limit: 500 })
      .then((p) => setCases(p.cases))
      .catch((e: unknown) => void message.error(errorMessage(e)));
  }, [props.open, message]);
  const create = async () => {
    if (caseId === null) return;
    await run(async () => props.onCreated(await api.forms.recordDraft({ caseId })));
  };
  return (
    <Modal title="新建记录表" open={props.open} onCancel={props.onClose} onOk={() => void create()} okText="生成草稿" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: caseId === null }}>
      <Typography.Paragraph type="secondary">系统根据案件中的视听资料自动填写记录表，并分配新的光盘编号。</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        placeholder="选择案件"
        showSearch
        optionFilterProp="label"
        value={caseId ?? undefined}
        onChange={setCaseId}
        options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}（${c.itemCount} 个文件）` }))}
        data-testid="new-form-case"
      />
    </Modal>
  );
}

/** 记录表 (rules art. 11(4)): the list of forms, and one form with its signatures. */
export function FormsPage() {
  const { message } = App.useApp();
  const sub = useSubRoute();
  const selected = /^\d+$/.test(sub) ? Number(sub) : null;
  const [list, setList] = useState<RecordFormSummaryDto[]>([]);
  const [form, setForm] = useState<RecordFormDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);

  const loadList = useCallback(
    () =>
      api.forms
        .recordList({})
        .then(setList)
        .catch((e: unknown) => {
          if (!isHandledGlobally(e)) void message.error(errorMessage(e));
        })
        .finally(() => setLoading(false)),
    [message],
  );

  useEffect(() => {
    if (selected === null) {
      void loadList();
      return;
    }
    api.forms
      .recordGet({ id: selected })
      .then(setForm)
      .catch((e: unknown) => {
        if (!isHandledGlobally(e)) void message.error(errorMessage(e));
      });
  }, [selected, loadList, message]);

  if (selected !== null) {
    return (
      <>
        <PageHeader
          title="记录表"
          description="执法记录仪视听资料证据记录表：执法人员签名，大队负责人签名并加盖单位印章。"
          extra={
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('forms')}>
              返回列表
            </Button>
          }
        />
        {form && form.id === selected ? <RecordFormView form={form} onChange={setForm} /> : <Card loading />}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="记录表"
        description="视听资料证据记录表的填写、签名和归档（《执法记录仪使用管理制度》第十一条第（四）项）。"
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setLoading(true);
                void loadList();
              }}
            >
              刷新
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-form">
              新建记录表
            </Button>
          </Space>
        }
      />
      <Card>
        <Table
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有记录表。先在案件中加入视听资料，再新建记录表。' }}
          onRow={(r) => ({ onClick: () => navigate('forms', String(r.id)), style: { cursor: 'pointer' }, 'data-testid': `form-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <NewFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(f) => {
          setCreating(false);
          navigate('forms', String(f.id));
        }}
      />
    </>
  );
}

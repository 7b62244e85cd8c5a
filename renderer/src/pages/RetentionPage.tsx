import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RetentionPageDto } from '../../../main/api/dto';
import type { RetentionView } from '../../../main/common';
import { api } from '../api';
import { PageHeader } from '../components/PageHeader';
import { DisposalsPanel } from '../components/retention/DisposalsPanel';
import { HoldsPanel } from '../components/retention/HoldsPanel';
import { ReasonModal } from '../components/retention/ReasonModal';
import { RetentionTable } from '../components/retention/RetentionTable';
import { useCan } from '../hooks/useCan';
import { useSubmit } from '../hooks/useSubmit';
import { RETENTION_VIEW_LABELS, RETENTION_VIEWS } from '../labels';

/**
 * 到期资料 (rules art. 11(3)): what may be disposed of today and why, what is kept and why, the disposal requests
 * (custodian asks, chief approves, another person carries out) and the holds.
 */
export function RetentionPage() {
  const canRequest = useCan('disposals.request');
  const canHold = useCan('retention.hold');
  const [view, setView] = useState<RetentionView>('due');
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; page: RetentionPageDto } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [asking, setAsking] = useState<'dispose' | 'hold' | null>(null);
  const { report } = useSubmit({ toast: true });
  const key = `${view}:${nonce}`;
  const page = loaded?.page ?? null;
  const refresh = () => {
    setSelected([]);
    setNonce((n) => n + 1);
  };

  useEffect(() => {
    let live = true;
    api.retention.list({ view, limit: 500 }).then((p) => live && setLoaded({ key, page: p }), report);
    return () => {
      live = false;
    };
  }, [key, view, report]);

  const selectable = (view === 'due' && canRequest) || (view !== 'disposed' && canHold);
  return (
    <div>
      <PageHeader
        title="到期资料"
        description="视听资料保存不少于三个月（第十一条第三项）；属于案件的随案保存，保留中或涉密的不得销毁。销毁须大队负责人批准、另一人执行，并留存签名的销毁记录。"
      />
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
          <Segmented<RetentionView>
            value={view}
            onChange={(v) => {
              setSelected([]);
              setView(v);
            }}
            options={RETENTION_VIEWS.map((v) => ({ value: v, label: `${RETENTION_VIEW_LABELS[v]}${page ? `（${page.counts[v]}）` : ''}` }))}
          />
          <Space>
            {view === 'due' && canRequest && (
              <Button type="primary" danger disabled={!selected.length} onClick={() => setAsking('dispose')}>
                申请销毁（{selected.length}）
              </Button>
            )}
            {view !== 'disposed' && canHold && (
              <Button disabled={!selected.length} onClick={() => setAsking('hold')}>
                保留（{selected.length}）
              </Button>
            )}
          </Space>
        </Space>
        {page && (
          <Typography.Paragraph type="secondary" data-testid="retention-policy">
            今日（办公地时间）：{page.today}；保存期限：录制后 {page.retentionMonths} 个月；案件资料：结案后再保存 {page.caseRetentionMonths} 个月。
          </Typography.Paragraph>
        )}
        <RetentionTable items={page?.items ?? []} loading={loaded?.key !== key} selected={selected} onSelect={selectable ? setSelected : undefined} />
      </Card>
      <Card title="销毁申请" style={{ marginBottom: 16 }}>
        <DisposalsPanel nonce={nonce} onChanged={refresh} />
      </Card>
      <Card title="保留中的资料">
        <HoldsPanel nonce={nonce} onChanged={refresh} />
      </Card>
      <ReasonModal
        open={asking === 'dispose'}
        title="申请销毁"
        label="销毁事由"
        okText="提交申请"
        danger
        summary={`将 ${selected.length} 个已到期的资料提交大队负责人审批；批准后由另一人执行销毁。`}
        onClose={() => setAsking(null)}
        onSubmit={async ({ reason }) => {
          await api.disposals.request({ mediaIds: selected, reason });
          refresh();
        }}
      />
      <ReasonModal
        open={asking === 'hold'}
        title="保留资料"
        label="保留理由"
        okText="保留"
        withKind
        summary={`保留的 ${selected.length} 个资料将长期保存、不得销毁，直至解除保留。`}
        onClose={() => setAsking(null)}
        onSubmit={async ({ reason, kind }) => {
          await api.retention.hold({ mediaIds: selected, kind, reason });
          refresh();
        }}
      />
    </div>
  );
}

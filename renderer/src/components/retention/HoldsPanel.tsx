import { Button, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { HoldDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { HOLD_KIND_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { ReasonModal } from './ReasonModal';

/** Holds in force (保留): footage kept indefinitely until the chief releases it with a reason. */
export function HoldsPanel(props: { nonce: number; onChanged: () => void }) {
  const canRelease = useCan('retention.release');
  const [holds, setHolds] = useState<HoldDto[]>([]);
  const [releasing, setReleasing] = useState<HoldDto | null>(null);
  const { report } = useSubmit({ toast: true });
  useEffect(() => {
    let live = true;
    api.retention.holds({}).then((h) => live && setHolds(h), report);
    return () => {
      live = false;
    };
  }, [props.nonce, report]);
  return (
    <>
      <Table<HoldDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={holds}
        locale={{ emptyText: '没有保留中的资料' }}
        columns={[
          { title: '资料编号', dataIndex: 'mediaId', width: 90 },
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: HoldDto['kind']) => <Tag color="purple">{HOLD_KIND_LABELS[k]}</Tag> },
          { title: '理由', dataIndex: 'reason' },
          { title: '设定', width: 200, render: (_: unknown, h) => `${h.setBy}（${formatTime(h.setAt)}）` },
          ...(canRelease
            ? [{ title: '', width: 90, render: (_: unknown, h: HoldDto) => <Button size="small" onClick={() => setReleasing(h)}>解除</Button> }]
            : []),
        ]}
      />
      <ReasonModal
        open={!!releasing}
        title="解除保留"
        label="解除理由"
        okText="解除保留"
        onClose={() => setReleasing(null)}
        onSubmit={async ({ reason }) => {
          if (!releasing) return;
          await api.retention.release({ id: releasing.id, reason });
          props.onChanged();
        }}
      />
    </>
  );
}

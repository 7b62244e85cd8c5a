import { FolderAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Pagination, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAddToCase } from '../components/cases/AddToCaseModal';
import { LibraryFilters } from '../components/library/LibraryFilters';
import { LibraryTable } from '../components/library/LibraryTable';
import { RecordingGroups } from '../components/library/RecordingGroups';
import { PageHeader } from '../components/PageHeader';
import { PlayerModal } from '../components/player/PlayerModal';
import { warmUp } from '../components/player/warmStart';
import { openAhead } from '../components/player/openAhead';
import type { LibraryItemDto } from '../../../main/api/dto';
import '../components/player/player.css';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore } from '../stores/library';
import { usePlayerStore } from '../stores/player';
import { useSessionStore } from '../stores/session';
import { useCan } from '../hooks/useCan';

/** Roles that may see posters today (custodian, chief); the media handler checks every request anyway. */
const THUMB_ROLES = new Set(['custodian', 'chief']);

function useTableHeight(): number {
  const [h, setH] = useState(() => Math.max(320, window.innerHeight - 400));
  useEffect(() => {
    const on = () => setH(Math.max(320, window.innerHeight - 400));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/** 资料库: find footage by date, officer, recorder, situation or case, and play it. */
export function LibraryPage() {
  // Not the rows: the list's blocks arrive as it scrolls and only the table draws them.
  const s = useLibraryStore(useShallow(({ blocks: _rows, ...rest }) => rest));
  const { load } = s;
  const open = usePlayerStore((p) => p.open);
  const revision = usePlayerStore((p) => p.revision);
  const roles = useSessionStore((x) => x.session?.roles) ?? [];
  const thumbs = roles.some((r) => THUMB_ROLES.has(r));
  const canAdd = useCan('cases.addItems');
  const addToCase = useAddToCase(() => {
    s.setSelected([]);
    void load();
  });
  const height = useTableHeight();
  // Stable, so the table's rows are not all drawn again whenever the store changes.
  // The row's facts start its bytes and the player's call at the click, in parallel with its render (issue 14 item 2).
  const openItem = useCallback(
    (item: LibraryItemDto) => {
      warmUp(item);
      openAhead(item.id);
      open(item.id);
    },
    [open],
  );

  useEffect(() => {
    void load();
  }, [load, revision]);

  return (
    <div>
      <PageHeader
        title="资料库"
        description="按日期、执法人员、记录仪、执法情形或案件查找视听资料；分段录像作为一次完整录制连续播放。原始文件只读，不能剪辑、下载或导出。"
        extra={
          <Segmented
            aria-label="显示方式"
            value={s.grouped ? 'grouped' : 'list'}
            onChange={(v) => void s.setGrouped(v === 'grouped')}
            options={[
              { value: 'list', label: '按文件' },
              { value: 'grouped', label: '按录制分组' },
            ]}
          />
        }
      />
      <Card>
        <LibraryFilters onApply={(q) => void s.setFilters(q)} />
        {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 10, minHeight: 32 }}>
          <Typography.Text type="secondary" data-testid="library-total">
            {s.counting && !s.grouped ? '正在计数…' : `共 ${s.total} ${s.grouped ? '组' : '条'}`}{s.selected.length ? `，已选 ${s.selected.length} 条` : ''}
          </Typography.Text>
          {canAdd && !s.grouped && (
            <Space>
              <Button
                icon={<FolderAddOutlined />}
                disabled={s.selected.length === 0}
                onClick={() => addToCase.open({ mediaIds: s.selected, label: `将所选 ${s.selected.length} 条资料加入案件` })}
              >
                加入案件
              </Button>
            </Space>
          )}
        </div>
        {s.grouped ? (
          <RecordingGroups thumbs={thumbs} onOpen={open} onAddRecording={(recordingId, label) => addToCase.open({ recordingId, label })} />
        ) : (
          <LibraryTable thumbs={thumbs} height={height} onOpen={openItem} />
        )}
        {/* The flat list scrolls over every match; groups are paged. */}
        {s.grouped && (
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
            <Pagination
              current={s.page}
              pageSize={s.pageSize}
              total={s.total}
              showSizeChanger
              pageSizeOptions={[50, 100, 200, 500]}
              showTotal={(t) => `共 ${t} 组`}
              onChange={(page, pageSize) => void s.setPage(page, pageSize)}
            />
          </div>
        )}
      </Card>
      {addToCase.modal}
      <PlayerModal />
    </div>
  );
}

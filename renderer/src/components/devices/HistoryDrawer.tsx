import { Alert, Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AssignmentDto, RecorderDto } from '../../../../main/api/dto';
import { errorMessage } from '../../errors';
import { useDevicesStore } from '../../stores/devices';
import { formatTime } from '../../time';

/** Who wore this recorder when: its assignments, newest first. */
export function HistoryDrawer(props: { recorder: RecorderDto | null; onClose(): void }) {
  const history = useDevicesStore((s) => s.history);
  const { recorder } = props;
  const [state, setState] = useState<{ id: number; items: AssignmentDto[] | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!recorder) return;
    let live = true;
    history(recorder.id).then(
      (items) => live && setState({ id: recorder.id, items, error: null }),
      (e: unknown) => live && setState({ id: recorder.id, items: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [recorder, history]);

  const current = state && recorder && state.id === recorder.id ? state : null;
  const items = current?.items ? [...current.items].sort((a, b) => b.fromAt.localeCompare(a.fromAt)) : null;

  return (
    <Drawer open={recorder !== null} onClose={props.onClose} title={recorder ? `领用记录：${recorder.serial}` : '领用记录'} size={480} destroyOnHidden>
      {!current ? (
        <Spin />
      ) : current.error ? (
        <Alert type="error" showIcon title={current.error} />
      ) : !items || items.length === 0 ? (
        <Empty description="尚无领用记录" />
      ) : (
        <Timeline
          items={items.map((a) => ({
            key: a.id,
            color: a.toAt ? 'gray' : 'green',
            content: (
              <div>
                <div style={{ fontWeight: 500 }}>
                  {a.officer.name}（{a.officer.badgeNo}）
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatTime(a.fromAt)} 至 {a.toAt ? formatTime(a.toAt) : '今'}
                  {!a.toAt && '（在用）'}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

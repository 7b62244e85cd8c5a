import { Alert, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { RecorderDto, RecorderFileDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { formatDrift } from '../../format';
import { CHECK_ITEM_LABELS, COMPENSATION_DECISION_LABELS, INCIDENT_KIND_LABELS, REPAIR_RESULT_LABELS } from '../../labels';
import { formatTime } from '../../time';

interface Line {
  key: string;
  at: string;
  color: string;
  title: ReactNode;
  detail?: ReactNode;
}

/** A recorder's whole file as one timeline, newest first: wearers, checks, repairs, losses, dockings. */
function linesOf(f: RecorderFileDto): Line[] {
  const lines: Line[] = [];
  for (const a of f.assignments) {
    lines.push({ key: `a${a.id}`, at: a.fromAt, color: a.toAt ? 'gray' : 'green', title: `${a.officer.name}（${a.officer.badgeNo}）领用`, detail: `${formatTime(a.fromAt)} 至 ${a.toAt ? formatTime(a.toAt) : '今（在用）'}` });
  }
  for (const c of f.checks) {
    lines.push({
      key: `c${c.id}`,
      at: c.checkedAt,
      color: c.failed.length ? 'red' : 'blue',
      title: (
        <span>
          {c.day} 使用前检查 {c.failed.length ? <Tag color="red">{c.failed.map((k) => CHECK_ITEM_LABELS[k]).join('、')} 未通过</Tag> : <Tag color="green">合格</Tag>}
        </span>
      ),
      detail: `${c.checkedBy} 登记${c.note ? `；${c.note}` : ''}`,
    });
  }
  for (const p of f.repairs) {
    lines.push({ key: `s${p.id}`, at: p.sentAt, color: 'orange', title: `送修：${p.fault}`, detail: `${formatTime(p.sentAt)}，${p.sentBy} 经办${p.repairer ? `，送至 ${p.repairer}` : ''}` });
    if (p.returnedAt && p.result)
      lines.push({ key: `r${p.id}`, at: p.returnedAt, color: p.result === 'repaired' ? 'green' : 'gray', title: `维修返回：${REPAIR_RESULT_LABELS[p.result]}`, detail: `${formatTime(p.returnedAt)}，${p.returnedBy ?? ''}${p.resultNote ? `；${p.resultNote}` : ''}` });
  }
  for (const i of f.incidents) {
    lines.push({
      key: `i${i.id}`,
      at: i.occurredAt,
      color: 'red',
      title: `${INCIDENT_KIND_LABELS[i.kind]}：${i.description}`,
      detail: `${formatTime(i.occurredAt)}，佩戴人 ${i.officer ? `${i.officer.name}（${i.officer.badgeNo}）` : '无'}${i.decision ? `；${COMPENSATION_DECISION_LABELS[i.decision]}（${i.decidedBy ?? ''}）` : '；待决定'}`,
    });
  }
  for (const d of f.dockings) {
    lines.push({ key: `d${d.sessionId}`, at: d.at, color: 'gray', title: `接入导入，时钟偏差 ${formatDrift(d.driftSec)}`, detail: formatTime(d.at) });
  }
  return lines.sort((a, b) => b.at.localeCompare(a.at));
}

/** 记录: everything kept about one recorder (rules art. 4, 9, 10). */
export function HistoryDrawer(props: { recorder: RecorderDto | null; onClose(): void }) {
  const { recorder } = props;
  const [state, setState] = useState<{ id: number; file: RecorderFileDto | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!recorder) return;
    let live = true;
    api.devices.history({ recorderId: recorder.id }).then(
      (file) => live && setState({ id: recorder.id, file, error: null }),
      (e: unknown) => live && setState({ id: recorder.id, file: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [recorder]);

  const current = state && recorder && state.id === recorder.id ? state : null;
  const lines = current?.file ? linesOf(current.file) : null;

  return (
    <Drawer open={recorder !== null} onClose={props.onClose} title={recorder ? `记录：${recorder.serial}` : '记录'} size={560} destroyOnHidden>
      {!current ? (
        <Spin />
      ) : current.error ? (
        <Alert type="error" showIcon title={current.error} />
      ) : !lines || lines.length === 0 ? (
        <Empty description="尚无记录" />
      ) : (
        <Timeline
          data-testid="recorder-history"
          items={lines.map((l) => ({
            key: l.key,
            color: l.color,
            content: (
              <div>
                <div style={{ fontWeight: 500 }}>{l.title}</div>
                {l.detail && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {l.detail}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

import { CheckOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { CheckRowDto, CheckSheetDto, DockingDto } from '../../../../main/api/dto';
import type { CheckItem } from '../../../../main/common';
import { api } from '../../api';
import { formatDrift } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { CHECK_ITEM_LABELS, CHECK_ITEMS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { formatTime, officeToday, pickedDay, pickerDay } from '../../time';
import { DataTable } from '../DataTable';

/** A drift beyond this many seconds is shown in red: the clock needs setting (art. 4). */
const DRIFT_WARN_SEC = 60;

interface Draft {
  items: Record<CheckItem, boolean>;
  note: string;
  /** Sent on save: rows not yet checked that day, and rows changed since. */
  include: boolean;
}

const ALL_OK: Record<CheckItem, boolean> = { noFault: true, battery: true, storage: true, clock: true };

function draftOf(row: CheckRowDto): Draft {
  return row.check ? { items: { ...row.check.items }, note: row.check.note ?? '', include: false } : { items: { ...ALL_OK }, note: '', include: true };
}

function Drift(props: { d: DockingDto; prefix?: string }) {
  const bad = props.d.driftSec !== null && Math.abs(props.d.driftSec) > DRIFT_WARN_SEC;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      <Typography.Text type={bad ? 'danger' : props.d.driftSec === null ? 'secondary' : undefined} style={{ fontSize: 12 }}>
        {props.prefix}
        {formatTime(props.d.at, props.prefix ? 'MM-DD HH:mm' : 'HH:mm')} {formatDrift(props.d.driftSec)}
      </Typography.Text>
    </div>
  );
}

/**
 * 使用前检查 (art. 4): one row per recorder in service for the chosen day; four boxes and a note. Every box is a
 * keyboard stop (Tab, Space), Ctrl+Enter saves every marked row at once. Beside each, the clock drift measured
 * when it was docked that day (or its last docking before).
 */
export function ChecksPanel(props: { canRecord: boolean }) {
  const { message } = App.useApp();
  const careVersion = useDevicesStore((s) => s.careVersion);
  const touched = useDevicesStore((s) => s.touched);
  const [day, setDay] = useState(officeToday());
  const [sheet, setSheet] = useState<CheckSheetDto | null>(null);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const { busy, error, setError, run, report } = useSubmit();

  const show = useCallback((s: CheckSheetDto) => {
    setSheet(s);
    setDrafts(Object.fromEntries(s.rows.map((r) => [r.recorder.id, draftOf(r)])));
  }, []);
  const load = useCallback(() => {
    setError(null);
    api.devices.checks({ day }).then(show, report);
  }, [day, show, report, setError]);
  useEffect(() => load(), [load, careVersion]);

  const edit = (id: number, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? { items: { ...ALL_OK }, note: '', include: true }), include: true, ...patch } }));
  const marked = sheet?.rows.filter((r) => drafts[r.recorder.id]?.include) ?? [];

  const save = () =>
    run(async () => {
      if (marked.length === 0) {
        void message.info('没有需要保存的检查');
        return;
      }
      const entries = marked.map((r) => {
        const d = drafts[r.recorder.id]!;
        return { recorderId: r.recorder.id, ...d.items, note: d.note.trim() || null };
      });
      show(await api.devices.recordChecks({ day, entries }));
      touched();
      const failed = entries.filter((e) => CHECK_ITEMS.some((k) => !e[k])).length;
      void message.success(`已登记 ${entries.length} 台记录仪的使用前检查${failed ? `，其中 ${failed} 台未通过` : ''}`);
    });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && props.canRecord) {
      e.preventDefault();
      void save();
    }
  };

  const columns: ColumnsType<CheckRowDto> = [
    {
      title: '登记',
      key: 'include',
      width: 56,
      align: 'center',
      render: (_v, r) => (
        <Checkbox
          aria-label={`登记 ${r.recorder.serial}`}
          disabled={!props.canRecord}
          checked={drafts[r.recorder.id]?.include ?? false}
          onChange={(e) => edit(r.recorder.id, { include: e.target.checked })}
        />
      ),
    },
    { title: '记录仪编号', key: 'serial', width: 130, render: (_v, r) => <span className="ew-mono">{r.recorder.serial}</span> },
    {
      title: '使用人',
      key: 'officer',
      width: 110,
      render: (_v, r) => (r.recorder.currentOfficer ? r.recorder.currentOfficer.name : <Typography.Text type="secondary">无人领用</Typography.Text>),
    },
    ...CHECK_ITEMS.map((k) => ({
      title: CHECK_ITEM_LABELS[k],
      key: k,
      width: 92,
      align: 'center' as const,
      render: (_v: unknown, r: CheckRowDto) => {
        const d = drafts[r.recorder.id];
        return (
          <Checkbox
            aria-label={`${r.recorder.serial} ${CHECK_ITEM_LABELS[k]}`}
            data-testid={`check-${r.recorder.serial}-${k}`}
            disabled={!props.canRecord}
            checked={d?.items[k] ?? false}
            onChange={(e) => d && edit(r.recorder.id, { items: { ...d.items, [k]: e.target.checked } })}
          />
        );
      },
    })),
    {
      title: '备注',
      key: 'note',
      width: 180,
      render: (_v, r) => (
        <Input
          size="small"
          aria-label={`${r.recorder.serial} 备注`}
          disabled={!props.canRecord}
          maxLength={200}
          value={drafts[r.recorder.id]?.note ?? ''}
          onChange={(e) => edit(r.recorder.id, { note: e.target.value })}
          placeholder="如：电池鼓包"
        />
      ),
    },
    {
      title: '当日接入时钟偏差',
      key: 'drift',
      width: 230,
      render: (_v, r) =>
        r.dockings.length > 0 ? (
          r.dockings.map((d) => <Drift key={d.sessionId} d={d} />)
        ) : r.lastDocking ? (
          <Drift d={r.lastDocking} prefix="最近接入 " />
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            尚未接入
          </Typography.Text>
        ),
    },
    {
      title: '结果',
      key: 'result',
      width: 150,
      render: (_v, r) =>
        !r.check ? (
          <Tag>未检查</Tag>
        ) : (
          <Tooltip title={`${r.check.checkedBy} 于 ${formatTime(r.check.checkedAt)} 登记`}>
            {r.check.failed.length === 0 ? (
              <Tag color="green">合格</Tag>
            ) : (
              <Tag color="red">{r.check.failed.map((k) => CHECK_ITEM_LABELS[k]).join('、')} 未通过</Tag>
            )}
          </Tooltip>
        ),
    },
  ];

  return (
    <div onKeyDown={onKeyDown} data-testid="checks-panel">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 12, flexWrap: 'wrap' }}>
        <Space wrap>
          <Typography.Text>检查日期</Typography.Text>
          <DatePicker
            value={pickerDay(day)}
            allowClear={false}
            disabledDate={(d) => pickedDay(d) > officeToday()}
            onChange={(v) => v && setDay(pickedDay(v))}
            data-testid="checks-day"
          />
          <Typography.Text type="secondary">使用前检查（制度第四条）：无故障、电量充足、存储空间足够、按北京时间校准时间。</Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={load}>
            刷新
          </Button>
          {props.canRecord && (
            <>
              <Button
                icon={<CheckOutlined />}
                onClick={() => sheet && setDrafts(Object.fromEntries(sheet.rows.map((r) => [r.recorder.id, { ...(drafts[r.recorder.id] ?? draftOf(r)), items: { ...ALL_OK } }])))}
              >
                全部合格
              </Button>
              <Tooltip title="Ctrl+Enter">
                <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="checks-save">
                  保存检查（{marked.length} 台）
                </Button>
              </Tooltip>
            </>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <DataTable<CheckRowDto> rowKey={(r) => r.recorder.id} loading={!sheet} columns={columns} rows={sheet?.rows ?? []} data-testid="checks-table" empty="没有在用的记录仪" />
    </div>
  );
}

import { Typography } from 'antd';
import type { InspectionReportDto, RecordRefDto } from '../../../../main/api/dto';

type Officer = InspectionReportDto['officers'][number];
type CalendarDay = InspectionReportDto['calendar'][number];

/** An officer's flagged files (no sound, interrupted, clock), each once. */
export function flaggedRefs(o: Officer): RecordRefDto[] {
  const seen = new Set<string>();
  return [...o.refs.noAudio, ...o.refs.gaps, ...o.refs.clock].filter((r) => !seen.has(String(r.id)) && seen.add(String(r.id)));
}

const ROW = 30;
const LABEL = 96;
const BAR = 360;
const WIDTH = LABEL + BAR + 170;

/** Per officer: files recorded (blue) and those flagged (red), to scale; a bar opens the files it counts. */
export function OfficerBars(props: { officers: readonly Officer[]; onOpen: (title: string, refs: RecordRefDto[]) => void }) {
  const max = Math.max(1, ...props.officers.map((o) => o.files));
  const height = props.officers.length * ROW + 8;
  return (
    <div>
      {/* Scaled to the card's width (viewBox), so the counts beside the longest bar stay in view. */}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label="各执法人员录制文件与问题文件" data-testid="officer-bars">
        {props.officers.map((o, i) => {
          const flagged = flaggedRefs(o);
          const y = i * ROW + 4;
          const w = (BAR * o.files) / max;
          const fw = (BAR * flagged.length) / max;
          return (
            <g key={o.officerId} data-testid={`officer-bar-${o.name}`}>
              <text x={LABEL - 8} y={y + 15} textAnchor="end" fontSize={13} fill="#1f2937">
                {o.name}
              </text>
              <rect x={LABEL} y={y + 2} width={Math.max(2, w)} height={18} rx={2} fill="#1f4e8c" style={{ cursor: 'pointer' }} onClick={() => props.onOpen(`${o.name} 录制的文件`, o.refs.files)}>
                <title>{`${o.name}：${o.files} 个文件`}</title>
              </rect>
              {flagged.length > 0 && (
                <rect x={LABEL} y={y + 2} width={Math.max(2, fw)} height={18} rx={2} fill="#cf1322" style={{ cursor: 'pointer' }} onClick={() => props.onOpen(`${o.name} 有问题的文件（无声音、中断、时钟可疑）`, flagged)}>
                  <title>{`${o.name}：有问题 ${flagged.length} 个`}</title>
                </rect>
              )}
              <text x={LABEL + Math.max(2, w) + 8} y={y + 15} fontSize={12} fill="#5b6475">
                {`${o.files} 个文件，有问题 ${flagged.length} 个`}
              </text>
            </g>
          );
        })}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        蓝色：录制的文件；红色：其中无声音、录制中断或时钟可疑的文件。点击条形查看对应文件。
      </Typography.Text>
    </div>
  );
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
/** Monday = 0 … Sunday = 6 of a calendar day (no time zone: the day is already the office's). */
const weekdayOf = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
};

/** The period's days in weeks (Monday first): green when everyone who recorded handed over that day, red when not; a day opens its daily check. */
export function HandoverCalendar(props: { calendar: readonly CalendarDay[]; onDay: (day: string) => void }) {
  const lead = props.calendar.length ? weekdayOf(props.calendar[0]!.day) : 0;
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...props.calendar];
  return (
    <div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 46px)', gap: 4 }} data-testid="handover-calendar">
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#5b6475' }}>
            {w}
          </div>
        ))}
        {cells.map((c, i) =>
          c ? (
            <button
              type="button"
              key={c.day}
              onClick={() => props.onDay(c.day)}
              title={`${c.day}：录制 ${c.recorded} 人，当日交接 ${c.sameDay} 人（点击查看当日检查）`}
              aria-label={`${c.day} 录制 ${c.recorded} 人 当日交接 ${c.sameDay} 人`}
              style={{
                height: 42,
                border: '1px solid #d9d9d9',
                borderRadius: 4,
                cursor: 'pointer',
                fontSize: 12,
                lineHeight: 1.2,
                background: c.recorded === 0 ? '#f5f5f5' : c.sameDay === c.recorded ? '#b7eb8f' : '#ffa39e',
              }}
            >
              <div>{c.day.slice(5)}</div>
              <div style={{ color: '#5b6475' }}>{c.recorded ? `${c.sameDay}/${c.recorded}` : '—'}</div>
            </button>
          ) : (
            <div key={`lead-${i}`} />
          ),
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        每格：当日交接人数/录制人数。绿色：全部当日交接；红色：有人未当日交接；灰色：无录制。点击日期查看当日检查。
      </Typography.Text>
    </div>
  );
}

// The finding sources are pure functions over a day's rows: each is checked here on rows written by hand.
import { describe, expect, it } from 'vitest';
import type { DeviceEvent, OfficerId, RecorderDay, RecorderId } from '../../../main/devices';
import { findingsOf, formatLateness, sources, type DayRows, type FindingSource } from '../../../main/supervision';

const TZ = 'Asia/Shanghai';
function rows(over: Partial<DayRows> = {}): DayRows {
  return {
    day: '2026-11-20',
    timeZone: TZ,
    now: new Date('2026-11-23T01:00:00Z'),
    devices: { recorders: [], events: [] },
    sessions: [],
    media: [],
    recordings: [],
    viewings: [],
    deniedViews: [],
    publicUse: [],
    discs: [],
    integrity: { id: 4, finishedAt: '2026-11-20T09:00:00Z', checked: 10, missing: 0, changed: 0 },
    auditChain: { entries: 10, problems: 0, firstProblem: null },
    weekly: [],
    keepUntil: [],
    driftLimitSec: 60,
    ...over,
  };
}
const recorderDay = (over: Partial<RecorderDay> = {}): RecorderDay => ({
  recorderId: 1 as RecorderId, serial: 'R1', inService: true, check: null, dockings: [],
  wearers: [{ officerId: 1 as OfficerId, name: '张三', badgeNo: '1', fromAt: '2026-11-19T16:00:00Z', toAt: '2026-11-20T16:00:00Z' }], ...over,
});
const session = (id: number, over: Partial<DayRows['sessions'][number]> = {}): DayRows['sessions'][number] => ({
  id, startedAt: '2026-11-20T10:00:00Z', finishedAt: '2026-11-20T10:05:00Z', status: 'completed', recorderId: 1, serial: 'R1', handedOverBy: 1, officerName: '张三',
  filesStored: 2, filesFailed: 0, error: null, clockDriftSec: null, clockDriftBasis: null, ...over,
});

describe('finding sources (pure)', () => {
  it('weekly: judged from Friday; on time, late (a Saturday run) and missing are told apart', () => {
    expect(sources.weeklyByFriday(rows({ day: '2026-11-19' }))).toEqual([]);
    // Friday itself, while still Friday in the office: not judged yet.
    expect(sources.weeklyByFriday(rows({ now: new Date('2026-11-20T10:00:00Z') }))).toEqual([]);
    expect(sources.weeklyByFriday(rows({ weekly: [{ id: 1, createdAt: '2026-11-20T08:00:00Z' }] }))[0]).toMatchObject({ problem: false, article: '11(2)' });
    const late = sources.weeklyByFriday(rows({ day: '2026-11-22', weekly: [{ id: 2, createdAt: '2026-11-21T02:00:00Z' }] }))[0]!;
    expect(late).toMatchObject({ problem: true, key: 'weekly:2026-11-16' });
    expect(late.title).toContain('晚于周五');
    expect(sources.weeklyByFriday(rows())[0]!.title).toContain('未做每周归档');
  });

  it('clock drift: only beyond the limit, either way, with its sign in words', () => {
    const r = rows({ sessions: [session(1, { clockDriftSec: 60 }), session(2, { clockDriftSec: -61 }), session(3, { clockDriftSec: 3600 })] });
    const found = sources.clockDrift(r);
    expect(found.map((f) => f.key)).toEqual(['clock_drift:session:2', 'clock_drift:session:3']);
    expect(found[0]!.title).toContain('慢 1 分 1 秒');
    expect(found[1]!.title).toContain('快 1 小时');
  });

  it('recorder days: a day not over yet is not judged; docked vs not docked; a recorder out of service that day is not expected', () => {
    const check = { id: 5, recorderId: 1 as RecorderId, serial: 'R1', day: '2026-11-20', items: { noFault: true, battery: true, storage: true, clock: true }, failed: [], note: null, checkedAt: '2026-11-20T00:10:00Z', checkedBy: '周保管' };
    const worn = recorderDay({ check });
    expect(sources.recorderDays(rows({ devices: { recorders: [worn], events: [] }, now: new Date('2026-11-20T12:00:00Z') }))).toEqual([]);
    const notDocked = sources.recorderDays(rows({ devices: { recorders: [worn], events: [] } }))[0]!;
    expect(notDocked).toMatchObject({ kind: 'not_docked', article: '8', problem: true, title: 'R1 佩戴人 张三（1），当日领用但未交接' });
    expect(sources.recorderDays(rows({ devices: { recorders: [worn], events: [] }, sessions: [session(7)] }))[0]).toMatchObject({ kind: 'handover_same_day', problem: false });
    // Under repair all that day (by its records, whatever its status now): not expected to be docked.
    expect(sources.recorderDays(rows({ devices: { recorders: [{ ...worn, inService: false }], events: [] } }))).toEqual([]);
    // In service but worn by nobody: nothing to hand over.
    expect(sources.recorderDays(rows({ devices: { recorders: [{ ...worn, wearers: [] }], events: [] } }))).toEqual([]);
  });

  it('recorder days: a recorder kept by its wearer but not taken out that day (a day off) is not 领用未交接', () => {
    // Assigned since last week (the wearer's span is the whole day), no check, nothing recorded, not docked.
    const dayOff = recorderDay();
    expect(sources.recorderDays(rows({ devices: { recorders: [dayOff], events: [] } }))).toEqual([]);
    // Any sign it went out makes it expected to be handed over: issued that morning, footage of the day, a docking.
    const issued = recorderDay({ wearers: [{ ...dayOff.wearers[0]!, fromAt: '2026-11-20T00:30:00Z' }] });
    expect(sources.recorderDays(rows({ devices: { recorders: [issued], events: [] } })).map((f) => f.kind)).toEqual(['not_docked']);
    const media: DayRows['media'][number] = {
      id: 40, name: 'late.mp4', kind: 'video', day: '2026-11-20', startAt: '2026-11-20T02:00:00Z', endAt: '2026-11-20T02:10:00Z', hasAudio: true, flags: [],
      recorderId: 1, serial: 'R1', officerId: 1, officerName: '张三', recordingId: null, durationSec: 600, sessionId: 9, sessionStartedAt: '2026-11-21T01:00:00Z',
    };
    const recorded = sources.recorderDays(rows({ devices: { recorders: [dayOff], events: [] }, media: [media] }));
    expect(recorded.map((f) => [f.kind, f.detail])).toEqual([['not_docked', '当日录制的 1 个文件在之后才交接']]);
    expect(sources.recorderDays(rows({ devices: { recorders: [dayOff], events: [] }, sessions: [session(7)] })).map((f) => f.kind)).toEqual(['handover_same_day']);
  });

  it('pre-use checks (art. 4): a failed check names the points wanting; a worn recorder with no check is a problem once the day is over', () => {
    const failed: DeviceEvent = { kind: 'check_failed', article: 4, recorderId: 1 as RecorderId, serial: 'R1', checkId: 31, failed: ['battery', 'clock'], note: '电池鼓包', at: '2026-11-20T00:30:00Z' };
    expect(sources.failedChecks(rows({ devices: { recorders: [], events: [failed] } }))).toEqual([
      {
        key: 'device_check_failed:check:31',
        kind: 'device_check_failed',
        article: '4',
        problem: true,
        title: 'R1 使用前检查不合格：电量充足、时间已校准',
        detail: '检查于 08:30；电池鼓包',
        refs: [{ kind: 'recorder', id: 1, label: 'R1' }],
      },
    ]);
    // Issued that morning: it went out, so it needed its check.
    const unchecked = recorderDay({ wearers: [{ ...recorderDay().wearers[0]!, fromAt: '2026-11-20T00:30:00Z' }] });
    const checked = recorderDay({ recorderId: 2 as RecorderId, serial: 'R2', check: { id: 5, recorderId: 2 as RecorderId, serial: 'R2', day: '2026-11-20', items: { noFault: true, battery: true, storage: true, clock: true }, failed: [], note: null, checkedAt: '2026-11-20T00:10:00Z', checkedBy: '周保管' } });
    const idle = recorderDay({ recorderId: 3 as RecorderId, serial: 'R3', wearers: [] });
    const repairing = recorderDay({ recorderId: 4 as RecorderId, serial: 'R4', inService: false });
    const devices = { recorders: [unchecked, checked, idle, repairing], events: [] };
    expect(sources.missingChecks(rows({ devices })).map((f) => [f.key, f.article, f.problem, f.detail])).toEqual([['no_pre_use_check:recorder:1', '4', true, '佩戴人 张三（1）']]);
    expect(sources.missingChecks(rows({ devices, now: new Date('2026-11-20T12:00:00Z') }))).toEqual([]);
  });

  it('pre-use checks (art. 4): a recorder its wearer kept through a day off needs no check; any sign of use makes it due', () => {
    // Assigned since last week (the wearer's span is the whole day), not checked, nothing recorded, not docked.
    const dayOff = recorderDay();
    const keys = (r: DayRows) => sources.missingChecks(r).map((f) => f.key);
    expect(keys(rows({ devices: { recorders: [dayOff], events: [] } }))).toEqual([]);
    const media: DayRows['media'][number] = {
      id: 41, name: 'patrol.mp4', kind: 'video', day: '2026-11-20', startAt: '2026-11-20T02:00:00Z', endAt: '2026-11-20T02:10:00Z', hasAudio: true, flags: [],
      recorderId: 1, serial: 'R1', officerId: 1, officerName: '张三', recordingId: null, durationSec: 600, sessionId: 9, sessionStartedAt: '2026-11-21T01:00:00Z',
    };
    expect(keys(rows({ devices: { recorders: [dayOff], events: [] }, media: [media] }))).toEqual(['no_pre_use_check:recorder:1']);
    // Footage of another day handed over on this one still shows the recorder was docked that day.
    expect(keys(rows({ devices: { recorders: [dayOff], events: [] }, sessions: [session(7)] }))).toEqual(['no_pre_use_check:recorder:1']);
    // A failed docking is no docking; footage of the day before is no use on this one.
    expect(keys(rows({ devices: { recorders: [dayOff], events: [] }, sessions: [session(8, { status: 'failed' })], media: [{ ...media, day: '2026-11-19' }] }))).toEqual([]);
  });

  it('repairs (art. 9) and loss or damage (art. 10): each event one finding, beyond repair and any incident a problem', () => {
    const events: DeviceEvent[] = [
      { kind: 'repair_sent', article: 9, recorderId: 1 as RecorderId, serial: 'R1', repairId: 7, fault: '无法开机', at: '2026-11-20T01:00:00Z' },
      { kind: 'repair_returned', article: 9, recorderId: 2 as RecorderId, serial: 'R2', repairId: 6, result: 'repaired', at: '2026-11-20T02:00:00Z' },
      { kind: 'repair_returned', article: 9, recorderId: 3 as RecorderId, serial: 'R3', repairId: 5, result: 'unrepairable', at: '2026-11-20T03:00:00Z' },
      { kind: 'lost', article: 10, recorderId: 4 as RecorderId, serial: 'R4', incidentId: 2, officer: { id: 9 as OfficerId, name: '李四', badgeNo: '9' }, description: '巡查时遗失', decision: 'compensate', at: '2026-11-20T04:00:00Z' },
      { kind: 'damaged', article: 10, recorderId: 5 as RecorderId, serial: 'R5', incidentId: 3, officer: null, description: '屏幕碎裂', decision: null, at: '2026-11-20T05:00:00Z' },
    ];
    const r = rows({ devices: { recorders: [], events } });
    expect(sources.repairs(r).map((f) => [f.key, f.article, f.problem, f.title])).toEqual([
      ['device_repair:repair:7:sent', '9', false, 'R1 送修：无法开机'],
      ['device_repair:repair:6:returned', '9', false, 'R2 维修返回：已修复'],
      ['device_repair:repair:5:returned', '9', true, 'R3 维修返回：无法修复'],
    ]);
    const found = sources.incidents(r);
    expect(found.map((f) => [f.key, f.article, f.problem, f.title])).toEqual([
      ['device_incident:incident:2', '10', true, 'R4 丢失（佩戴人 李四）'],
      ['device_incident:incident:3', '10', true, 'R5 损坏'],
    ]);
    expect(found[0]!.detail).toBe('巡查时遗失；赔偿决定：按规定赔偿（12:00）');
    expect(found[0]!.refs).toEqual([{ kind: 'recorder', id: 4, label: 'R4' }, { kind: 'officer', id: 9, label: '李四' }]);
    expect(found[1]!.detail).toContain('尚未作出赔偿决定');
    // Failed checks are not repairs and vice versa.
    expect(sources.failedChecks(r)).toEqual([]);
  });

  it('keep-until (art. 11(3)): one finding for the day, naming the files and the 到期资料 list; none when nothing reaches it', () => {
    expect(sources.keepUntil(rows())).toEqual([]);
    const keep = (mediaId: number, recordedDay: string) => ({ mediaId, name: `f${mediaId}.mp4`, recordedDay, serial: 'R1', officerName: '张三' });
    const found = sources.keepUntil(rows({ keepUntil: [keep(3, '2026-08-20'), keep(4, '2026-08-19'), keep(5, '2026-08-20')] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: 'keep_until:day:2026-11-20', kind: 'keep_until', article: '11(3)', problem: false, title: '3 个原始文件当日到达保存期限' });
    expect(found[0]!.detail).toContain('录制于 2026-08-19、2026-08-20');
    expect(found[0]!.refs.map((x) => `${x.kind}:${x.id}`)).toEqual(['retention:2026-11-20', 'media:3', 'media:4', 'media:5']);
  });

  it('failed ingests and integrity problems are problems of art. 11(1) and 11', () => {
    const r = rows({ sessions: [session(1, { status: 'failed', error: 'disk full' }), session(2, { filesFailed: 1 }), session(3)], integrity: { id: 9, finishedAt: '2026-11-20T09:00:00Z', checked: 10, missing: 1, changed: 2 } });
    expect(sources.failedIngests(r).map((f) => [f.key, f.article])).toEqual([['failed_ingest:session:1', '11(1)'], ['failed_ingest:session:2', '11(1)']]);
    expect(sources.integrity(r)[0]).toMatchObject({ problem: true, title: '完整性校验发现缺失 1 个、被改变 2 个原始文件' });
  });

  it('viewings name their article by request type; public use and discs are listed, a failed read-back is a problem', () => {
    const v = (id: number, requestType: 'work' | 'case' | 'public' | null, approver: string | null, basis = requestType ? `grant:${id}` : 'role:chief') => ({
      id, viewer: '赵明', mediaId: 5, mediaName: 'a.mp4', startedAt: '2026-11-20T02:00:00Z', basis, requestType, requestId: requestType ? 40 + id : null, reason: '核对', approver,
    });
    const found = sources.viewings(rows({ viewings: [v(1, 'work', '李队长'), v(2, 'case', '孙乡长'), v(3, 'public', null), v(4, null, null)] }));
    expect(found.map((f) => [f.article, f.problem])).toEqual([['12', false], ['14', false], ['13', true], ['12', false]]);
    expect(found[1]!.detail).toContain('办案查阅申请 #42，批准人 孙乡长');
    expect(found[3]!.detail).toContain('岗位权限');

    const pub = sources.publicUse(rows({ publicUse: [{ id: 7, status: 'approved', reason: '通报', requester: '赵明', decidedBy: '李队长', decidedAt: '2026-11-20T03:00:00Z', items: 2 }] }));
    expect(pub[0]).toMatchObject({ key: 'public_use:access:7', article: '13', problem: false });
    expect(pub[0]!.title).toContain('已批准');

    const disc = (id: string, readbackOk: boolean | null) => ({ id, caseNumber: '2026-01', builtAt: '2026-11-20T04:00:00Z', builtBy: '周保管', formState: 'locked', burnedAt: '2026-11-20T05:00:00Z', readbackOk });
    expect(sources.discs(rows({ discs: [disc('D1', true), disc('D2', false)] })).map((f) => [f.article, f.problem, f.detail.includes('回读一致')])).toEqual([
      ['11(4)', false, true],
      ['11(4)', true, false],
    ]);
  });

  it('another source is one more function: its findings sort in by article', () => {
    const extra: FindingSource = () => [{ key: 'x', kind: 'disc', article: '2', problem: false, title: 't', detail: '', refs: [] }];
    const found = findingsOf(rows(), [...Object.values({ a: sources.integrity, b: sources.auditChain }), extra]);
    expect(found.map((f) => f.key)).toEqual(['x', 'integrity:4', 'audit_chain']);
  });

  it('lateness in words', () => {
    expect(formatLateness(40 * 60_000)).toBe('40 分钟');
    expect(formatLateness(9.5 * 3600_000)).toBe('9 小时 30 分钟');
    expect(formatLateness(5 * 3600_000)).toBe('5 小时');
    expect(formatLateness(27 * 3600_000)).toBe('1 天 3 小时');
    expect(formatLateness(48 * 3600_000)).toBe('2 天');
  });
});

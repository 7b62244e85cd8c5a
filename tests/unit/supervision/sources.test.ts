// The finding sources are pure functions over a day's rows: each is checked here on rows written by hand.
import { describe, expect, it } from 'vitest';
import { findingsOf, formatLateness, sources, type DayRows, type FindingSource } from '../../../main/supervision';

const TZ = 'Asia/Shanghai';
function rows(over: Partial<DayRows> = {}): DayRows {
  return {
    day: '2026-11-20',
    timeZone: TZ,
    now: new Date('2026-11-23T01:00:00Z'),
    assignments: [],
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
    driftLimitSec: 60,
    ...over,
  };
}
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

  it('recorder days: a day not over yet is not judged; docked vs not docked', () => {
    const assignments = [{ recorderId: 1, serial: 'R1', recorderStatus: 'in_service', officerId: 1, officerName: '张三', badgeNo: '1', fromAt: '2026-11-01T00:00:00Z', toAt: null }];
    expect(sources.recorderDays(rows({ assignments, now: new Date('2026-11-20T12:00:00Z') }))).toEqual([]);
    expect(sources.recorderDays(rows({ assignments }))[0]).toMatchObject({ kind: 'not_docked', article: '8', problem: true });
    expect(sources.recorderDays(rows({ assignments, sessions: [session(7)] }))[0]).toMatchObject({ kind: 'handover_same_day', problem: false });
    // A recorder under repair is not expected to be docked.
    expect(sources.recorderDays(rows({ assignments: [{ ...assignments[0]!, recorderStatus: 'repair' }] }))).toEqual([]);
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

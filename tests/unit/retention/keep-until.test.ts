import { describe, expect, it } from 'vitest';
import { addMonths, disposalRefusal, isDue, keepUntil, type RetentionFacts } from '../../../main/retention';

const POLICY = { retentionMonths: 3, caseRetentionMonths: 12 };
const plain: RetentionFacts = { recordedDay: '2026-08-10', storedUntilDay: null, classification: 'normal', cases: [], activeHolds: [] };

describe('addMonths (office calendar days)', () => {
  it.each([
    ['2026-08-10', 3, '2026-11-10'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-10-15', 0, '2026-10-15'],
    ['2026-10-15', 15, '2028-01-15'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

describe('keepUntil (rules art. 11(3))', () => {
  it('keeps plain footage three months after its recording day, and never fewer whatever the setting says', () => {
    expect(keepUntil(plain, POLICY)).toEqual({ keepUntil: '2026-11-10', basis: 'minimum', blockers: [] });
    expect(keepUntil(plain, { ...POLICY, retentionMonths: 1 }).keepUntil).toBe('2026-11-10');
    expect(keepUntil(plain, { ...POLICY, retentionMonths: 0 }).keepUntil).toBe('2026-11-10');
  });

  it('keeps longer when the office sets longer, and never shorter than the date stored at ingest', () => {
    expect(keepUntil(plain, { ...POLICY, retentionMonths: 6 }).keepUntil).toBe('2027-02-10');
    expect(keepUntil({ ...plain, storedUntilDay: '2027-08-10' }, POLICY).keepUntil).toBe('2027-08-10');
  });

  it('holds footage of an open case indefinitely, and after closing keeps it the case retention past the closing day', () => {
    const open = keepUntil({ ...plain, cases: [{ status: 'open', closedDay: null, classification: 'normal' }] }, POLICY);
    expect(open).toEqual({ keepUntil: null, basis: 'case_open', blockers: ['case_open'] });
    const closed = keepUntil({ ...plain, cases: [{ status: 'closed', closedDay: '2026-09-01', classification: 'normal' }] }, POLICY);
    expect(closed).toEqual({ keepUntil: '2027-09-01', basis: 'case_closed', blockers: [] });
    // A case closed long before the footage's own date does not shorten it.
    const early = keepUntil({ ...plain, cases: [{ status: 'closed', closedDay: '2026-08-11', classification: 'normal' }] }, { ...POLICY, caseRetentionMonths: 0 });
    expect(early).toEqual({ keepUntil: '2026-11-10', basis: 'minimum', blockers: [] });
    // One open case among closed ones still holds it.
    const mixed = keepUntil(
      { ...plain, cases: [{ status: 'closed', closedDay: '2026-09-01', classification: 'normal' }, { status: 'open', closedDay: null, classification: 'normal' }] },
      POLICY,
    );
    expect(mixed.keepUntil).toBeNull();
  });

  it('holds held and classified footage indefinitely, naming every reason', () => {
    expect(keepUntil({ ...plain, activeHolds: ['investigation'] }, POLICY)).toEqual({ keepUntil: null, basis: 'hold', blockers: ['hold'] });
    expect(keepUntil({ ...plain, classification: 'privacy' }, POLICY)).toEqual({ keepUntil: null, basis: 'classified', blockers: ['classified'] });
    const caseSecret = keepUntil({ ...plain, cases: [{ status: 'closed', closedDay: '2026-09-01', classification: 'state_secret' }] }, POLICY);
    expect(caseSecret.blockers).toEqual(['classified']);
    expect(keepUntil({ ...plain, classification: 'privacy', activeHolds: ['chief'], cases: [{ status: 'open', closedDay: null, classification: 'normal' }] }, POLICY).blockers).toEqual([
      'hold',
      'classified',
      'case_open',
    ]);
  });
});

describe('due and refusals on an office day', () => {
  const k = keepUntil(plain, POLICY);
  it('is due from its keep-until day on, not the day before', () => {
    expect(isDue(k, '2026-11-09')).toBe(false);
    expect(isDue(k, '2026-11-10')).toBe(true);
    expect(disposalRefusal(k, '2026-11-09', false)).toBe('未到保存期限（保存至 2026-11-10）');
    expect(disposalRefusal(k, '2026-11-10', false)).toBeNull();
  });
  it('refuses disposed, held, classified and open-case footage whatever the day', () => {
    expect(disposalRefusal(k, '2030-01-01', true)).toBe('已销毁');
    expect(disposalRefusal(keepUntil({ ...plain, activeHolds: ['chief'] }, POLICY), '2030-01-01', false)).toMatch(/保留/);
    expect(disposalRefusal(keepUntil({ ...plain, classification: 'business_secret' }, POLICY), '2030-01-01', false)).toMatch(/涉密/);
    expect(disposalRefusal(keepUntil({ ...plain, cases: [{ status: 'open', closedDay: null, classification: 'normal' }] }, POLICY), '2030-01-01', false)).toMatch(/案件/);
    expect(isDue(keepUntil({ ...plain, activeHolds: ['chief'] }, POLICY), '2030-01-01')).toBe(false);
  });
});

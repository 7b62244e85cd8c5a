import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { DISC_RESERVE_BYTES, MEDIA, planDiscs, type PlanItem } from '../../../main/disc';

const MB = 1_000_000;

describe('media capacities', () => {
  it('uses the real recordable sizes (the smaller of ± variants)', () => {
    expect(MEDIA['CD-R'].bytes).toBe(359_844 * 2048);
    expect(MEDIA['DVD-R'].bytes).toBe(4_700_372_992);
    expect(MEDIA['DVD-R-DL'].bytes).toBe(8_543_666_176);
    expect(MEDIA['BD-R'].bytes).toBe(25_025_314_816);
    expect(MEDIA['BD-R-DL'].bytes).toBe(50_050_629_632);
  });
});

describe('planDiscs', () => {
  it('puts a small case on one disc and shows the fill', () => {
    const plan = planDiscs([{ id: 'a', size: 100 * MB }, { id: 'b', size: 50 * MB }], 'CD-R');
    expect(plan.discs).toHaveLength(1);
    const d = plan.discs[0]!;
    expect(d).toMatchObject({ index: 1, count: 1, payloadBytes: 150 * MB });
    expect(d.estimatedBytes).toBeGreaterThanOrEqual(150 * MB + DISC_RESERVE_BYTES);
    expect(d.fillPercent).toBeCloseTo((d.estimatedBytes / MEDIA['CD-R'].bytes) * 100, 1);
  });

  it('splits a large case, keeps each recording together and numbers the discs "i of N"', () => {
    const items: PlanItem[] = [
      { id: 'r1-s1', size: 300 * MB, recordingId: 'r1' },
      { id: 'r1-s2', size: 300 * MB, recordingId: 'r1' },
      { id: 'r2-s1', size: 250 * MB, recordingId: 'r2' },
      { id: 'r2-s2', size: 200 * MB, recordingId: 'r2' },
      { id: 'photo', size: 5 * MB },
      { id: 'r3-s1', size: 90 * MB, recordingId: 'r3' },
    ];
    const plan = planDiscs(items, 'CD-R');
    expect(plan.discs.map((d) => d.items.map((i) => i.id))).toEqual([
      ['r1-s1', 'r1-s2', 'photo', 'r3-s1'],
      ['r2-s1', 'r2-s2'],
    ]);
    expect(plan.discs.map((d) => `${d.index}/${d.count}`)).toEqual(['1/2', '2/2']);
    for (const d of plan.discs) expect(d.estimatedBytes).toBeLessThanOrEqual(MEDIA['CD-R'].bytes);
  });

  it('spreads a recording larger than one disc segment by segment', () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, size: 300 * MB, recordingId: 'long' }));
    const plan = planDiscs(items, 'CD-R');
    expect(plan.discs.map((d) => d.items.map((i) => i.id))).toEqual([['s0', 's1'], ['s2', 's3'], ['s4']]);
  });

  it('refuses an item larger than a disc with a clear Chinese message', () => {
    const err = (() => {
      try {
        planDiscs([{ id: '大文件.MP4', size: 800 * MB }], 'CD-R');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DISC_ITEM_TOO_LARGE');
    expect((err as AppError).userMessage).toContain('大文件.MP4');
    expect(planDiscs([{ id: 'x', size: 800 * MB }], 'DVD-R').discs).toHaveLength(1);
  });

  it('plans nothing for an empty case', () => {
    expect(planDiscs([], 'BD-R').discs).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { appliedWithUser } from './migration-support';

describe('migration 0015 multi-camera offset corrections', () => {
  it('applies once; a correction is kept as written, never changed or deleted, and needs a reason', () => {
    const db = appliedWithUser(15);
    db.prepare("INSERT INTO recordings (id, start_at, end_at, segments) VALUES (1, 'a', 'b', 1)").run();
    db.prepare("INSERT INTO multicam_adjustments (recording_id, seconds, reason, set_by, set_at) VALUES (1, 0.4, '闪光对齐', 1, 't')").run();
    expect(() => db.prepare("INSERT INTO multicam_adjustments (recording_id, seconds, reason, set_by, set_at) VALUES (1, 0.4, ' ', 1, 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO multicam_adjustments (recording_id, seconds, reason, set_by, set_at) VALUES (1, 4000, 'x', 1, 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE multicam_adjustments SET seconds = 1').run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM multicam_adjustments').run()).toThrow(/never deleted/);
  });
});

import { describe, expect, it } from 'vitest';
import { appliedWithUser } from './migration-support';

describe('migration 0013 the daily check: marks, corrections, signatures', () => {
  it('applies once; a closed correction and a signed day never change', () => {
    const db = appliedWithUser(13);
    db.prepare("INSERT INTO supervision_marks (day, finding_key, verdict, marked_by, marked_at) VALUES ('2026-11-20', 'k', 'normal', 1, 't')").run();
    db.prepare(
      "INSERT INTO supervision_corrections (id, day, finding_key, article, finding, assignee, action, due_day, opened_by, opened_at) VALUES (1, '2026-11-20', 'k', '8', 'f', '张三', '补交', '2026-11-21', 1, 't')",
    ).run();
    expect(() => db.prepare("UPDATE supervision_corrections SET action = 'x' WHERE id = 1").run()).toThrow(/never changes/);
    db.prepare("UPDATE supervision_corrections SET closed_by = 1, closed_at = 't2', outcome = '已补交' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE supervision_corrections SET outcome = 'y' WHERE id = 1").run()).toThrow(/closed correction/);
    expect(() => db.prepare('DELETE FROM supervision_corrections').run()).toThrow(/never deleted/);
    db.prepare("INSERT INTO supervision_signatures (day, content, content_sha256, signature, cert_serial, user_id, signed_at) VALUES ('2026-11-20', '{}', ?, x'00', 's', 1, 't')").run('0'.repeat(64));
    expect(() => db.prepare("UPDATE supervision_marks SET verdict = 'needs_correction'").run()).toThrow(/signed day/);
    expect(() => db.prepare("INSERT INTO supervision_marks (day, finding_key, verdict, marked_by, marked_at) VALUES ('2026-11-20', 'k2', 'normal', 1, 't')").run()).toThrow(/signed day/);
    expect(() => db.prepare('DELETE FROM supervision_signatures').run()).toThrow(/never deleted/);
  });
});

import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0010 recorder info with the session, start rule with the original', () => {
  it('applies on top of the earlier schema, once, and adds empty columns', () => {
    const db = databaseBefore(10);
    expectAppliesOnce(db, 10);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('ingest_sessions')).toContain('recorder_info');
    expect(cols('media')).toContain('start_rule');
  });
});

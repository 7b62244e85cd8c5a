import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openDatabase } from '../../../main/store';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

const V10 = MIGRATIONS.findIndex((m) => m.version === 10);

describe('migration 0010 recorder info with the session, start rule with the original', () => {
  it('applies on top of the earlier schema, once, and adds empty columns', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V10));
    expectAppliesOnce(db, 10);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('ingest_sessions')).toContain('recorder_info');
    expect(cols('media')).toContain('start_rule');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentsOf, assignRecorder, insertOfficer, insertRecorder, officerAt, unassignRecorder } from '../../../main/devices';
import { migrate, openDatabase } from '../../../main/store';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

describe('recorder register: who wore which recorder when (rules art. 10)', () => {
  it('attributes by the assignment in force at recording time', () => {
    const db = openDatabase(path.join(tempDir(), 'e.db'));
    migrate(db, APPLIED_AT);
    const now = new Date('2026-11-01T00:00:00Z');
    const r = insertRecorder(db, { serial: 'DSJ-001', brand: '执法通', model: 'A8' }, now);
    const zhang = insertOfficer(db, { name: '张三', badgeNo: '310115' }, now);
    const li = insertOfficer(db, { name: '李四', badgeNo: '310116' }, now);
    assignRecorder(db, r.id, zhang.id, new Date('2026-11-02T00:00:00Z'));
    assignRecorder(db, r.id, li.id, new Date('2026-11-10T00:00:00Z'));
    expect(officerAt(db, r.id, new Date('2026-11-01T12:00:00Z'))).toBeNull();
    expect(officerAt(db, r.id, new Date('2026-11-05T12:00:00Z'))?.name).toBe('张三');
    expect(officerAt(db, r.id, new Date('2026-11-12T12:00:00Z'))?.name).toBe('李四');
    unassignRecorder(db, r.id, new Date('2026-11-20T00:00:00Z'));
    expect(officerAt(db, r.id, new Date('2026-11-21T00:00:00Z'))).toBeNull();
    expect(assignmentsOf(db, r.id).map((a) => [a.officer.name, a.toAt])).toEqual([
      ['李四', '2026-11-20T00:00:00.000Z'],
      ['张三', '2026-11-10T00:00:00.000Z'],
    ]);
    expect(() => assignRecorder(db, r.id, zhang.id, new Date('2026-11-05T00:00:00Z'))).toThrow(/assignment before a later one/);
    expect(() => insertRecorder(db, { serial: 'dsj-001' }, now)).toThrow(/exists/);
    expect(() => insertOfficer(db, { name: '王五', badgeNo: '310115' }, now)).toThrow(/exists/);
  });
});

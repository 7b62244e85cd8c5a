import type { Db } from './db';

/** Office settings beyond the office row, with their defaults. */
export const SETTING_DEFAULTS = {
  /** Rules art. 11(3): at least three months. */
  retention_months: '3',
  /** Footage of a case is kept this many months after the case is closed (art. 11(3): kept with the case). */
  case_retention_months: '12',
  /** Rules art. 12: every viewing needs a grant ('1'); '0' lets the keeping roles view 普通 items by role. */
  'access.strict': '1',
  /** Officers may view their own footage this many hours after ingest to categorise it; 0 = off. */
  'access.own_footage_hours': '0',
  /** Validity of an approval when the approver does not choose one, and the longest allowed. */
  'access.default_days': '7',
  'access.max_days': '30',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

export function officeSetting(db: Db, key: SettingKey): string {
  const r = db.prepare('SELECT value FROM office_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? SETTING_DEFAULTS[key];
}

export function setOfficeSetting(db: Db, key: SettingKey, value: string): void {
  db.prepare('INSERT INTO office_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

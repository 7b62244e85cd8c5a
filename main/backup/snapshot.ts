import { AppError } from '../common';
import { auditHead } from '../audit';
import { openDatabase, schemaVersion, type Db } from '../store';
import type { RegisteredOriginal } from './originals';

/** A failed `integrity_check`/`quick_check`: an alarm that stops the backup (and is audited by the caller). */
export class BackupAlarm extends AppError {
  constructor(readonly findings: string[]) {
    super('BACKUP_INTEGRITY_ALARM', `数据库完整性检查未通过，备份已停止：${findings.slice(0, 3).join('；')}`, `database check failed: ${findings.join('; ')}`);
  }
}

/** `PRAGMA integrity_check` or `quick_check`: the findings, none when the database is sound. */
export function databaseCheck(db: Db, pragma: 'integrity_check' | 'quick_check'): string[] {
  try {
    const rows = db.pragma(pragma) as Record<string, string>[];
    const findings = rows.map((r) => String(Object.values(r)[0]));
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } catch (e) {
    // A database too damaged to check answers SQLITE_CORRUPT instead of rows.
    return [e instanceof Error ? e.message : String(e)];
  }
}

/** Throws a BackupAlarm unless both checks pass. */
export function assertDatabaseSound(db: Db): void {
  const findings = [...databaseCheck(db, 'integrity_check'), ...databaseCheck(db, 'quick_check')];
  if (findings.length) throw new BackupAlarm([...new Set(findings)]);
}

/**
 * A consistent copy of the live database by SQLite's online backup, turned into a plain (non-WAL) file so the
 * generation holds one file, and checked again. Returns what the copy registers: the originals to back up (not those
 * disposed of under a signed disposal record: their bytes are gone by design) and the
 * chain head, read from the copy itself so they match it exactly.
 */
export async function takeSnapshot(
  db: Db,
  file: string,
): Promise<{ originals: RegisteredOriginal[]; head: { seq: number; hash: string } | null; schemaVersion: number }> {
  assertDatabaseSound(db);
  await db.backup(file);
  const copy = openDatabase(file);
  try {
    copy.pragma('journal_mode = DELETE');
    assertDatabaseSound(copy);
    const originals = (copy.prepare('SELECT sha256, size, stored_path, day FROM media WHERE disposal_id IS NULL ORDER BY stored_path').all() as { sha256: string; size: number; stored_path: string; day: string }[]).map(
      (r) => ({ sha256: r.sha256, size: r.size, storedPath: r.stored_path, day: r.day }),
    );
    const h = auditHead(copy);
    return { originals, head: h ? { seq: h.seq, hash: h.hash } : null, schemaVersion: schemaVersion(copy) };
  } finally {
    copy.close();
  }
}

// Reads the library's pages into the system's file cache once the archive opens, so that the first searches after the
// machine starts do not wait on the disk. Measured at a million media on the bench machine: a new text's first page
// took 41–48 ms with its pages on disk, 11–13 ms once they were in the cache. Not SQLite's mmap (an I/O error on a
// mapped file kills the process), and not a plain read of the file: closing any descriptor of the database in this
// process would drop SQLite's POSIX locks on it. So a connection of its own, in a worker thread, reads every page of
// the library's b-trees through `dbstat`.
import { totalmem } from 'node:os';
import { startAside } from './aside';
import type { Db, OpenOptions } from './db';
import { LIBRARY_TABLES } from './statistics';

/** Below this the library's pages are few: its first queries read them quickly enough themselves. */
export const WARM_FROM_BYTES = 64 * 2 ** 20;

/** The full-text indexes the library searches; their b-trees go first (the first page of a new text reads them). */
const TEXT_INDEXES = ['media_name_text', 'media_note_text', 'case_text', 'officer_text'] as const;

export interface WarmResult {
  /** Whether the reading ran to its end (false: failed, or stopped when the archive closed). */
  warmed: boolean;
  /** Bytes of the pages read, and the b-trees they belong to, in the order read. */
  bytes: number;
  btrees: string[];
  ms: number;
  error?: string;
}

export interface WarmRun {
  done: Promise<WarmResult>;
  stop(): void;
}

/**
 * The b-trees to read, in order: the text indexes' tables, then the library's tables, then their indexes (a new text
 * reads the first, every page of the list the second). The warm-up stops once it has read `budget` bytes.
 */
export function warmOrder(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema s
        WHERE rootpage > 0
          AND (tbl_name IN (SELECT value FROM json_each(@library)) OR EXISTS (SELECT 1 FROM json_each(@text) t WHERE s.name GLOB t.value || '_*'))
        ORDER BY CASE WHEN tbl_name NOT IN (SELECT value FROM json_each(@library)) THEN 0 WHEN type = 'table' THEN 1 ELSE 2 END, name`,
    )
    .pluck()
    .all({ library: JSON.stringify(LIBRARY_TABLES), text: JSON.stringify(TEXT_INDEXES) }) as string[];
}

const WORKER_JS = String.raw`
const { parentPort } = require('node:worker_threads');
const w = workerData;
// Below normal priority on Linux, this thread only (/proc/thread-self names its id): the program's own queries come first.
try { const os = require('node:os'); os.setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), os.constants.priority.PRIORITY_BELOW_NORMAL); } catch {}
let bytes = 0;
const btrees = [];
try {
  const db = open({ readonly: true });
  // dbstat visits every page of the b-tree named (and its overflow chains): each is read through the pager.
  const read = db.prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?').pluck();
  for (const name of w.btrees) {
    if (bytes >= w.budget) break;
    bytes += read.get(name);
    btrees.push(name);
  }
  db.close();
  parentPort.postMessage({ ok: true, bytes, btrees });
} catch (e) {
  parentPort.postMessage({ ok: false, bytes, btrees, error: String((e && e.message) || e) });
}`;

/**
 * Starts the warm-up when the archive is large enough to need it; null otherwise (or read-only, or in memory). At most
 * a quarter of the machine's memory is read, so a huge archive does not push everything else out of the cache.
 */
export function warmPagesAside(db: Db, opts: OpenOptions & { fromBytes?: number; budget?: number } = {}): WarmRun | null {
  if (db.readonly || db.memory) return null;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (pageCount * pageSize < (opts.fromBytes ?? WARM_FROM_BYTES)) return null;
  const started = performance.now();
  const worker = startAside(db, opts, WORKER_JS, { btrees: warmOrder(db), budget: opts.budget ?? Math.floor(totalmem() / 4) });
  const done = new Promise<WarmResult>((resolve) => {
    const end = (r: Omit<WarmResult, 'ms'>) => resolve({ ...r, ms: performance.now() - started });
    worker.once('message', (m: { ok: boolean; bytes: number; btrees: string[]; error?: string }) =>
      end({ warmed: m.ok, bytes: m.bytes, btrees: m.btrees, ...(m.error ? { error: m.error } : {}) }),
    );
    worker.once('error', (e) => end({ warmed: false, bytes: 0, btrees: [], error: e.message }));
    worker.once('exit', () => end({ warmed: false, bytes: 0, btrees: [], error: 'stopped' }));
  });
  return { done, stop: () => void worker.terminate() };
}

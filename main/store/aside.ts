import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db, OpenOptions } from './db';

/**
 * Starts `code` (plain JS, run with `eval`: no build step under tsx, vitest, Electron or the host) on a worker thread
 * that works on this archive's database on a connection of its own, so the event loop is not held up. `workerData`
 * holds `data` and what `open(options)` in the code needs: the code calls it to open that connection.
 */
export function startAside(db: Db, opts: OpenOptions, code: string, data: Record<string, unknown>): Worker {
  const workerData = { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, nativeBinding: opts.nativeBinding, ...data };
  const open = String.raw`
const open = (options) => new (require(workerData.sqlite))(workerData.file, { fileMustExist: true, ...options, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
`;
  return new Worker(`const { workerData } = require('node:worker_threads');${open}${code}`, { eval: true, workerData });
}

// SHA-256 of files on a worker thread, so that re-hashing originals (integrity, the ingest's read-back) never blocks
// the event loop of the host. The worker reads ahead: while one 4 MiB chunk is hashed, the next is being read.
// Its code is a plain-JS string run with `eval`, so it needs no build step under tsx, vitest, Electron or the host.
import { Worker } from 'node:worker_threads';

const WORKER_JS = String.raw`
const { parentPort } = require('node:worker_threads');
const { open } = require('node:fs/promises');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'hash') { run(m); return; }
  const job = jobs.get(m.id);
  if (!job) return;
  if (m.type === 'abort') job.aborted = true;
  else { job.limit = m.upTo; job.final = m.final; }
  job.wake();
});
async function run(m) {
  const job = { aborted: false, limit: 0, final: !m.follow, wake: () => {} };
  jobs.set(m.id, job);
  let fh;
  let pending = null;
  try {
    fh = await open(m.path, 'r');
    const size = m.bufferSize;
    const bufs = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
    const hash = createHash('sha256');
    // Following a file being written: read only what the writer says is written, until it says the end.
    const room = async (at) => {
      while (!job.aborted && !job.final && job.limit <= at) await new Promise((r) => (job.wake = r));
      return job.aborted ? 0 : job.final ? size : Math.min(size, job.limit - at);
    };
    const read = async (i, at) => {
      const n = await room(at);
      return n === 0 ? 0 : (await fh.read(bufs[i], 0, n, at)).bytesRead;
    };
    let pos = 0;
    let idx = 0;
    pending = read(0, 0);
    for (;;) {
      const n = await pending;
      pending = null;
      if (job.aborted) { parentPort.postMessage({ type: 'aborted', id: m.id, bytes: pos }); return; }
      if (n === 0) break;
      const cur = bufs[idx];
      pending = read(idx ^ 1, pos + n);
      hash.update(cur.subarray(0, n));
      pos += n;
      idx ^= 1;
      parentPort.postMessage({ type: 'progress', id: m.id, bytes: pos });
    }
    parentPort.postMessage({ type: 'done', id: m.id, sha256: hash.digest('hex'), bytes: pos });
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: m.id, code: e && e.code, message: e && e.message ? e.message : String(e) });
  } finally {
    jobs.delete(m.id);
    if (pending) await pending.catch(() => undefined);
    if (fh) await fh.close().catch(() => undefined);
  }
}
`;

export interface WorkerHashResult {
  sha256: string;
  bytes: number;
}

/** A failure inside the worker, with the errno code the main thread maps (ENOENT → SOURCE_GONE, …). */
export class WorkerHashError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** Stopped by `abort()`; `bytes` were hashed by then. */
export class WorkerHashAborted extends Error {
  constructor(readonly bytes: number) {
    super('hash aborted');
  }
}

type Reply =
  | { type: 'progress'; id: number; bytes: number }
  | { type: 'done'; id: number; sha256: string; bytes: number }
  | { type: 'aborted'; id: number; bytes: number }
  | { type: 'error'; id: number; code?: string; message: string };

interface Pending {
  resolve(r: WorkerHashResult): void;
  reject(e: Error): void;
  onBytes?: (bytes: number) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The one worker of this process, started on first use; it does not keep the process alive while idle. */
function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_JS, { eval: true });
  w.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') return p.onBytes?.(r.bytes);
    pending.delete(r.id);
    if (pending.size === 0) w.unref();
    if (r.type === 'done') p.resolve({ sha256: r.sha256, bytes: r.bytes });
    else if (r.type === 'aborted') p.reject(new WorkerHashAborted(r.bytes));
    else p.reject(new WorkerHashError(r.message, r.code));
  });
  const fail = (e: Error) => {
    worker = null;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`hash worker exited (${code})`)));
  worker = w;
  return w;
}

export interface WorkerHashJob {
  result: Promise<WorkerHashResult>;
  /** Following a file being written: bytes [0, upTo) are written; `final`: that is all of it, read to its end. */
  advance(upTo: number, final: boolean): void;
  abort(): void;
}

/** Hashes `path` on the worker. With `follow`, it reads only as far as `advance` allows (the ingest's read-back). */
export function hashOnWorker(path: string, opts: { bufferSize: number; follow?: boolean; onBytes?: (bytes: number) => void }): WorkerHashJob {
  const w = theWorker();
  const id = nextId++;
  const result = new Promise<WorkerHashResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) });
  });
  w.ref();
  w.postMessage({ type: 'hash', id, path, bufferSize: opts.bufferSize, follow: opts.follow === true });
  return {
    result,
    advance: (upTo, final) => w.postMessage({ type: 'limit', id, upTo, final }),
    abort: () => w.postMessage({ type: 'abort', id }),
  };
}

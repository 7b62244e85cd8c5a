import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errnoOf } from '../common';

/**
 * Each running ingest session has its own folder under the archive's `.incoming/` (`ingest-<id>/`): its partial
 * copies and temporary files go there, and `owner.json` names the process running it. Crash recovery, in this
 * process or another one opening the same archive, clears only the folders of sessions nobody runs any more, so
 * a crash of one session never takes the partial copy of another that is still going on.
 */
const PREFIX = 'ingest-';
const OWNER = 'owner.json';

/** Session folders this process runs, by absolute path: a pid alone cannot tell ours from a crashed run's. */
const ours = new Set<string>();

export function sessionDir(incoming: string, sessionId: number): string {
  return path.resolve(incoming, `${PREFIX}${sessionId}`);
}

/** Makes the session's folder and names this process its owner (call inside the transaction that opens the session). */
export function claimSessionDir(incoming: string, sessionId: number): string {
  const dir = sessionDir(incoming, sessionId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, OWNER), JSON.stringify({ pid: process.pid }));
  ours.add(dir);
  return dir;
}

/** The session is over: its folder goes (anything left there is a partial copy nobody will finish). */
export function releaseSessionDir(incoming: string, sessionId: number): void {
  const dir = sessionDir(incoming, sessionId);
  ours.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** A process is running under the pid (EPERM: it is, but belongs to another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

/**
 * Whether a live process runs the session: ours only when this process claimed it, another only while its
 * process exists. (A crashed run's pid taken by an unrelated process since keeps its folder until that one ends.)
 */
export function sessionLive(incoming: string, sessionId: number): boolean {
  const dir = sessionDir(incoming, sessionId);
  if (ours.has(dir)) return true;
  let owner: { pid?: unknown };
  try {
    owner = JSON.parse(readFileSync(path.join(dir, OWNER), 'utf8')) as { pid?: unknown };
  } catch {
    return false; // no folder or no owner: nobody runs it
  }
  return typeof owner.pid === 'number' && owner.pid !== process.pid && pidAlive(owner.pid);
}

/** Session ids that have a folder under `.incoming/`. */
export function sessionDirIds(incoming: string): number[] {
  let names: string[];
  try {
    names = readdirSync(incoming);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return [];
    throw e;
  }
  return names.flatMap((n) => {
    const m = /^ingest-(\d+)$/.exec(n);
    return m ? [Number(m[1])] : [];
  });
}

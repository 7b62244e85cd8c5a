// Ingest onto a full archive disk, on real tmpfs mounts (the tests run as root; skipped with a printed
// reason where mounting is not allowed). Two cases: the up-front refusal when the source cannot fit, and
// the disk filling up during the run, after the up-front check passed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, EventName, HostCapabilities } from '../../../main/api';
import { DAY_RECORD_NAMES } from '../../../main/ingest';
import { writeRandomFile } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { setUpOffice, tempDir, testApiAt, type TestApi } from '../../support/services';

const MiB = 1024 * 1024;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// Mounted while the file is collected, so that a machine without mount rights skips with a reason.
const work = tempDir('ew-diskfull-');
const smallDisk = path.join(work, 'small');
const bigDisk = path.join(work, 'big');
const mounted: string[] = [];
function mountTmpfs(dir: string, size: string): string | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    mounted.push(dir);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
}
// 4 MiB holds a set-up archive (about 0.5 MiB) and little else. The mid-run case needs the up-front check
// (source + 64 MiB margin) to pass, hence 80 MiB, which the test then fills itself.
const mountError = mountTmpfs(smallDisk, '4m') ?? mountTmpfs(bigDisk, '80m');
if (mountError) console.warn(`disk-full tests skipped: cannot mount a tmpfs (${mountError})`);

function unmountAll(): void {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
  }
  rmSync(work, { recursive: true, force: true });
}
if (mountError) unmountAll();

describe.skipIf(mountError !== null)('ingest onto a full archive disk', () => {
  let small: TestApi;
  let big: TestApi;
  let smallAdmin: Client;
  let bigAdmin: Client;
  /** Armed by a test: called with the first ingest.progress event, i.e. after ingest.start's up-front check. */
  let onFirstProgress: (() => void) | null = null;

  beforeAll(async () => {
    // Set up on the small disk itself; the big disk gets a copy of that archive (setup makes RSA keys: slow).
    const smallRoot = path.join(smallDisk, 'archive');
    small = testApiAt(smallRoot);
    await setUpOffice(small);
    small.services.archive.close();
    cpSync(smallRoot, path.join(bigDisk, 'archive'), { recursive: true });
    smallAdmin = small.client('admin');
    await small.call(smallAdmin, 'session.login', { login: 'admin', password: 'admin-pass-1' });

    const emit: HostCapabilities['emit'] = (_target, event: EventName) => {
      if (event === 'ingest.progress' && onFirstProgress) {
        const f = onFirstProgress;
        onFirstProgress = null;
        f();
      }
    };
    big = testApiAt(path.join(bigDisk, 'archive'), { host: { kind: 'cli', emit } });
    bigAdmin = big.client('admin');
    await big.call(bigAdmin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
  }, 60_000);

  afterAll(() => {
    small?.cleanup();
    big?.cleanup();
    unmountAll();
  });

  it('refuses up front a source bigger than the free space: DISK_FULL, no session, nothing written', async () => {
    const root = small.services.archive.root;
    const left = free(root);
    expect(left).toBeGreaterThan(2 * MiB);
    expect(left).toBeLessThan(4 * MiB);
    const src = tempDir('ew-src-');
    await writeRandomFile(path.join(src, 'BIG.MP4'), left + MiB);
    const sourceId = small.services.sources.addFolder(src).id;

    const scan = await small.call(smallAdmin, 'ingest.scan', { sourceId });
    expect(scan.fits).toBe(false);
    const r = await small.raw(smallAdmin, 'ingest.start', { sourceId, recorderSerial: 'DF0001', officerBadge: '900001', confirmNewRecorder: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DISK_FULL');
    expect(r.error.message).toMatch(/^存档磁盘剩余空间不足/);

    const db = small.services.archive.open().db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM ingest_sessions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM recorders').get(), 'nothing registered on the way').toEqual({ n: 0 });
    expect(readdirSync(path.join(root, '.incoming'))).toEqual([]);
    expect(walk(path.join(root, 'originals'))).toEqual([]);
    expect(await small.call(smallAdmin, 'ingest.sessions', {})).toEqual([]);
    expect((await small.call(smallAdmin, 'audit.verify')).ok).toBe(true);
    rmSync(src, { recursive: true });
  });

  it('fails the session when the disk fills during the run, keeping what was stored complete and registered', async () => {
    const root = big.services.archive.root;
    const src = tempDir('ew-src-');
    const files = [
      { name: 'A_0001.MP4', size: 100_000 },
      { name: 'A_0002.MP4', size: 150_000 },
      { name: 'B_0003.MP4', size: 4 * MiB },
    ];
    for (const f of files) await writeRandomFile(path.join(src, f.name), f.size);
    const sourceId = big.services.sources.addFolder(src).id;
    expect((await big.call(bigAdmin, 'ingest.scan', { sourceId })).fits).toBe(true);

    // Once the run has passed its up-front check: another program fills the disk, leaving room for the two
    // small files (and the database's growth) but not for the big one.
    const filler = path.join(root, '..', 'filler.bin');
    onFirstProgress = () => writeFileSync(filler, Buffer.alloc(free(root) - 1.5 * MiB));
    const detail = await ingestAndWait(big, bigAdmin, { sourceId, recorderSerial: 'DF0002', officerBadge: '900002' });
    expect(onFirstProgress, 'the disk was filled during the run').toBeNull();

    expect(detail.status).toBe('failed');
    expect(detail.error).toMatch(/^存档磁盘空间不足/);
    expect(detail.items.map((i) => [i.relPath, i.outcome])).toEqual([
      ['A_0001.MP4', 'stored'],
      ['A_0002.MP4', 'stored'],
      ['B_0003.MP4', 'failed'],
    ]);
    expect(detail.items[2]!.message).toMatch(/^存档磁盘空间不足/);
    expect(detail.filesStored).toBe(2);
    expect(detail.filesFailed).toBe(1);

    const db = big.services.archive.open().db;
    expect(db.prepare("SELECT COUNT(*) AS n FROM media WHERE original_name = 'B_0003.MP4'").get()).toEqual({ n: 0 });
    expect(readdirSync(path.join(root, '.incoming')).filter((f) => f.endsWith('.part')), 'no .part left').toEqual([]);
    for (const item of detail.items.slice(0, 2)) {
      expect(sha(path.join(root, item.storedPath!)), item.relPath).toBe(sha(path.join(src, item.relPath)));
      expect(item.sha256).toBe(sha(path.join(src, item.relPath)));
    }
    const onDisk = walk(path.join(root, 'originals')).map((f) => path.basename(f)).sort();
    expect(onDisk).toEqual(['A_0001.MP4', 'A_0002.MP4', ...DAY_RECORD_NAMES].sort());

    // The API stays usable on the full disk: the archive checks out, the chain verifies.
    expect(await big.call(bigAdmin, 'integrity.check', {})).toMatchObject({ ok: true, checked: 2, problems: [] });
    expect((await big.call(bigAdmin, 'audit.verify')).ok).toBe(true);
    const failedEntry = (await big.call(bigAdmin, 'audit.list', { limit: 50 })).entries.find((e) => e.action === 'media.ingest_failed');
    expect(failedEntry?.details).toMatchObject({ source: 'B_0003.MP4', code: 'DISK_FULL' });

    // With space freed, the same ingest completes: the small files are duplicates, the big one is stored.
    rmSync(filler);
    const again = await ingestAndWait(big, bigAdmin, { sourceId, recorderSerial: 'DF0002', officerBadge: '900002' });
    expect(again.status).toBe('completed');
    expect(again.items.map((i) => [i.relPath, i.outcome])).toEqual([
      ['A_0001.MP4', 'duplicate'],
      ['A_0002.MP4', 'duplicate'],
      ['B_0003.MP4', 'stored'],
    ]);
    expect(await big.call(bigAdmin, 'integrity.check', {})).toMatchObject({ ok: true, checked: 3 });
    rmSync(src, { recursive: true });
  });
});

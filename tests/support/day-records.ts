// What the concurrency tests check of a day folder once its sessions are done: the manifest lists every original
// of the day with its right hash (`sha256sum -c`), the custody record lists the same, both signatures verify with
// OpenSSL, and the database's current version is the file on disk.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { CUSTODY_NAME, CUSTODY_SIGNATURE_NAME, MANIFEST_NAME, SIGNATURE_NAME, type CustodyRecord } from '../../main/ingest';
import type { Db } from '../../main/store';
import { opensslCmsVerify } from './cms';

export const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Checks the day's records against `stored` (the stored paths, relative to the archive, the day must list). */
export function expectDayRecords(archive: string, db: Db, day: string, stored: string[], at: Date): void {
  const dir = path.join(archive, 'originals', ...day.split('-'));
  const prefix = `originals/${day.split('-').join('/')}/`;
  const expected = stored.map((p) => p.slice(prefix.length)).sort();
  const manifest = readFileSync(path.join(dir, MANIFEST_NAME), 'utf8');
  const lines = manifest.trimEnd().split('\n');
  expect(lines.map((l) => l.slice(66)).sort(), 'the manifest lists every original of the day').toEqual(expected);
  execFileSync('sha256sum', ['--quiet', '--strict', '-c', MANIFEST_NAME], { cwd: dir });
  const custody = JSON.parse(readFileSync(path.join(dir, CUSTODY_NAME), 'utf8')) as CustodyRecord;
  expect(custody.files.map((f) => `${f.sha256}  ${f.relToDay}`).sort()).toEqual([...lines].sort());
  const caFile = path.join(archive, 'certs', 'office-ca.pem');
  for (const [signature, content] of [
    [SIGNATURE_NAME, MANIFEST_NAME],
    [CUSTODY_SIGNATURE_NAME, CUSTODY_NAME],
  ] as const) {
    const cms = opensslCmsVerify({ signature, content, caFile, at, cwd: dir });
    expect(cms.ok, cms.out).toBe(true);
  }
  const row = db.prepare('SELECT files, sha256 FROM day_manifests WHERE day = ?').get(day) as { files: number; sha256: string };
  expect(row).toEqual({ files: stored.length, sha256: sha256Of(path.join(dir, MANIFEST_NAME)) });
}

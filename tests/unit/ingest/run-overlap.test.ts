// runIngest copies each file while the one before it finishes (issue 14 item 5). A stop while one finishes gives up
// the copy beside it: nothing of either is placed or registered, and no partial copy is left.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runIngest } from '../../../main/ingest';
import { writeRandomFile } from '../../fixtures/recorder-volume';
import { crashLogin } from '../../support/crash-child';
import { ingestRunFor } from '../../support/ingest-run';
import { makeOfficeApi, OFFICE_SETUP, tempDir } from '../../support/services';

const DOCKED = new Date('2026-03-10T10:00:00Z');

function walk(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
}

it('cancelled while the first file finishes: neither it nor the one copying beside it is kept', async () => {
  const { t } = await makeOfficeApi(DOCKED);
  const source = tempDir('ew-overlap-');
  try {
    for (let i = 1; i <= 3; i++) await writeRandomFile(path.join(source, `CLIP_000${i}.MP4`), 6 * 1024 * 1024);
    const session = await crashLogin(t.services, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password);
    const run = await ingestRunFor(t.services, session, source, 'OVERLAP01', '320001');
    const ac = new AbortController();
    const steps: string[] = [];
    const result = await runIngest(run.plan, {
      ...run.deps,
      signal: ac.signal,
      onStep: (step, relPath) => {
        steps.push(`${relPath} ${step}`);
        // The first file's read-back has matched: the run has already started the second file beside it.
        if (step === 'verified') ac.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(steps).toContain('CLIP_0001.MP4 verified');
    expect(steps.filter((s) => s.endsWith(' placed') || s.endsWith(' registered'))).toEqual([]);
    expect(steps.some((s) => s.startsWith('CLIP_0003.MP4'))).toBe(false);
    const { db, paths } = t.services.archive.open();
    expect(db.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM ingest_items').get()).toEqual({ n: 0 });
    expect(walk(path.join(t.root, 'originals')).filter((f) => f.endsWith('.MP4'))).toEqual([]);
    expect(walk(paths.incoming).filter((f) => f.endsWith('.part')), 'no .part left').toEqual([]);
  } finally {
    t.cleanup();
    rmSync(source, { recursive: true, force: true });
  }
}, 60_000);

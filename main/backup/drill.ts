import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { revocationAwareVerifier } from '../accounts';
import { verifyAuditChain } from '../audit';
import type { Pem } from '../crypto';
import { checkIntegrity } from '../ingest';
import { openStore, readOffice } from '../store';
import { checkGeneration, pickGeneration } from './check';
import { placeRestore, stageRestore } from './restore';
import { databaseCheck } from './snapshot';

export interface DrillResult {
  generation: string | null;
  ok: boolean;
  /** Each problem names its file or check. */
  problems: string[];
  manifestSha256: string | null;
  /** Files whose hash was checked (originals included). */
  filesChecked: number;
}

/**
 * The drill: restores the newest generation into a scratch folder exactly as a restore would, then checks it end to
 * end (the database checks, the audit chain and its seals, every original against the restored database and its day
 * manifests) and deletes it. A generation that fails its hash or signature check is not restored; its problems are
 * the result.
 */
export async function runDrill(a: { backupDir: string; at: Date; scratchParent?: string }): Promise<DrillResult> {
  let generation: string;
  try {
    generation = await pickGeneration(a.backupDir);
  } catch {
    return { generation: null, ok: false, problems: ['no backup generation on the target'], manifestSha256: null, filesChecked: 0 };
  }
  const check = await checkGeneration(a.backupDir, generation, { at: a.at });
  const result: DrillResult = {
    generation,
    ok: false,
    problems: check.problems.map((p) => `${p.kind}: ${p.path}`),
    manifestSha256: check.manifestSha256,
    filesChecked: check.lines.length,
  };
  if (!check.ok || !check.info) return result;

  const scratch = await mkdtemp(path.join(a.scratchParent ?? tmpdir(), 'ew-drill-'));
  try {
    const root = path.join(scratch, 'archive');
    const { staging } = await stageRestore({ backupDir: a.backupDir, generation, archiveRoot: root, at: a.at, checked: check });
    await placeRestore(staging, root);
    const store = openStore(root, { now: () => a.at });
    try {
      result.problems.push(...[...databaseCheck(store.db, 'integrity_check'), ...databaseCheck(store.db, 'quick_check')].map((f) => `database: ${f}`));
      const office = readOffice(store.db);
      if (!office) result.problems.push('database: no office');
      else {
        const caPem = (await readFile(path.join(store.paths.certs, 'office-ca.pem'), 'utf8')) as Pem;
        const verify = revocationAwareVerifier(store.db, caPem);
        // As of when the generation was taken: its last day was not yet past, so not yet sealed.
        const chain = verifyAuditChain(store.db, { timeZone: office.timeZone, now: new Date(check.info.takenAt), sealsDir: store.paths.seals, verifySeal: verify });
        result.problems.push(...chain.problems.map((p) => `audit chain: ${p.message}`));
        const originals = await checkIntegrity(store.paths.root, store.db, {}, { verifySignature: verify });
        result.problems.push(...originals.problems.map((p) => `${p.kind}: ${p.path}`));
      }
    } finally {
      store.close();
    }
  } catch (e) {
    result.problems.push(`restore: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  result.ok = result.problems.length === 0;
  return result;
}

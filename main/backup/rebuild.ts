import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError, NEVER_IN_FILES, type NeverInFiles } from '../common';
import { parseSealBody, sealFileDays, sealHash } from '../audit';
import { certificateFingerprint, verifyDetached, type Pem } from '../crypto';
import { findOfficerByBadge, findRecorderBySerial, insertOfficer, insertRecorder } from '../devices';
import { commitOriginal, CUSTODY_NAME, CUSTODY_SIGNATURE_NAME, DAY_RECORD_NAMES, dayRelDir, hashFile, MANIFEST_NAME, retentionUntil, SIGNATURE_NAME, toAbsolute, type CustodyLine, type CustodyRecord } from '../ingest';
import { kindFromExtension } from '../media';
import { ensureArchiveLayout, officeSetting, type Db } from '../store';
import { checkGeneration, listGenerations, parseBackupManifest } from './check';
import { copyTree, listFiles } from './files';
import { backupPaths } from './layout';

/** One original the files alone still vouch for: listed in a day manifest whose signature checks, hash matching. */
export interface RebuiltOriginal {
  storedPath: string;
  sha256: string;
  size: number;
  day: string;
  /** The recorder's serial: the folder the original was stored in (`originals/YYYY/MM/DD/<serial>/…`). */
  recorderSerial: string;
  /** When its day manifest was signed (the signed CMS signing time): the latest it can have been ingested. */
  ingestedBy: string;
  ingestedAt: string;
  /** The day's signed custody record's line for it (officer, start, name), when that record is there and checks. */
  custody: CustodyLine | null;
}

/** What could not be recovered from the files, by path. */
export interface Unrecovered {
  kind: 'manifest_signature' | 'custody_record' | 'original_missing' | 'original_changed' | 'original_unlisted';
  path: string;
}

export interface RebuildPlan {
  /** The generation whose signed manifest vouches for the office CA certificate and the office's name and zone. */
  trustedGeneration: string;
  caCertPem: Pem;
  caFingerprintSha256: string;
  unitName: string;
  timeZone: string;
  days: { day: string; manifestSha256: string; signedBy: string; signedAt: string; files: number }[];
  originals: RebuiltOriginal[];
  /** The newest day seal whose signature checks: the old chain's last sealed head. */
  latestSeal: { day: string; hash: string; headSeq: number; headHash: string } | null;
  unrecovered: Unrecovered[];
}

/** What only the database held: never in the files, so never recovered by a rebuild (said, not invented). */
export const NEVER_IN_FILES_TEXT: Record<NeverInFiles, string> = {
  accounts: 'users, their passwords, keys and certificates (new accounts are made)',
  officers_of_originals: 'the officer who wore the recorder for each original',
  cases: 'cases and their items',
  access: 'viewing requests, approvals and grants',
  viewing_register: 'the viewing register',
  record_forms: 'record forms and their signatures',
  discs: 'disc records',
  audit_before_rebuild: 'the audit log before the rebuild (its last sealed head is named)',
  annotations: 'notes, bookmarks, 执法情形, key marks and classifications',
};

/** What the rebuild cannot say: the officers only when some original has no custody record vouching for it. */
export function neverInFiles(plan: RebuildPlan): NeverInFiles[] {
  const officersKnown = plan.originals.every((o) => o.custody !== null);
  return NEVER_IN_FILES.filter((n) => n !== 'officers_of_originals' || !officersKnown);
}

const DAY_DIR = /^originals\/(\d{4})\/(\d{2})\/(\d{2})$/;

/**
 * Reads what a backup's files alone say, trusting nothing unchecked: the office CA comes from the newest generation
 * whose signed manifest verifies with it and lists it; each day manifest in the originals pool must verify with that
 * CA before any line of it is believed; each listed original must be there with its hash. The rest is listed as
 * not recovered.
 */
export async function planRebuild(backupDir: string, at: Date): Promise<RebuildPlan> {
  const bp = backupPaths(backupDir);
  let trusted: { generation: string; ca: Pem; unitName: string; timeZone: string; folder: string } | null = null;
  for (const g of await listGenerations(backupDir)) {
    // The snapshot may be what is damaged: only the signature, the CA file and backup-info.json must hold.
    const c = await checkGeneration(backupDir, g, { at, originals: 'presentOnly' });
    const sound = (p: string) => c.lines.some((l) => l.relPath === p) && !c.problems.some((x) => x.path === p);
    if (c.signedBy === null || !sound('certs/office-ca.pem') || !c.info) continue;
    trusted = { generation: g, ca: (await readFile(path.join(c.folder, 'certs', 'office-ca.pem'), 'utf8')) as Pem, unitName: c.info.unitName, timeZone: c.info.timeZone, folder: c.folder };
    break;
  }
  if (!trusted) throw new AppError('BACKUP_UNTRUSTED', '备份中没有签名有效的备份代次，无法确认单位根证书，不能重建', `no generation with a verifying signature in ${backupDir}`);

  const plan: RebuildPlan = {
    trustedGeneration: trusted.generation,
    caCertPem: trusted.ca,
    caFingerprintSha256: certificateFingerprint(trusted.ca),
    unitName: trusted.unitName,
    timeZone: trusted.timeZone,
    days: [],
    originals: [],
    latestSeal: null,
    unrecovered: [],
  };
  const listed = new Set<string>();
  const dayDirs = (await walkDirs(bp.originals, 'originals')).filter((d) => DAY_DIR.test(d)).sort();
  for (const rel of dayDirs) {
    const m = DAY_DIR.exec(rel)!;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    const dir = toAbsolute(bp.root, rel);
    const manifest = await readFile(path.join(dir, MANIFEST_NAME)).catch(() => null);
    const signature = await readFile(path.join(dir, SIGNATURE_NAME)).catch(() => null);
    if (!manifest) continue; // a day folder without a manifest: its files show up as unlisted
    const v = signature ? verifyDetached({ content: manifest, signatureDer: signature, caCertPem: trusted.ca, at }) : null;
    const lines = parseBackupManifest(manifest.toString('utf8'));
    if (!v?.ok || !lines || !v.signingTime) {
      plan.unrecovered.push({ kind: 'manifest_signature', path: `${rel}/${MANIFEST_NAME}` });
      continue;
    }
    const custody = await readCustody(dir, trusted.ca, at);
    if (!custody.ok) plan.unrecovered.push({ kind: 'custody_record', path: `${rel}/${CUSTODY_NAME}` });
    let files = 0;
    for (const l of lines) {
      const storedPath = `${rel}/${l.relPath}`;
      listed.add(storedPath);
      const parts = l.relPath.split('/');
      const file = toAbsolute(bp.root, storedPath);
      const h = parts.length === 2 && !parts.includes('..') ? await hashFile(file).catch(() => null) : null;
      if (h === null) plan.unrecovered.push({ kind: 'original_missing', path: storedPath });
      else if (h !== l.sha256) plan.unrecovered.push({ kind: 'original_changed', path: storedPath });
      else {
        files++;
        plan.originals.push({ storedPath, sha256: h, size: (await stat(file)).size, day, recorderSerial: parts[0]!, ingestedBy: v.signer?.commonName ?? '?', ingestedAt: v.signingTime.toISOString(), custody: custody.lines.get(`${l.relPath}\n${h}`) ?? null });
      }
    }
    plan.days.push({ day, manifestSha256: createHash('sha256').update(manifest).digest('hex'), signedBy: v.signer?.commonName ?? '?', signedAt: v.signingTime.toISOString(), files });
  }
  for (const rel of (await listFiles(bp.originals)).map((f) => `originals/${f}`)) {
    if (!listed.has(rel) && !DAY_RECORD_NAMES.includes(path.posix.basename(rel))) plan.unrecovered.push({ kind: 'original_unlisted', path: rel });
  }

  const seals = path.join(trusted.folder, 'seals');
  for (const day of sealFileDays(seals).reverse()) {
    const content = await readFile(path.join(seals, `${day}.json`)).catch(() => null);
    const sig = await readFile(path.join(seals, `${day}.json.p7s`)).catch(() => null);
    const body = content ? parseSealBody(content) : null;
    if (!content || !sig || !body || !verifyDetached({ content, signatureDer: sig, caCertPem: trusted.ca, at }).ok) continue;
    plan.latestSeal = { day, hash: sealHash(content), headSeq: body.headSeq, headHash: body.headHash };
    break;
  }
  return plan;
}

/**
 * The day's custody record, believed only when its signature checks with the office CA; its lines keyed by path and
 * hash so a line vouches only for the original it names. Archives from before the record have none (`ok` true, empty):
 * their officers stay unrecovered.
 */
async function readCustody(dir: string, ca: Pem, at: Date): Promise<{ ok: boolean; lines: Map<string, CustodyLine> }> {
  const content = await readFile(path.join(dir, CUSTODY_NAME)).catch(() => null);
  const signature = await readFile(path.join(dir, CUSTODY_SIGNATURE_NAME)).catch(() => null);
  if (!content && !signature) return { ok: true, lines: new Map() };
  if (!content || !signature || !verifyDetached({ content, signatureDer: signature, caCertPem: ca, at }).ok) return { ok: false, lines: new Map() };
  try {
    const record = JSON.parse(content.toString('utf8')) as CustodyRecord;
    return { ok: true, lines: new Map(record.files.map((f) => [`${f.relToDay}\n${f.sha256}`, f])) };
  } catch {
    return { ok: false, lines: new Map() };
  }
}

async function walkDirs(abs: string, rel: string): Promise<string[]> {
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
  const out: string[] = [rel];
  for (const e of entries) if (e.isDirectory()) out.push(...(await walkDirs(path.join(abs, e.name), `${rel}/${e.name}`)));
  return out;
}

/**
 * Registers the plan's originals in a new store, as the files say and no more: one ingest session per day received
 * by `receivedBy` (the account making the rebuild); the officer, recorder, start, name and kind from the day's signed
 * custody record where it vouches for the original, else the recorder from the folder, the start from the day
 * manifest's signing time (`start_source` ingest_time), no officer and the kind by file name (no probe: the rebuild
 * must not depend on ffprobe reading a damaged file). Call in the transaction of the rebuild's audit entry.
 */
export function registerRebuilt(db: Db, plan: RebuildPlan, receivedByLogin: string, now: Date): number {
  const receivedBy = (db.prepare('SELECT id FROM users WHERE login = ?').get(receivedByLogin) as { id: number }).id;
  const months = Number(officeSetting(db, 'retention_months'));
  const recorders = new Map<string, number>();
  for (const d of plan.days) {
    const originals = plan.originals.filter((o) => o.day === d.day);
    if (!originals.length) continue;
    const session = db
      .prepare(
        `INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, source_label, source_kind, files_total, bytes_total, files_stored, bytes_stored)
         VALUES (?, ?, 'completed', ?, ?, 'folder', ?, ?, ?, ?)`,
      )
      .run(d.signedAt, d.signedAt, receivedBy, `重建：${d.day} 日清单（${d.signedBy}签名）`, originals.length, sum(originals), originals.length, sum(originals)).lastInsertRowid as number;
    for (const o of originals) {
      const serial = o.custody?.recorderSerial ?? o.recorderSerial;
      let recorderId = recorders.get(serial);
      if (recorderId === undefined) {
        recorderId = (findRecorderBySerial(db, serial, now) ?? insertRecorder(db, { serial, notes: '由备份文件重建' }, now)).id;
        recorders.set(serial, recorderId);
      }
      const officer = o.custody?.officer;
      const officerId = officer ? (findOfficerByBadge(db, officer.badgeNo) ?? insertOfficer(db, officer, now)).id : null;
      const name = path.posix.basename(o.storedPath);
      const c = o.custody;
      db.prepare(
        `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, recorder_id, officer_id, ingest_session_id, start_at, start_source, day, has_audio, flags, retention_until, created_at, start_rule)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, NULL)`,
      ).run(
        o.sha256,
        o.size,
        o.storedPath,
        c?.originalName ?? name,
        c?.originalPath ?? o.storedPath,
        c?.kind ?? kindFromExtension(name),
        recorderId,
        officerId,
        session,
        c?.startAt ?? o.ingestedAt,
        c ? c.startSource : 'ingest_time',
        o.day,
        c?.hasAudio ? 1 : 0,
        retentionUntil(new Date(c?.startAt ?? o.ingestedAt), months).toISOString(),
        o.ingestedAt,
      );
    }
  }
  return receivedBy;
}

/** The day manifest, written again from the rebuilt store and signed by the account making the rebuild, as current. */
export function recordRebuiltManifest(db: Db, m: { day: string; files: number; sha256: string }, signerId: number, now: Date): void {
  db.prepare('INSERT INTO day_manifests (day, files, sha256, signer_id, updated_at) VALUES (?, ?, ?, ?, ?)').run(m.day, m.files, m.sha256, signerId, now.toISOString());
}

const sum = (os: readonly RebuiltOriginal[]) => os.reduce((n, o) => n + o.size, 0);

/**
 * The rebuild's files in `staging`: every original the plan vouches for, by the commit protocol (read back,
 * read-only), and in `certs/previous/` the old office CA, the day manifests with their old signatures and the seal
 * files, kept as they were (the new store's manifests are signed again under the new CA).
 */
/** The points a rebuild passes; the crash test kills the process at each. */
export type RebuildStep = 'original' | 'staged' | 'registered' | 'signed';

export async function stageRebuild(plan: RebuildPlan, backupDir: string, staging: string, onStep?: (step: RebuildStep) => void): Promise<void> {
  const bp = backupPaths(backupDir);
  const paths = ensureArchiveLayout(staging);
  for (const o of plan.originals) {
    const { sha256 } = await commitOriginal({ sourcePath: toAbsolute(bp.root, o.storedPath), incomingDir: paths.incoming, finalPath: toAbsolute(staging, o.storedPath) });
    if (sha256 !== o.sha256) throw new AppError('RESTORE_FAILED', `重建时原始文件与日清单不符：${o.storedPath}`);
    onStep?.('original');
  }
  const previous = path.join(paths.certs, 'previous');
  await mkdir(previous, { recursive: true });
  await writeFile(path.join(previous, 'office-ca.pem'), plan.caCertPem);
  for (const d of plan.days) await copyTree(toAbsolute(bp.root, dayRelDir(d.day)), path.join(previous, dayRelDir(d.day)), (rel) => DAY_RECORD_NAMES.includes(rel));
  await copyTree(path.join(bp.generations, plan.trustedGeneration, 'seals'), path.join(previous, 'seals'));
}

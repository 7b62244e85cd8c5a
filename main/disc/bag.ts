/**
 * Stages one disc's bag: writes the small generated files into a staging folder and lists every file of the
 * disc as ISO sources. Originals are not copied: the image reads them straight from the archive, and the
 * manifest carries the hashes recorded at ingest, never ones recomputed from a copy.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { certificateFingerprint, certificateInfo, sha256Hex, signDetached, type Pem } from '../crypto';
import { localDay, AppError, discError } from '../common';
import { BAG_FILES, assertRelativePath, bagInfoText, bagitText, manifestText, readmeText, type DiscLabel, type ManifestEntry } from './bag-text';
import { planIso } from './iso/write-iso';
import type { IsoOptions, IsoSource } from './iso/types';
import { verifierHtml } from './verifier/html';

export interface BagItem {
  /** The original in the archive. */
  diskPath: string;
  /** SHA-256 recorded at ingest. */
  sha256: string;
  /** Size recorded at ingest. */
  size: number;
  /** Path under data/originals/, e.g. '2026/11/27/REC01/20261127_0830.MP4'. */
  target: string;
}

export interface BagInput {
  /** Folder for the generated files, e.g. <archive>/discs/<disc-id>/staging; created if missing. */
  stagingDir: string;
  items: readonly BagItem[];
  recordForm?: {
    docx: Buffer;
    /** Signatures and what they cover, written as data/<name>; names start with 'record-form'. */
    attachments?: readonly { name: string; content: Buffer }[];
  };
  /** Written as data/chain-of-custody.json. */
  chainOfCustody: unknown;
  label: DiscLabel;
  /** Signs manifest-sha256.txt. */
  signer: { certPem: Pem; privateKeyPem: Pem };
  caCertPem: Pem;
  createdAt: Date;
  /** The office's time zone: the Bagging-Date and the verifier page's times are in it. */
  timeZone: string;
}

export interface PayloadFile {
  /** Path as given to the ISO writer. */
  imagePath: string;
  /** Path as disc readers show it (Joliet), the one in the manifest; equal to imagePath unless a name had to change. */
  discPath: string;
  diskPath: string;
  sha256: string;
  size: number;
  origin: 'original' | 'generated';
}

export interface StagedBag {
  stagingDir: string;
  label: DiscLabel;
  /** Every file of the disc, payload and tag files, for writeIso. */
  sources: IsoSource[];
  payload: PayloadFile[];
  manifest: Buffer;
  isoOptions: IsoOptions;
}

const DATA = 'data';

/** ISO volume id from the disc id: d-characters only, at most 32. */
export function volumeIdFor(discId: string): string {
  return `EVID_${discId.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`.slice(0, 32);
}

/** What Windows shows as the disc's name, at most 16 characters. */
export function jolietLabelFor(label: DiscLabel): string {
  const suffix = label.discCount > 1 ? ` ${label.discIndex}-${label.discCount}` : '';
  return `${label.caseNumber.slice(0, 16 - suffix.length)}${suffix}`;
}

function bad(message: string): AppError {
  return discError('DISC_BAD_INPUT', message);
}

function checkInput(input: BagInput): void {
  const { label } = input;
  if (!Number.isInteger(label.discIndex) || !Number.isInteger(label.discCount) || label.discIndex < 1 || label.discIndex > label.discCount) {
    throw bad(`disc ${label.discIndex} of ${label.discCount} is not possible`);
  }
  if (!label.discId || !label.caseNumber) throw bad('disc id and case number are required');
  const targets = new Set<string>();
  for (const it of input.items) {
    try {
      // Any name is fine here: the disc gets it as a safe Joliet name, and the manifest names that.
      assertRelativePath(it.target);
    } catch (e) {
      throw bad(e instanceof Error ? e.message : String(e));
    }
    if (!/^[0-9a-f]{64}$/.test(it.sha256)) throw bad(`item ${it.target} has no lower-case SHA-256`);
    if (targets.has(it.target)) throw bad(`two items go to ${it.target}`);
    targets.add(it.target);
  }
  for (const a of input.recordForm?.attachments ?? []) {
    if (!/^record-form[A-Za-z0-9._-]*$/.test(a.name) || a.name === 'record-form.docx') throw bad(`bad record form attachment name ${a.name}`);
  }
}

async function put(stagingDir: string, imagePath: string, content: Buffer | string): Promise<IsoSource> {
  const diskPath = join(stagingDir, ...imagePath.split('/'));
  await mkdir(dirname(diskPath), { recursive: true });
  await writeFile(diskPath, content);
  return { imagePath, diskPath };
}

/** The originals must still be what the store says, at least by size; the image writer then checks every byte. */
async function checkOriginal(it: BagItem): Promise<void> {
  let size: number;
  try {
    size = (await stat(it.diskPath)).size;
  } catch (e) {
    throw discError('DISC_HASH_MISMATCH', `original missing: ${it.diskPath}`, { cause: e, userMessage: `原始文件缺失：${it.target}` });
  }
  if (size !== it.size) {
    throw discError('DISC_HASH_MISMATCH', `original ${it.diskPath} has ${size} bytes, the store says ${it.size}`, {
      userMessage: `原始文件大小与入库记录不一致：${it.target}`,
    });
  }
}

export async function stageBag(input: BagInput): Promise<StagedBag> {
  checkInput(input);
  const { stagingDir, label } = input;
  await mkdir(stagingDir, { recursive: true });
  for (const it of input.items) await checkOriginal(it);

  // Payload: originals (hashes from the store) and generated files (hashed here, they exist only now).
  const payload: Omit<PayloadFile, 'discPath'>[] = input.items.map((it) => ({
    imagePath: `${DATA}/originals/${it.target}`,
    diskPath: it.diskPath,
    sha256: it.sha256,
    size: it.size,
    origin: 'original',
  }));
  const generated = async (name: string, content: Buffer): Promise<void> => {
    const src = await put(stagingDir, `${DATA}/${name}`, content);
    payload.push({ ...src, sha256: sha256Hex(content), size: content.length, origin: 'generated' });
  };
  if (input.recordForm) {
    await generated('record-form.docx', input.recordForm.docx);
    for (const a of input.recordForm.attachments ?? []) await generated(a.name, a.content);
  }
  await generated('chain-of-custody.json', Buffer.from(JSON.stringify(input.chainOfCustody, null, 2) + '\n', 'utf8'));

  const isoOptions: IsoOptions = {
    volumeId: volumeIdFor(label.discId),
    jolietVolumeId: jolietLabelFor(label),
    timestamp: input.createdAt,
    publisher: (label.unit ? `${label.organization}${label.unit}` : label.organization).slice(0, 60),
    application: 'Evidence Workstation',
  };
  // The manifest must name files as readers will see them, so ask the writer's own layout for the Joliet names.
  const plan = await planIso(payload.map(({ imagePath, diskPath }) => ({ imagePath, diskPath })), isoOptions);
  const jolietOf = new Map(plan.files.map((f) => [f.imagePath, f.jolietPath.replace(/^\//, '').replace(/;1$/, '')]));
  const files: PayloadFile[] = payload.map((p) => ({ ...p, discPath: jolietOf.get(p.imagePath) ?? p.imagePath }));

  const entries: ManifestEntry[] = files.map((f) => ({ path: f.discPath, sha256: f.sha256 }));
  const manifest = Buffer.from(manifestText(entries), 'utf8');
  const signature = signDetached({ content: manifest, signer: input.signer, chain: [input.caCertPem], signingTime: input.createdAt });
  const baggingDate = localDay(input.createdAt, input.timeZone);
  const payloadBytes = files.reduce((s, f) => s + f.size, 0);

  const tags: IsoSource[] = [
    await put(stagingDir, BAG_FILES.bagit, bagitText()),
    await put(stagingDir, BAG_FILES.bagInfo, bagInfoText({ label, baggingDate, payloadBytes, payloadFiles: files.length })),
    await put(stagingDir, BAG_FILES.manifest, manifest),
    await put(stagingDir, BAG_FILES.signature, signature),
    await put(
      stagingDir,
      BAG_FILES.readme,
      readmeText({
        label,
        baggingDate,
        signerName: certificateInfo(input.signer.certPem).subject.commonName,
        caFingerprint: certificateFingerprint(input.caCertPem),
        payloadFiles: files.length,
      }),
    ),
    await put(stagingDir, BAG_FILES.caCert, input.caCertPem.endsWith('\n') ? input.caCertPem : `${input.caCertPem}\n`),
    await put(stagingDir, BAG_FILES.verifier, verifierHtml(input.timeZone, input.createdAt)),
  ];
  // The tag manifest covers every tag file (not itself); handy for BagIt tools, not part of the signed evidence.
  const tagEntries: ManifestEntry[] = [];
  for (const t of tags) tagEntries.push({ path: t.imagePath, sha256: sha256Hex(await readFile(t.diskPath)) });
  tags.push(await put(stagingDir, BAG_FILES.tagManifest, manifestText(tagEntries)));

  return {
    stagingDir,
    label,
    sources: [...tags, ...files.map(({ imagePath, diskPath }) => ({ imagePath, diskPath }))],
    payload: files,
    manifest,
    isoOptions,
  };
}

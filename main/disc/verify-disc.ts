/**
 * Checks a disc (folder or ISO image) against its own signed manifest, as verify.html does in a browser:
 * every listed file hashed, missing / changed / extra files named, the manifest's CMS signature checked with
 * the CA on the disc, and, when the archive's CA is given, whether the disc's CA is the archive's.
 */
import { certificateFingerprint, verifyDetached, type Pem } from '../crypto';
import { BAG_FILES } from './bag-text';
import { hashStream, openDiscSource, readWhole, type DiscSource } from './disc-source';
import { discError, isDiscError } from '../common';

export type DiscProblemKind = 'missing' | 'changed' | 'extra' | 'manifest' | 'signature' | 'ca';

export interface DiscProblem {
  kind: DiscProblemKind;
  path: string;
  /** Chinese, for people. */
  message: string;
}

export interface DiscVerifyReport {
  ok: boolean;
  kind: 'folder' | 'image';
  filesChecked: number;
  bytesChecked: number;
  signature: { ok: boolean; reason?: string; signer?: string; signingTime?: string };
  /** SHA-256 fingerprint of the disc's certs/office-ca.pem, 'AB:CD:…' as openssl prints it and the office publishes it. */
  caFingerprintSha256?: string;
  /** Present when an archive CA was given. */
  caMatchesArchive?: boolean;
  bagInfo: Record<string, string>;
  problems: DiscProblem[];
}

/** Payload files live under data/ (RFC 8493 §2.1.2); everything else is a tag file, which need not be listed. */
const PAYLOAD_DIR = 'data/';

/** RFC 8493 §2.1.1: bagit.txt declares the version and, for us, UTF-8 tag files. */
function bagitProblems(text: string): string[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const out: string[] = [];
  if (!lines.some((l) => /^BagIt-Version: \d+\.\d+$/.test(l))) out.push('bagit.txt 中没有 BagIt-Version 声明');
  if (!lines.some((l) => /^Tag-File-Character-Encoding: UTF-8$/i.test(l))) out.push('bagit.txt 中没有声明标签文件编码为 UTF-8');
  return out;
}

export function parseManifest(text: string): { entries: { path: string; sha256: string }[]; badLines: number[] } {
  const entries: { path: string; sha256: string }[] = [];
  const badLines: number[] = [];
  text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line === '') return;
      const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
      if (m) entries.push({ sha256: m[1]!.toLowerCase(), path: m[2]! });
      else badLines.push(i + 1);
    });
  return { entries, badLines };
}

async function checkListed(
  src: DiscSource,
  entries: { path: string; sha256: string }[],
  problems: DiscProblem[],
  signal?: AbortSignal,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of entries) {
    if (!src.files.has(e.path)) {
      problems.push({ kind: 'missing', path: e.path, message: `缺少文件：${e.path}` });
      continue;
    }
    const actual = await hashStream(src.stream(e.path), (n) => (bytes += n), signal);
    files++;
    if (actual !== e.sha256) problems.push({ kind: 'changed', path: e.path, message: `文件已被修改：${e.path}` });
  }
  return { files, bytes };
}

export async function verifyDisc(path: string, archiveCaPem?: Pem, signal?: AbortSignal): Promise<DiscVerifyReport> {
  const src = await openDiscSource(path);
  try {
    const problems: DiscProblem[] = [];
    const report: DiscVerifyReport = { ok: false, kind: src.kind, filesChecked: 0, bytesChecked: 0, signature: { ok: false }, bagInfo: {}, problems };
    const required = [BAG_FILES.bagit, BAG_FILES.manifest, BAG_FILES.signature, BAG_FILES.caCert];
    const lacking = required.filter((p) => !src.files.has(p));
    if (lacking.length > 0) {
      for (const p of lacking) problems.push({ kind: 'missing', path: p, message: `缺少校验所需的文件：${p}` });
      report.signature = { ok: false, reason: 'bagit.txt, manifest, signature or CA certificate missing' };
      return report;
    }
    for (const message of bagitProblems((await readWhole(src, BAG_FILES.bagit)).toString('utf8'))) {
      problems.push({ kind: 'manifest', path: BAG_FILES.bagit, message });
    }
    const manifest = await readWhole(src, BAG_FILES.manifest);
    const signatureDer = await readWhole(src, BAG_FILES.signature);
    const discCa = (await readWhole(src, BAG_FILES.caCert)).toString('utf8') as Pem;

    let discCaFingerprint: string | undefined;
    try {
      discCaFingerprint = certificateFingerprint(discCa);
      report.caFingerprintSha256 = discCaFingerprint;
    } catch {
      problems.push({ kind: 'ca', path: BAG_FILES.caCert, message: '光盘上的根证书无法读取' });
    }
    if (archiveCaPem !== undefined) {
      report.caMatchesArchive = discCaFingerprint !== undefined && discCaFingerprint === certificateFingerprint(archiveCaPem);
      if (!report.caMatchesArchive) problems.push({ kind: 'ca', path: BAG_FILES.caCert, message: '光盘上的根证书与本单位档案中的根证书不一致' });
    }
    // Trust the archive's CA when given; otherwise the disc's own (its fingerprint is reported for comparison).
    const check = verifyDetached({ content: manifest, signatureDer, caCertPem: archiveCaPem ?? discCa });
    report.signature = {
      ok: check.ok,
      ...(check.reason ? { reason: check.reason } : {}),
      ...(check.signer ? { signer: check.signer.commonName } : {}),
      ...(check.signingTime ? { signingTime: check.signingTime.toISOString() } : {}),
    };
    if (!check.ok) problems.push({ kind: 'signature', path: BAG_FILES.signature, message: `清单签名无效（${check.reason ?? '未知原因'}）` });

    const parsed = parseManifest(manifest.toString('utf8'));
    for (const n of parsed.badLines) problems.push({ kind: 'manifest', path: BAG_FILES.manifest, message: `清单第 ${n} 行格式错误` });
    if (parsed.entries.length === 0) problems.push({ kind: 'manifest', path: BAG_FILES.manifest, message: '清单中没有任何文件' });
    const tags = src.files.has(BAG_FILES.tagManifest) ? parseManifest((await readWhole(src, BAG_FILES.tagManifest)).toString('utf8')).entries : [];
    const counted = await checkListed(src, [...parsed.entries, ...tags], problems, signal);
    report.filesChecked = counted.files;
    report.bytesChecked = counted.bytes;

    const listed = new Set([...parsed.entries, ...tags].map((e) => e.path));
    for (const p of src.files.keys()) {
      if (!listed.has(p) && p.startsWith(PAYLOAD_DIR)) problems.push({ kind: 'extra', path: p, message: `多余文件：${p}` });
    }
    if (src.files.has(BAG_FILES.bagInfo)) {
      for (const line of (await readWhole(src, BAG_FILES.bagInfo)).toString('utf8').split(/\r?\n/)) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) report.bagInfo[m[1]!] = m[2]!;
      }
    }
    report.ok = problems.length === 0;
    return report;
  } catch (e) {
    if (isDiscError(e)) throw e;
    throw discError('DISC_UNREADABLE_IMAGE', `cannot check ${path}: ${String(e)}`, { cause: e });
  } finally {
    await src.close();
  }
}

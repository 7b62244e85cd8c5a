/**
 * A public-use copy disc (公开使用副本光盘): one copy with its signed provenance, the office CA, a `sha256sum -c` list
 * and a notice that says plainly, first thing, that the disc holds a public-use copy and is no evidence disc. The
 * image is written by the evidence disc's ISO 9660 + Joliet writer (main/disc), but nothing on it looks like an
 * evidence disc: no BagIt files, no data/originals/, a volume name that says what it is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../common';
import { writeIso, type IsoProgress, type IsoSource } from '../disc';
import { hashFile } from '../ingest';
import { COPY_NOTE } from './provenance';

/** The notice at the disc's root; its name says the same as its first line. */
export const COPY_DISC_NOTICE = '公开使用副本-非证据光盘.txt';
export const COPY_DISC_SUMS = 'SHA256SUMS.txt';
const CA_FILE = 'certs/office-ca.pem';

export interface CopyDiscCopy {
  /** 'GK-0003'. */
  number: string;
  /** The folder the copy and its provenance are in (derived/public/). */
  dir: string;
  fileName: string;
  provenanceFile: string;
  /** The copy's SHA-256 as registered. */
  sha256: string;
  label: string;
  approvalNumber: string;
  originalName: string;
}

export interface CopyDiscInput {
  /** Folder for the notice, the list and the CA; created if missing. The caller removes it. */
  stagingDir: string;
  copy: CopyDiscCopy;
  caCertPem: string;
  caFingerprint: string;
  unitName: string;
  recipient: string;
  /** The office day and time the disc is made, as printed. */
  madeAtLocal: string;
  madeAt: Date;
}

export interface CopyDiscFile {
  /** Path on the disc, as readers show it. */
  path: string;
  sha256: string;
  size: number;
}

export interface CopyDisc {
  volumeId: string;
  jolietVolumeId: string;
  imageSha256: string;
  totalBytes: number;
  files: CopyDiscFile[];
}

/** ISO volume id and the name Windows shows: both say it is a public-use copy, never evidence ('EVID_' is the evidence discs'). */
export function copyDiscVolume(number: string): { volumeId: string; jolietVolumeId: string } {
  const n = number.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return { volumeId: `PUBLIC_COPY_${n}_NOT_EVIDENCE`.slice(0, 32), jolietVolumeId: `公开使用副本 ${number}`.slice(0, 16) };
}

export function copyDiscNotice(input: Omit<CopyDiscInput, 'stagingDir' | 'caCertPem' | 'madeAt'>): string {
  const c = input.copy;
  const dir = c.number;
  const text = `公开使用副本光盘 —— 不是证据光盘
================================

本光盘只装有经批准公开使用的副本（公开使用副本），不是证据光盘，不装有任何原始资料。
${COPY_NOTE}

制作单位：${input.unitName}
副本编号：${c.number}
副本标识：${c.label}
批准编号：${c.approvalNumber}
原始资料：${c.originalName}（原始文件仍在本单位保管，未随本光盘交付）
接收单位或接收人：${input.recipient}
制作时间：${input.madeAtLocal}

一、光盘内容
  ${dir}/${c.fileName}                  公开使用副本（人脸、车牌等已遮挡，画面角上印有“公开使用副本”标识）
  ${dir}/${c.provenanceFile}      来源记录：原始文件与副本的 SHA-256、批准、遮挡操作、ffmpeg 命令、制作人
  ${dir}/${c.provenanceFile}.p7s  来源记录的电子签名（CMS/PKCS#7）
  ${CA_FILE}                本单位根证书，用于核验签名
  ${COPY_DISC_SUMS}                  以上文件的 SHA-256 清单

二、如何校验（无需联网）
  在光盘根目录下执行
          sha256sum -c ${COPY_DISC_SUMS}
  核验来源记录的签名：
          openssl cms -verify -binary -inform DER -in ${dir}/${c.provenanceFile}.p7s -content ${dir}/${c.provenanceFile} -CAfile ${CA_FILE} -out /dev/null
  应显示 “Verification successful”（Windows 下将 /dev/null 换成 NUL）。
  本单位根证书指纹（SHA-256）：${input.caFingerprint}
`;
  return '\ufeff' + text.replace(/\n/g, '\r\n');
}

const integrity = (message: string, log: string) => new AppError('PUBLIC_COPY_INTEGRITY', message, log);

/** Writes the disc's image to `imagePath` and proves the copy went in with its registered hash. */
export async function writeCopyDisc(input: CopyDiscInput, imagePath: string, opts: { signal?: AbortSignal; onProgress?: (p: IsoProgress) => void } = {}): Promise<CopyDisc> {
  const { signal } = opts;
  const c = input.copy;
  const staged = async (name: string, content: string): Promise<IsoSource> => {
    const diskPath = path.join(input.stagingDir, ...name.split('/'));
    await mkdir(path.dirname(diskPath), { recursive: true });
    await writeFile(diskPath, content);
    return { imagePath: name, diskPath };
  };
  const payload: IsoSource[] = [
    { imagePath: `${c.number}/${c.fileName}`, diskPath: path.join(c.dir, c.fileName) },
    { imagePath: `${c.number}/${c.provenanceFile}`, diskPath: path.join(c.dir, c.provenanceFile) },
    { imagePath: `${c.number}/${c.provenanceFile}.p7s`, diskPath: path.join(c.dir, `${c.provenanceFile}.p7s`) },
    await staged(CA_FILE, input.caCertPem),
  ];
  const byPath = [...payload].sort((a, b) => (a.imagePath < b.imagePath ? -1 : 1));
  const sums = await Promise.all(byPath.map(async (p) => `${await hashFile(p.diskPath, signal)}  ${p.imagePath}\n`));
  const sources = [
    await staged(COPY_DISC_NOTICE, copyDiscNotice(input)),
    await staged(COPY_DISC_SUMS, sums.join('')),
    ...payload,
  ];
  const volume = copyDiscVolume(c.number);
  const result = await writeIso(sources, imagePath, { ...volume, timestamp: input.madeAt, publisher: input.unitName, application: 'PUBLIC USE COPY - NOT EVIDENCE' }, opts.onProgress, signal);
  const video = result.files.find((f) => f.imagePath === payload[0]!.imagePath);
  if (video?.sha256 !== c.sha256) {
    throw integrity('副本写入光盘映像时与登记的哈希值不一致，已停止', `copy ${c.number} went into the disc image with sha256 ${video?.sha256 ?? 'none'}, registered ${c.sha256}`);
  }
  return {
    ...volume,
    imageSha256: await hashFile(imagePath, signal),
    totalBytes: result.totalBytes,
    files: result.files.map((f) => ({ path: f.imagePath, sha256: f.sha256, size: f.size })),
  };
}

/**
 * Making one copy: the original's hash checked before, the render under a temporary name in derived/public/ with
 * progress and cancel, the original's hash checked after, the copy hashed, the provenance written and signed. The
 * original is only ever read. Anything that fails leaves no copy behind.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError, type CopyOperations, type FrameSize } from '../common';
import { hashFile, writeFileAtomic } from '../ingest';
import { runFfmpeg, writeDerived, type ExecutablePath } from '../media';
import { copyArgs } from './filtergraph';
import { COPY_NOTE, provenanceBytes, type ProvenanceRecord } from './provenance';

const exec = promisify(execFile);

export interface CopyJob {
  dir: string;
  names: { video: string; provenance: string; signature: string };
  number: string;
  source: { mediaId: number; originalName: string; storedPath: string; file: string; sha256: string; durationSec: number; hasAudio: boolean; frame: FrameSize };
  approval: ProvenanceRecord['approval'];
  ops: CopyOperations;
  label: string;
  fontFile: string;
  madeBy: ProvenanceRecord['madeBy'];
  madeAt: Date;
  madeAtLocal: string;
  ffmpeg: ExecutablePath;
}

export interface CopyDeps {
  /** CMS-signs as the maker (detached, DER). */
  sign: (content: Buffer) => Buffer;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface MadeCopy {
  record: ProvenanceRecord;
  provenanceSha256: string;
  bytes: number;
}

/** The first line of `ffmpeg -version`, e.g. 'ffmpeg version 5.1.9-0+deb12u1'. */
export async function ffmpegVersion(ffmpeg: ExecutablePath): Promise<string> {
  const { stdout } = await exec(ffmpeg, ['-hide_banner', '-version']);
  return (stdout.split('\n')[0] ?? '').replace(/\s+Copyright.*$/, '').trim();
}

async function originalIntact(job: CopyJob, when: 'before' | 'after', signal?: AbortSignal): Promise<string> {
  const actual = await hashFile(job.source.file, signal).catch(() => null);
  if (actual !== job.source.sha256) {
    throw new AppError('PUBLIC_COPY_INTEGRITY', `原始文件${actual === null ? '缺失' : '与入库时的哈希值不一致'}，不能制作副本，请先进行完整性校验：${job.source.originalName}`, `original ${job.source.mediaId} hash ${when} render: ${actual ?? 'missing'}`);
  }
  return actual;
}

export async function makeCopy(job: CopyJob, deps: CopyDeps): Promise<MadeCopy> {
  const video = path.join(job.dir, job.names.video);
  const before = await originalIntact(job, 'before', deps.signal);
  let command: string[] = [];
  const duration = job.ops.range.to - job.ops.range.from;
  try {
    await writeDerived(video, async (tmp) => {
      const args = copyArgs({ input: job.source.file, output: tmp, ops: job.ops, frame: job.source.frame, hasAudio: job.source.hasAudio, label: { text: job.label, fontFile: job.fontFile }, comment: `${job.label} ${COPY_NOTE}` });
      command = [job.ffmpeg, ...args];
      await runFfmpeg(job.ffmpeg, args, {
        signal: deps.signal,
        onProgress: (fields) => {
          if (fields.progress === 'end') return deps.onProgress?.(1);
          const us = Number(fields.out_time_us ?? fields.out_time_ms);
          if (Number.isFinite(us) && us >= 0) deps.onProgress?.(Math.min(0.99, us / 1e6 / duration));
        },
      });
    });
    // Read-only like the originals: a copy that was handed out must stay what its provenance says.
    await chmod(video, 0o444);
    const after = await originalIntact(job, 'after');
    const sha256 = await hashFile(video);
    const bytes = (await stat(video)).size;
    const record: ProvenanceRecord = {
      record: '公开使用副本来源记录',
      version: 1,
      copy: { number: job.number, fileName: job.names.video, sha256, bytes, label: job.label, note: COPY_NOTE },
      source: { mediaId: job.source.mediaId, originalName: job.source.originalName, storedPath: job.source.storedPath, sha256: job.source.sha256, sha256Before: before, sha256After: after },
      approval: job.approval,
      operations: job.ops,
      ffmpeg: { version: await ffmpegVersion(job.ffmpeg), command },
      madeBy: job.madeBy,
      madeAt: job.madeAt.toISOString(),
      madeAtLocal: job.madeAtLocal,
    };
    const content = provenanceBytes(record);
    await writeFileAtomic(path.join(job.dir, job.names.provenance), content);
    await writeFileAtomic(path.join(job.dir, job.names.signature), deps.sign(content));
    return { record, provenanceSha256: createHash('sha256').update(content).digest('hex'), bytes };
  } catch (e) {
    await Promise.all([video, job.names.provenance, job.names.signature].map((f) => rm(path.resolve(job.dir, f), { force: true })));
    throw e;
  }
}

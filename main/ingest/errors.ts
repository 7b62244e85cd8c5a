import { AppError, errnoOf, errorFamily } from '../common';

export type IngestErrorCode =
  | 'DISK_FULL'
  | 'SOURCE_GONE'
  | 'SOURCE_CHANGED'
  | 'VERIFY_MISMATCH'
  | 'ABORTED'
  | 'TARGET_EXISTS'
  | 'IO_ERROR';

const USER_MESSAGES: Record<IngestErrorCode, string> = {
  DISK_FULL: '存档磁盘空间不足，文件未能保存。请清理空间或更换存档位置后重试。',
  SOURCE_GONE: '读取源文件失败：设备可能已断开或文件已被删除。请检查执法记录仪的连接后重试。',
  SOURCE_CHANGED: '源文件在复制过程中发生了变化，本次复制已作废。请确认设备已停止录制后重试。',
  VERIFY_MISMATCH: '校验失败：保存的副本与源文件不一致，副本已丢弃。请重试；如反复出现，请检查磁盘和数据线。',
  ABORTED: '导入已取消，未保存的部分已清除。',
  TARGET_EXISTS: '存档中已有同名文件，为保护原始文件未予覆盖。',
  IO_ERROR: '读写文件时出错，文件未能保存。',
};

const ingest = errorFamily(USER_MESSAGES);
/** An AppError of copying into the archive (the file concerned is named in the English message). */
export const ingestError = ingest.make;
export const isIngestError = ingest.is;

const SOURCE_GONE_ERRNO = new Set(['ENOENT', 'EIO', 'ENXIO', 'ENODEV', 'ESTALE', 'ENOTCONN', 'EBADF', 'ENOMEDIUM']);
const DISK_FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT']);


/** Turns a low-level failure into an ingest AppError; `side` says whether the source or the archive failed. */
export function toIngestError(e: unknown, side: 'source' | 'target', path: string): AppError<IngestErrorCode> {
  if (isIngestError(e)) return e;
  const errno = errnoOf(e);
  const text = e instanceof Error ? e.message : String(e);
  if (errno === 'ABORT_ERR' || (e instanceof Error && e.name === 'AbortError')) {
    return ingestError('ABORTED', `aborted: ${path}`, { cause: e });
  }
  if (errno && DISK_FULL_ERRNO.has(errno)) {
    return ingestError('DISK_FULL', `archive disk full while writing ${path}: ${text}`, { cause: e });
  }
  if (side === 'source' && errno && SOURCE_GONE_ERRNO.has(errno)) {
    return ingestError('SOURCE_GONE', `source unavailable (${errno}): ${path}`, { cause: e });
  }
  return ingestError('IO_ERROR', `${side} I/O error${errno ? ` (${errno})` : ''} on ${path}: ${text}`, { cause: e });
}

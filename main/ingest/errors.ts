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

export class IngestError extends Error {
  override readonly name = 'IngestError';
  /** Chinese text for the UI. `message` is English, for logs. */
  readonly userMessage: string;
  /** The file concerned, for the log. */
  readonly path?: string;
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown; path?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.userMessage = USER_MESSAGES[code];
    if (options?.path) this.path = options.path;
  }
}

const SOURCE_GONE_ERRNO = new Set(['ENOENT', 'EIO', 'ENXIO', 'ENODEV', 'ESTALE', 'ENOTCONN', 'EBADF', 'ENOMEDIUM']);
const DISK_FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT']);

export function errnoOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Turns a low-level failure into an IngestError; `side` says whether the source or the archive failed. */
export function toIngestError(e: unknown, side: 'source' | 'target', path: string): IngestError {
  if (e instanceof IngestError) return e;
  const errno = errnoOf(e);
  const text = e instanceof Error ? e.message : String(e);
  if (errno === 'ABORT_ERR' || (e instanceof Error && e.name === 'AbortError')) {
    return new IngestError('ABORTED', `aborted: ${path}`, { cause: e, path });
  }
  if (errno && DISK_FULL_ERRNO.has(errno)) {
    return new IngestError('DISK_FULL', `archive disk full while writing ${path}: ${text}`, { cause: e, path });
  }
  if (side === 'source' && errno && SOURCE_GONE_ERRNO.has(errno)) {
    return new IngestError('SOURCE_GONE', `source unavailable (${errno}): ${path}`, { cause: e, path });
  }
  return new IngestError('IO_ERROR', `${side} I/O error${errno ? ` (${errno})` : ''} on ${path}: ${text}`, { cause: e, path });
}

export type IsoErrorCode =
  | 'ISO_BAD_OPTION'
  | 'ISO_BAD_PATH'
  | 'ISO_DUPLICATE_PATH'
  | 'ISO_PATH_CONFLICT'
  | 'ISO_SOURCE_MISSING'
  | 'ISO_SOURCE_NOT_FILE'
  | 'ISO_SOURCE_READ_FAILED'
  | 'ISO_SOURCE_CHANGED'
  | 'ISO_TOO_LARGE'
  | 'ISO_OUTPUT_FAILED'
  | 'ISO_ABORTED';

const USER_MESSAGES: Record<IsoErrorCode, string> = {
  ISO_BAD_OPTION: '光盘映像参数无效',
  ISO_BAD_PATH: '光盘内的文件路径无效',
  ISO_DUPLICATE_PATH: '光盘内有重复的文件路径',
  ISO_PATH_CONFLICT: '光盘内的文件路径与文件夹冲突',
  ISO_SOURCE_MISSING: '要写入光盘的文件不存在',
  ISO_SOURCE_NOT_FILE: '要写入光盘的不是普通文件',
  ISO_SOURCE_READ_FAILED: '读取要写入光盘的文件失败',
  ISO_SOURCE_CHANGED: '文件在写入光盘映像时被改动',
  ISO_TOO_LARGE: '光盘映像超出格式限制',
  ISO_OUTPUT_FAILED: '写入光盘映像失败',
  ISO_ABORTED: '已取消生成光盘映像',
};

/** Operating error of the ISO writer: `message` is English for logs, `userMessage` Chinese for the UI. */
export class IsoError extends Error {
  override readonly name = 'IsoError';
  readonly userMessage: string;
  constructor(
    readonly code: IsoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.userMessage = USER_MESSAGES[code];
  }
}

export function isIsoError(e: unknown): e is IsoError {
  return e instanceof IsoError;
}

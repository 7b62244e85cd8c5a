export type DiscErrorCode =
  | 'DISC_BAD_INPUT'
  | 'DISC_ITEM_TOO_LARGE'
  | 'DISC_HASH_MISMATCH'
  | 'DISC_UNREADABLE_IMAGE'
  | 'DISC_NO_DRIVE'
  | 'DISC_NO_MEDIUM'
  | 'DISC_NOT_BLANK'
  | 'DISC_TOO_SMALL'
  | 'DISC_BURN_FAILED'
  | 'DISC_BURNER_UNAVAILABLE'
  | 'DISC_ABORTED';

const USER_MESSAGES: Record<DiscErrorCode, string> = {
  DISC_BAD_INPUT: '光盘内容参数无效',
  DISC_ITEM_TOO_LARGE: '有文件大于一张光盘的容量，请选择容量更大的光盘类型',
  DISC_HASH_MISMATCH: '写入光盘映像的文件与入库时的哈希值不一致，已停止制作光盘',
  DISC_UNREADABLE_IMAGE: '无法读取光盘或光盘映像',
  DISC_NO_DRIVE: '未找到刻录机',
  DISC_NO_MEDIUM: '刻录机中没有光盘，请放入空白光盘',
  DISC_NOT_BLANK: '光盘不是空白盘，请换一张空白光盘',
  DISC_TOO_SMALL: '光盘容量不足，请换用容量更大的光盘',
  DISC_BURN_FAILED: '刻录失败',
  DISC_BURNER_UNAVAILABLE: '本机缺少刻录所需的系统组件',
  DISC_ABORTED: '已取消',
};

/** Operating error of disc building, burning and checking: `message` English for logs, `userMessage` Chinese. */
export class DiscError extends Error {
  override readonly name = 'DiscError';
  readonly userMessage: string;
  constructor(
    readonly code: DiscErrorCode,
    message: string,
    options?: { cause?: unknown; userMessage?: string },
  ) {
    super(message, options);
    this.userMessage = options?.userMessage ?? USER_MESSAGES[code];
  }
}

export function isDiscError(e: unknown): e is DiscError {
  return e instanceof DiscError;
}

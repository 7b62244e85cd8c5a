import { errorFamily } from './errors';

/** Errors of disc building, burning and checking (DISC_…) and of the ISO writer (ISO_…). */
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

const DISC_MESSAGES: Record<DiscErrorCode, string> = {
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

const ISO_MESSAGES: Record<IsoErrorCode, string> = {
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

const disc = errorFamily(DISC_MESSAGES);
const iso = errorFamily(ISO_MESSAGES);

/** An AppError of disc building, burning or checking; `userMessage` overrides the default Chinese text. */
export const discError = disc.make;
export const isDiscError = disc.is;
/** An AppError of the ISO writer. */
export const isoError = iso.make;
export const isIsoError = iso.is;

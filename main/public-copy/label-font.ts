import { existsSync } from 'node:fs';
import { AppError } from '../common';

/**
 * A font with Chinese glyphs for the burned-in label: the 黑体 the printed forms name (resources/fonts/fonts.conf maps
 * it to Noto Sans CJK SC on Linux), found as a file since drawtext takes a file. EVIDENCE_LABEL_FONT overrides.
 */
const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  win32: ['C:/Windows/Fonts/simhei.ttf', 'C:/Windows/Fonts/msyh.ttc', 'C:/Windows/Fonts/simsun.ttc'],
  darwin: ['/System/Library/Fonts/STHeiti Medium.ttc', '/System/Library/Fonts/PingFang.ttc', '/Library/Fonts/Arial Unicode.ttf'],
  linux: [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  ],
};

export function findLabelFont(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists = existsSync): string {
  const fromEnv = env.EVIDENCE_LABEL_FONT;
  const found = [...(fromEnv ? [fromEnv] : []), ...(CANDIDATES[platform] ?? CANDIDATES.linux!)].find((f) => exists(f));
  if (found) return found;
  // A copy without its label could be mistaken for the original: none is made.
  throw new AppError('LABEL_FONT_MISSING', '未找到可显示中文的字体（黑体），无法加注“公开使用副本”标识。请安装中文字体，或在环境变量 EVIDENCE_LABEL_FONT 中指定字体文件', 'no CJK font for the copy label');
}

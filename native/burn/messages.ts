/** Turns burn tools' English messages into disc AppErrors with the Chinese messages users need. */
import { AppError, discError, type DiscErrorCode } from '../../main/common';

const RULES: { code: DiscErrorCode; re: RegExp }[] = [
  { code: 'DISC_NO_DRIVE', re: /no drives? (found|available)|not a known drive|cannot (open|acquire) drive|no such device|device not found|unable to find (a|the) (burner|recorder)/i },
  { code: 'DISC_NO_MEDIUM', re: /no (media|medium|disc)\b|media (is )?not present|is not present|not ready|insert (a )?(blank )?(media|disc)|E_IMAPI_RECORDER_MEDIA_NO_MEDIA/i },
  { code: 'DISC_NOT_BLANK', re: /not (blank|empty)|is (closed|written)|appendable|needs? (a )?blank|E_IMAPI_RECORDER_MEDIA_NOT_BLANK|MediaHeuristicallyBlank/i },
  { code: 'DISC_TOO_SMALL', re: /too (large|big|small)|not enough (space|room|capacity)|exceeds? (the )?(media|disc|free)|insufficient (space|capacity)|E_IMAPI_DF2DATA_MEDIA_IS_FULL|FreeSectors/i },
];

/** The disc AppError for a failed tool run, from its output; DISC_BURN_FAILED when nothing known matches. */
export function burnErrorFrom(tool: string, output: string, exitCode: number | null): AppError {
  const tail = output.trim().split('\n').slice(-8).join('\n');
  for (const r of RULES) {
    if (r.re.test(output)) return discError(r.code, `${tool} failed (exit ${exitCode}): ${tail}`);
  }
  return discError('DISC_BURN_FAILED', `${tool} failed (exit ${exitCode}): ${tail}`, {
    userMessage: `刻录失败（${tool} 返回 ${exitCode}），请检查刻录机和光盘后重试`,
  });
}

export function tooSmall(imageBytes: number, freeBytes: number): AppError {
  return discError('DISC_TOO_SMALL', `image is ${imageBytes} bytes, the medium has ${freeBytes} free`, {
    userMessage: `光盘容量不足：需要 ${(imageBytes / 1e9).toFixed(2)} GB，光盘可写 ${(freeBytes / 1e9).toFixed(2)} GB，请换用容量更大的光盘`,
  });
}

import { AppError } from '../../common';

/** The largest scan accepted (a signed record form, a loss statement). */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

export type ScanType = 'pdf' | 'jpg' | 'png';

/** Scans are identified by their bytes, never by the name or type the sender claims. */
export function scanType(b: Buffer): ScanType | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return null;
}

/** An uploaded scan's bytes and type from its base64, or a Chinese refusal. */
export function decodeScan(dataBase64: string): { bytes: Buffer; type: ScanType } {
  const b64 = dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new AppError('INVALID_INPUT', '扫描件内容无效');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '扫描件为空');
  if (bytes.length > SCAN_MAX_BYTES) throw new AppError('SCAN_TOO_LARGE', '扫描件不能超过 10 MB');
  const type = scanType(bytes);
  if (!type) throw new AppError('SCAN_TYPE', '扫描件只能是 PDF、JPEG 或 PNG 文件');
  return { bytes, type };
}

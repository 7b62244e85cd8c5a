import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256. Strings are hashed as UTF-8. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

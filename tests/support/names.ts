// What a name made from a hostile recorder volume must be once stored or put on a disc (issue 10 item 13).
import { expect } from 'vitest';

/** Control characters (C0, DEL, C1) and the bidi controls that reorder shown text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
export const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** 255 UTF-8 bytes, the most ext4 allows: 2 + 83 × 3 + 4. */
export const CHINESE_255 = `ab${'证'.repeat(83)}.MP4`;

/** One path segment: nothing that breaks a line, reorders text, or that Windows refuses; at most `maxBytes`. */
export function expectSafeSegment(segment: string, from: string, maxBytes: number): void {
  const why = JSON.stringify(from);
  expect(segment, why).not.toMatch(UNSAFE_CHARS);
  expect(segment, why).not.toMatch(/[<>:"/\\|?*]/);
  expect(segment, why).not.toMatch(/[. ]$/);
  expect(segment, why).not.toBe('');
  expect(WINDOWS_DEVICE.test(segment.split('.')[0]!.trimEnd()), `${why} is a Windows device name`).toBe(false);
  expect(utf8Bytes(segment), why).toBeLessThanOrEqual(maxBytes);
  // Whole code points only: a cut surrogate pair would not survive the round trip through UTF-8.
  expect(Buffer.from(segment, 'utf8').toString('utf8'), why).toBe(segment);
}

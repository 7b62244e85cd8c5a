// Stored names from a hostile or broken recorder volume (issue 10 item 13): each segment of a stored path is
// safe on every OS, fits the 255-byte name limit with room for the collision suffix, and shows what it is.
import { describe, expect, it } from 'vitest';
import { manifestText, safeSegment, SEGMENT_MAX_BYTES, storedRelPath } from '../../../main/ingest';
import { CHINESE_255, expectSafeSegment, utf8Bytes } from '../../support/names';

const bytes = utf8Bytes;
const expectSafe = (segment: string, from: string): void => expectSafeSegment(segment, from, SEGMENT_MAX_BYTES);

const HOSTILE: [string, string][] = [
  ['newline forging a line', 'clip\nOK: every file is in the archive.MP4'],
  ['carriage return and tab', 'a\rb\tc.MP4'],
  ['DEL and C1 controls (NEL, CSI)', 'a\u007fb\u0085c\u009b31m.MP4'],
  ['right-to-left override', 'clip\u202Egnp.MP4'],
  ['bidi embeddings and isolates', '\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069.MP4'],
  ['bidi marks', 'a\u200Eb\u200Fc\u061Cd.MP4'],
  ['device name', 'CON.MP4'],
  ['device name, lower case, no extension', 'nul'],
  ['device name, mixed case, two extensions', 'Aux.tar.gz'],
  ['COM port', 'com1.mp4'],
  ['LPT port', 'LPT9.MOV'],
  ['device name with a trailing space before the extension', 'PRN .MP4'],
  ['trailing dots and spaces', 'clip.MP4. . .'],
  ['only dots', '..'],
  ['empty', ''],
  ['Windows-forbidden characters', 'a<b>c:d"e/f\\g|h?i*j.MP4'],
  ['255 UTF-8 bytes of Chinese', CHINESE_255],
  ['765 UTF-8 bytes (an exFAT name of 255 characters)', `${'录'.repeat(251)}.MP4`],
  ['4-byte code points cut in the middle', `${'x'.repeat(97)}${'😀'.repeat(60)}.MP4`],
];

describe('safeSegment', () => {
  it.each(HOSTILE)('%s', (_what, name) => {
    expectSafe(safeSegment(name), name);
  });

  it('keeps ordinary recorder and Chinese names exactly', () => {
    for (const n of ['A8C0012345_310115_20240520093000_0001.MP4', '张三_询问笔录.mp4', 'IMG 0001.JPG', 'CONSOLE.MP4', 'COM10.mp4', 'nul_1.txt']) {
      expect(safeSegment(n)).toBe(n);
    }
  });

  it('shows a neutralised character as _ and a device name with a leading _', () => {
    expect(safeSegment('clip\u202Egnp.MP4')).toBe('clip_gnp.MP4');
    expect(safeSegment('a\nb.MP4')).toBe('a_b.MP4');
    expect(safeSegment('CON.MP4')).toBe('_CON.MP4');
    expect(safeSegment('con')).toBe('_con');
    expect(safeSegment('Aux.tar.gz')).toBe('_Aux.tar.gz');
    expect(safeSegment('clip.MP4. . .')).toBe('clip.MP4');
  });

  it('cuts a long name on a code point boundary and keeps its extension', () => {
    const cut = safeSegment(CHINESE_255);
    expect(cut.endsWith('.MP4')).toBe(true);
    expect(CHINESE_255.startsWith(cut.slice(0, -4))).toBe(true);
    expect(bytes(cut)).toBeGreaterThan(SEGMENT_MAX_BYTES - 4);
    const emoji = safeSegment(`${'x'.repeat(97)}${'😀'.repeat(60)}.MP4`);
    expect(emoji).toMatch(/^x{97}(😀)+\.MP4$/u);
  });
});

describe('storedRelPath', () => {
  it('makes room for the collision suffix inside the limit and keeps the extension after it', () => {
    for (const n of [2, 9, 10, 123456]) {
      const rel = storedRelPath('2024-05-20', 'A8C0012345', CHINESE_255, n);
      const name = rel.split('/').pop()!;
      expectSafe(name, CHINESE_255);
      expect(name.endsWith(`~${n}.MP4`), name).toBe(true);
    }
    expect(storedRelPath('2024-05-20', 'A8C0012345', 'A.MP4', 2)).toBe('originals/2024/05/20/A8C0012345/A~2.MP4');
    expect(storedRelPath('2024-05-20', 'A8C0012345', 'A.MP4')).toBe('originals/2024/05/20/A8C0012345/A.MP4');
  });

  it('neutralises the recorder folder too (its serial comes from a file on the volume)', () => {
    const rel = storedRelPath('2024-05-20', 'SN\n\u202E../CON', 'a.MP4');
    expect(rel.split('/')).toHaveLength(6);
    for (const seg of rel.split('/')) expectSafe(seg, rel);
  });
});

describe('day manifest text', () => {
  it('refuses a stored path that would break a sha256sum -c line', () => {
    const sha256 = 'a'.repeat(64);
    expect(manifestText([{ sha256, relToDay: 'REC/ok.MP4' }])).toBe(`${sha256}  REC/ok.MP4\n`);
    for (const relToDay of ['REC/a\nb.MP4', 'REC/a\rb.MP4', 'REC/a\u0000b.MP4', 'REC/a\\b.MP4']) {
      expect(() => manifestText([{ sha256, relToDay }]), JSON.stringify(relToDay)).toThrow();
    }
    // An archive from before the naming rule may hold these; each stays on its one line.
    expect(manifestText([{ sha256, relToDay: 'REC/\u202Egnp\u0085.MP4' }]).split('\n')).toHaveLength(2);
  });
});

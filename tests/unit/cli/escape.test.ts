// The CLI's text output escapes what a file name (or any stored text) could use to forge or reorder a line.
import { describe, expect, it } from 'vitest';
import { esc, text } from '../../../main/cli/escape';

describe('esc', () => {
  it.each([
    ['a\nOK: no problems found', 'a\\nOK: no problems found'],
    ['a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['\u001b[32mOK\u001b[0m', '\\u001b[32mOK\\u001b[0m'],
    ['del\u007f c1\u0085\u009b', 'del\\u007f c1\\u0085\\u009b'],
    ['clip\u202Egnp.MP4', 'clip\\u202egnp.MP4'],
    ['\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a', '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u202a'],
  ])('%j → %j', (raw, shown) => {
    expect(esc(raw)).toBe(shown);
  });

  it('leaves ordinary text, Chinese and Windows paths as they are', () => {
    for (const s of ['张三_询问笔录.mp4', 'C:\\Users\\保管员\\archive', 'A8C0012345_310115_20240520093000_0001.MP4 -> originals/2024/05/20/x.MP4']) {
      expect(esc(s)).toBe(s);
    }
  });
});

describe('text', () => {
  it('escapes every interpolated value and none of the literal text', () => {
    const name = 'x\nOK: no problems found';
    expect(text`PROBLEM [extra]\t${name}: ${'多余文件'}\n`).toBe('PROBLEM [extra]\tx\\nOK: no problems found: 多余文件\n');
    expect(text`${3} file(s), ${null} ${undefined}`).toBe('3 file(s), null undefined');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRecorderFileName } from '../../../main/media';

const at = (y: number, m: number, d: number, hh: number, mm: number, ss: number) => ({ y, m, d, hh, mm, ss });

describe('parseRecorderFileName', () => {
  const cases: [string, ReturnType<typeof parseRecorderFileName>][] = [
    ['A8C0012345_310115_20240520093000_0001.MP4', { serial: 'A8C0012345', badge: '310115', startLocal: at(2024, 5, 20, 9, 30, 0), seq: 1 }],
    ['DSJ_A8C0012345_310115_20240520093000_0002.MP4', { serial: 'A8C0012345', badge: '310115', startLocal: at(2024, 5, 20, 9, 30, 0), seq: 2 }],
    ['DSJ-A8_310115_20240520093000_0003.mp4', { serial: 'DSJ-A8', badge: '310115', startLocal: at(2024, 5, 20, 9, 30, 0), seq: 3 }],
    ['20240520_093000_0004.MP4', { startLocal: at(2024, 5, 20, 9, 30, 0), seq: 4 }],
    ['2024_0520_093000_005.MOV', { startLocal: at(2024, 5, 20, 9, 30, 0), seq: 5 }],
    ['310115_20240520093000_0006A.MP4', { badge: '310115', startLocal: at(2024, 5, 20, 9, 30, 0), seq: 6 }],
    ['X9Y8_20240520093000.MP4', { serial: 'X9Y8', startLocal: at(2024, 5, 20, 9, 30, 0) }],
    ['A8C0012345_310115_20240520093000_0007_IMP.MP4', { serial: 'A8C0012345', badge: '310115', startLocal: at(2024, 5, 20, 9, 30, 0), seq: 7 }],
    ['A8C0012345_310115_19700101080000_0001.MP4', { serial: 'A8C0012345', badge: '310115', startLocal: at(1970, 1, 1, 8, 0, 0), seq: 1 }],
    ['/media/usb/DCIM/20240229_235959_0001.WAV', { startLocal: at(2024, 2, 29, 23, 59, 59), seq: 1 }],
    ['20230229_120000_0001.MP4', {}], // no 29 February in 2023
    ['A8_310115_20241320093000_0001.MP4', {}], // month 13
    ['张三_询问笔录.mp4', {}],
    ['IMG_1234.JPG', {}],
    ['', {}],
  ];
  it.each(cases)('%s', (name, expected) => {
    expect(parseRecorderFileName(name)).toEqual(expected);
  });
});

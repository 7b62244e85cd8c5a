import { describe, expect, it } from 'vitest';
import { mediaContentType, needsProxy, type PlayableFacts } from '../../../main/media';
import { parseRange } from '../../../main/api';

const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
const f = (p: Partial<PlayableFacts>): PlayableFacts => ({ kind: 'video', container: mp4, videoCodec: 'h264', audioCodec: 'aac', flags: [], ...p });

describe('needsProxy', () => {
  it.each<[string, Partial<PlayableFacts>, boolean]>([
    ['H.264/AAC in MP4 plays', {}, false],
    ['H.264 without audio plays', { audioCodec: null }, false],
    ['H.264/MP3 in MP4 plays', { audioCodec: 'mp3' }, false],
    ['HEVC needs a proxy', { videoCodec: 'hevc' }, true],
    ['H.264 with PCM audio needs a proxy', { audioCodec: 'pcm_s16le' }, true],
    ['AVI needs a proxy', { container: 'avi' }, true],
    ['MPEG-TS needs a proxy', { container: 'mpegts' }, true],
    ['WAV PCM plays', { kind: 'audio', container: 'wav', videoCodec: null, audioCodec: 'pcm_s16le' }, false],
    ['MP3 plays', { kind: 'audio', container: 'mp3', videoCodec: null, audioCodec: 'mp3' }, false],
    ['AMR needs a proxy', { kind: 'audio', container: 'amr', videoCodec: null, audioCodec: 'amrnb' }, true],
    ['WAV with ADPCM needs a proxy', { kind: 'audio', container: 'wav', videoCodec: null, audioCodec: 'adpcm_ima_wav' }, true],
    ['JPEG photo plays', { kind: 'photo', container: 'image2', videoCodec: 'mjpeg', audioCodec: null }, false],
    ['HEIC photo needs a JPEG', { kind: 'photo', container: 'mov,mp4,m4a,3gp,3g2,mj2', videoCodec: 'hevc', audioCodec: null }, true],
    ['unreadable: nothing to convert', { videoCodec: 'hevc', flags: ['unreadable'] }, false],
  ])('%s', (_n, p, expected) => {
    expect(needsProxy(f(p))).toBe(expected);
  });
});

describe('mediaContentType', () => {
  it('serves only media types, by kind and extension', () => {
    expect(mediaContentType('video', 'A.MP4')).toBe('video/mp4');
    expect(mediaContentType('audio', 'R.WAV')).toBe('audio/wav');
    expect(mediaContentType('photo', 'P.JPG')).toBe('image/jpeg');
    expect(mediaContentType('photo', 'evil.svg')).toBe('image/jpeg');
    expect(mediaContentType('video', 'page.html')).toBe('video/mp4');
    expect(mediaContentType('audio', 'x.mp4')).toBe('audio/mpeg');
    expect(mediaContentType('other', 'notes.txt')).toBeNull();
  });
});

describe('parseRange', () => {
  it.each<[string | null, number, ReturnType<typeof parseRange>]>([
    [null, 100, { kind: 'whole' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-200', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=50-', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=0-0,5-6', 100, { kind: 'partial', start: 0, end: 0 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-3', 100, { kind: 'whole' }],
    ['bytes=a-b', 100, { kind: 'whole' }],
    ['items=0-9', 100, { kind: 'whole' }],
    ['bytes=-', 100, { kind: 'whole' }],
  ])('%s of %d', (h, size, expected) => {
    expect(parseRange(h, size)).toEqual(expected);
  });
});

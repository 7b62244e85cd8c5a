import { describe, expect, it } from 'vitest';
import {
  classifyKind,
  mediaFlags,
  parseProbeJson,
  walkTopLevelBoxes,
  type ProbeResult,
} from '../../../main/media';

const video: ProbeResult = { readable: true, hasVideo: true, hasAudio: true, container: 'mov,mp4,m4a,3gp,3g2,mj2', videoCodec: 'h264', audioCodec: 'aac' };
const muted: ProbeResult = { ...video, hasAudio: false, audioCodec: undefined };
const jpeg: ProbeResult = { readable: true, hasVideo: true, hasAudio: false, container: 'image2', videoCodec: 'mjpeg' };
const wav: ProbeResult = { readable: true, hasVideo: false, hasAudio: true, container: 'wav', audioCodec: 'pcm_s16le' };
const bad: ProbeResult = { readable: false, hasVideo: false, hasAudio: false, error: 'x' };

describe('classifyKind', () => {
  it.each([
    ['a.MP4', undefined, 'video'],
    ['a.mov', bad, 'video'],
    ['a.JPG', jpeg, 'photo'],
    ['a.jpg', undefined, 'photo'],
    ['a.WAV', wav, 'audio'],
    ['a.MP4', wav, 'audio'], // the probe wins over a misleading extension
    ['a.bin', video, 'video'],
    ['a.txt', undefined, 'other'],
    ['noext', undefined, 'other'],
    ['a.AMR', undefined, 'audio'],
  ] as const)('%s', (name, probe, kind) => {
    expect(classifyKind(name, probe)).toBe(kind);
  });
});

describe('mediaFlags', () => {
  it.each([
    ['normal video', video, 100, undefined, []],
    ['video without audio (art. 2)', muted, 100, undefined, ['no_audio']],
    ['photo has no audio and is fine', jpeg, 100, 'photo', []],
    ['photo recognised from container', jpeg, 100, undefined, []],
    ['audio', wav, 100, 'audio', []],
    ['unreadable', bad, 100, 'video', ['unreadable']],
    ['truncated and unreadable', { ...bad, truncated: true }, 100, 'video', ['unreadable', 'truncated']],
    ['truncated but playable', { ...video, truncated: true }, 100, 'video', ['truncated']],
    ['zero byte', bad, 0, 'video', ['zero_byte']],
  ] as const)('%s', (_what, probe, size, kind, flags) => {
    expect(mediaFlags(probe, size, kind)).toEqual(flags);
  });
});

describe('parseProbeJson', () => {
  it('reads streams, format and creation_time', () => {
    const r = parseProbeJson({
      streams: [
        { codec_type: 'video', codec_name: 'hevc', width: 1920, height: 1080, tags: { creation_time: '2024-05-20T09:30:00.000000Z' } },
        { codec_type: 'audio', codec_name: 'aac' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '600.040000' },
    });
    expect(r).toMatchObject({ readable: true, hasVideo: true, hasAudio: true, videoCodec: 'hevc', audioCodec: 'aac', width: 1920, height: 1080, durationSec: 600.04 });
    expect(r.creationTime?.toISOString()).toBe('2024-05-20T09:30:00.000Z');
  });
  it('prefers the format creation_time and ignores cover art', () => {
    const r = parseProbeJson({
      streams: [
        { codec_type: 'audio', codec_name: 'mp3', tags: { creation_time: '2020-01-01T00:00:00Z' } },
        { codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 } },
      ],
      format: { format_name: 'mp3', tags: { creation_time: '2024-01-02T03:04:05Z' } },
    });
    expect(r.hasVideo).toBe(false);
    expect(r.creationTime?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
  });
  it('a creation_time without a zone is UTC, whatever zone the machine is in', () => {
    const r = parseProbeJson({ streams: [{ codec_type: 'video', codec_name: 'h264' }], format: { tags: { creation_time: '2024-05-20 09:30:00' } } });
    expect(r.creationTime?.toISOString()).toBe('2024-05-20T09:30:00.000Z');
    const offset = parseProbeJson({ streams: [{ codec_type: 'video', codec_name: 'h264' }], format: { tags: { creation_time: '2024-05-20T09:30:00+08:00' } } });
    expect(offset.creationTime?.toISOString()).toBe('2024-05-20T01:30:00.000Z');
  });
  it('empty output is unreadable, garbage creation_time is dropped', () => {
    expect(parseProbeJson({}).readable).toBe(false);
    expect(parseProbeJson(null).readable).toBe(false);
    const r = parseProbeJson({ streams: [{ codec_type: 'video', tags: { creation_time: 'yesterday' } }], format: {} });
    expect(r.creationTime).toBeUndefined();
    expect(r.creationTimeRaw).toBe('yesterday');
  });
});

function box(type: string, payload: number, size = payload + 8): Buffer {
  const b = Buffer.alloc(8 + payload);
  b.writeUInt32BE(size, 0);
  b.write(type, 4, 'latin1');
  return b;
}
const reader = (buf: Buffer) => async (pos: number, len: number) => buf.subarray(pos, pos + len);

describe('walkTopLevelBoxes', () => {
  it('complete file', async () => {
    const f = Buffer.concat([box('ftyp', 16), box('mdat', 100), box('moov', 50)]);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ isoBmff: true, truncated: false, hasMoov: true });
  });
  it('mdat cut short (power lost): truncated', async () => {
    const f = Buffer.concat([box('ftyp', 16), box('mdat', 100), box('moov', 50)]).subarray(0, 90);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ isoBmff: true, truncated: true, hasMoov: false });
  });
  it('moov first (faststart) with mdat cut: truncated', async () => {
    const f = Buffer.concat([box('ftyp', 16), box('moov', 50), box('mdat', 100)]).subarray(0, 120);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ truncated: true, hasMoov: true });
  });
  it('mdat size 0 (to end of file) and no moov: truncated', async () => {
    const f = Buffer.concat([box('ftyp', 16), box('mdat', 100, 0)]);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ truncated: true, hasMoov: false });
  });
  it('64-bit box size', async () => {
    const big = Buffer.alloc(16 + 40);
    big.writeUInt32BE(1, 0);
    big.write('mdat', 4, 'latin1');
    big.writeBigUInt64BE(56n, 8);
    const f = Buffer.concat([box('ftyp', 16), big, box('moov', 8)]);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ truncated: false, hasMoov: true, boxes: ['ftyp', 'mdat', 'moov'] });
  });
  it('zero padding after a complete file is tolerated', async () => {
    const f = Buffer.concat([box('ftyp', 16), box('moov', 8), box('mdat', 8), Buffer.alloc(64)]);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ truncated: false });
  });
  it('not ISO-BMFF', async () => {
    const f = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(await walkTopLevelBoxes(reader(f), f.length)).toMatchObject({ isoBmff: false, truncated: false });
  });
});

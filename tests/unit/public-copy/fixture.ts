// A recorder clip made for masking (issue 15): a 4 px checkerboard (high variance) inside a 64×48 box moving right at
// 20 px/s from x=40 (y=60) over a test card, with a 500 Hz tone throughout; ingested, and asked for public use.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '../../../main/api';
import { formatCompactLocal, locateTools, utcToZoned } from '../../../main/media';
import { ingestAndWait } from '../../support/ingest';
import { makeOfficeApi, OFFICE_SETUP, type TestApi } from '../../support/services';
import { approve, userWith } from '../api/access-fixture';

const run = promisify(execFile);
export const SERIAL = 'A8C0077001';
export const BADGE = '310177';
export const START = new Date('2026-11-20T01:00:00Z');
/** The moving box: x = 40 + 20 t, y = 60, 64×48. */
export const boxAt = (t: number) => ({ x: 40 + 20 * t, y: 60, w: 64, h: 48 });

export function ffmpegBin(): string {
  const f = locateTools().ffmpeg;
  if (!f) throw new Error('ffmpeg not found');
  return f;
}

async function patternClip(dir: string): Promise<void> {
  const local = utcToZoned(START, OFFICE_SETUP.timeZone);
  const name = `${SERIAL}_${BADGE}_${formatCompactLocal(local)}_0001.MP4`;
  await run(ffmpegBin(), [
    '-hide_banner', '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=4',
    '-f', 'lavfi', '-i', "nullsrc=size=64x48:rate=10:duration=4,geq=lum='if(mod(floor(X/4)+floor(Y/4),2),255,0)':cb=128:cr=128",
    '-f', 'lavfi', '-i', 'sine=frequency=500:sample_rate=48000:duration=4',
    '-filter_complex', "[0:v][1:v]overlay=x='40+20*t':y=60:shortest=1,format=yuv420p[v]",
    '-map', '[v]', '-map', '2:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '8', '-c:a', 'aac', '-b:a', '96k',
    path.join(dir, name),
  ]);
}

export interface CopyOffice {
  t: TestApi;
  admin: Client;
  chief: Client;
  officer: { client: Client; id: number };
  mediaId: number;
  sha256: string;
  storedPath: string;
}

/** The office with the clip ingested, the chief and an officer logged in. */
export async function officeWithPatternClip(): Promise<CopyOffice> {
  const { t, admin } = await makeOfficeApi(new Date('2026-11-20T08:00:00Z'));
  const dir = mkdtempSync(path.join(tmpdir(), 'ew-pc-src-'));
  await patternClip(dir);
  const sourceId = t.services.sources.addFolder(dir).id;
  await ingestAndWait(t, admin, { sourceId, recorderSerial: SERIAL, officerBadge: BADGE, officerName: '张三' });
  const row = t.services.archive.open().db.prepare('SELECT id, sha256, stored_path AS storedPath FROM media').get() as { id: number; sha256: string; storedPath: string };
  const chief = t.client('chief');
  await t.call(chief, 'session.login', { login: OFFICE_SETUP.chief.login, password: OFFICE_SETUP.chief.password });
  const officer = await userWith(t, admin, 'wang', ['officer'], '王警官');
  return { t, admin, chief, officer, mediaId: row.id, sha256: row.sha256, storedPath: row.storedPath };
}

/** The officer asks for `type` on the clip; the chief approves, naming `named` (none: the requester alone). */
export async function approved(o: CopyOffice, type: 'public' | 'work', named?: number[]): Promise<number> {
  const req = await o.t.call(o.officer.client, 'access.request', { type, scope: { kind: 'media', id: o.mediaId }, reason: '新闻通稿配发视频' });
  await approve(o.t, o.chief, req.id, named ? { namedUserIds: named } : {});
  return req.id;
}

/** One frame of a video as 8-bit grey, row by row. */
export async function greyFrame(file: string, at: number, width = 320, height = 240): Promise<Uint8Array> {
  const { stdout } = await run(ffmpegBin(), ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], {
    encoding: 'buffer',
    maxBuffer: 10 * width * height,
  });
  return new Uint8Array(stdout);
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function pixels(frame: Uint8Array, b: Box, width = 320): number[] {
  const out: number[] = [];
  for (let y = Math.round(b.y); y < Math.round(b.y + b.h); y++) for (let x = Math.round(b.x); x < Math.round(b.x + b.w); x++) out.push(frame[y * width + x]!);
  return out;
}

export function variance(frame: Uint8Array, b: Box): number {
  const p = pixels(frame, b);
  const mean = p.reduce((s, v) => s + v, 0) / p.length;
  return p.reduce((s, v) => s + (v - mean) ** 2, 0) / p.length;
}

export function meanAbsDiff(a: Uint8Array, b: Uint8Array, box: Box): number {
  const pa = pixels(a, box);
  const pb = pixels(b, box);
  return pa.reduce((s, v, i) => s + Math.abs(v - pb[i]!), 0) / pa.length;
}

/** The loudest sample of [from, from + seconds) in dBFS (-Infinity when silent), by ffmpeg's volumedetect. */
export async function maxVolume(file: string, from: number, seconds: number): Promise<number> {
  const { stderr } = await run(ffmpegBin(), ['-hide_banner', '-nostats', '-ss', String(from), '-t', String(seconds), '-i', file, '-vn', '-af', 'volumedetect', '-f', 'null', '-']);
  const m = /max_volume:\s*(-?inf|-?[\d.]+) dB/.exec(stderr);
  if (!m) throw new Error(`no volumedetect output: ${stderr.slice(-300)}`);
  return m[1]!.endsWith('inf') ? -Infinity : Number(m[1]);
}

import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { walkTopLevelBoxes, type BoxWalk } from './iso-bmff';
import { requireTool } from './tools';
import type { ExecutablePath, ProbeResult } from './types';

export interface ProbeOptions {
  timeoutMs?: number;
  /** Defaults to locateTools(); an AppError (FFPROBE_NOT_FOUND) is thrown when there is none. */
  ffprobePath?: ExecutablePath;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function parseCreationTime(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  // ffprobe prints "2024-05-20T09:30:00.000000Z"; Date wants at most milliseconds.
  let text = raw.trim().replace(/(\.\d{3})\d+/, '$1');
  // A tag without a zone ("2024-05-20 09:30:00", some containers) is read as UTC, as MP4 defines it, never in
  // this machine's zone (Date's default); decideStartTime then judges recorders that meant local time.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Pure: ffprobe's `-show_format -show_streams` JSON to a ProbeResult (without the truncation check). */
export function parseProbeJson(data: unknown): ProbeResult {
  const root = obj(data);
  const format = obj(root?.format);
  const streams = Array.isArray(root?.streams) ? root.streams.map(obj).filter((s): s is Json => !!s) : [];
  if (!format && streams.length === 0) return { readable: false, error: 'no format or streams', hasAudio: false, hasVideo: false };

  // Cover art inside audio files is a "video" stream; it is not picture recording.
  const video = streams.find((s) => s.codec_type === 'video' && obj(s.disposition)?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const result: ProbeResult = { readable: true, hasVideo: !!video, hasAudio: !!audio };

  const container = str(format?.format_name);
  if (container) result.container = container;
  const duration = num(format?.duration) ?? num(video?.duration) ?? num(audio?.duration);
  if (duration !== undefined) result.durationSec = duration;
  const vc = str(video?.codec_name);
  if (vc) result.videoCodec = vc;
  const ac = str(audio?.codec_name);
  if (ac) result.audioCodec = ac;
  const w = num(video?.width);
  const h = num(video?.height);
  if (w !== undefined) result.width = w;
  if (h !== undefined) result.height = h;

  const rawCreation =
    str(obj(format?.tags)?.creation_time) ??
    streams.map((s) => str(obj(s.tags)?.creation_time)).find((t) => t !== undefined);
  const created = parseCreationTime(rawCreation);
  if (rawCreation) result.creationTimeRaw = rawCreation;
  if (created) result.creationTime = created;
  return result;
}

/** Last meaningful ffprobe stderr line, without the "[mov,mp4,… @ 0x…]" prefix noise kept elsewhere. */
function stderrSummary(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.slice(-3).join(' | ').slice(0, 500) || 'ffprobe failed';
}

export async function checkBoxes(file: string, size: number): Promise<BoxWalk | null> {
  if (size === 0) return null;
  const fh = await open(file, 'r');
  try {
    return await walkTopLevelBoxes(async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    }, size);
  } finally {
    await fh.close();
  }
}

interface RunResult { code: number | null; stdout: string; stderr: string; timedOut: boolean; spawnError?: Error }

const MAX_OUTPUT = 16 * 1024 * 1024;

function runFfprobe(bin: string, file: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path.resolve(file)];
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      outLen += b.length;
      if (outLen <= MAX_OUTPUT) out.push(b);
      else child.kill('SIGKILL');
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 256) err.push(b);
    });
    const finish = (r: Omit<RunResult, 'stdout' | 'stderr' | 'timedOut'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    };
    child.on('error', (e) => finish({ code: null, spawnError: e }));
    child.on('close', (code) => finish({ code }));
  });
}

/**
 * Probes one file. Never rejects for a bad file (it resolves readable:false); rejects only when ffprobe
 * itself is missing (AppError FFPROBE_NOT_FOUND).
 */
export async function probeMedia(file: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const bin = options.ffprobePath ?? requireTool('ffprobe');
  const timeoutMs = options.timeoutMs ?? 15_000;

  let size: number;
  try {
    const st = await open(file, 'r').then(async (fh) => {
      try { return await fh.stat(); } finally { await fh.close(); }
    });
    size = st.size;
  } catch (e) {
    return { readable: false, error: `cannot open: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, hasAudio: false, hasVideo: false };
  }
  if (size === 0) return { readable: false, error: 'empty file', hasAudio: false, hasVideo: false };

  const [run, boxes] = await Promise.all([
    runFfprobe(bin, file, timeoutMs),
    checkBoxes(file, size).catch(() => null),
  ]);

  let result: ProbeResult;
  if (run.spawnError) {
    result = { readable: false, error: `ffprobe could not start: ${run.spawnError.message}`, hasAudio: false, hasVideo: false };
  } else if (run.timedOut) {
    result = { readable: false, timedOut: true, error: `ffprobe timed out after ${timeoutMs} ms`, hasAudio: false, hasVideo: false };
  } else if (run.code !== 0) {
    result = { readable: false, error: stderrSummary(run.stderr), hasAudio: false, hasVideo: false };
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(run.stdout);
    } catch {
      parsed = undefined;
    }
    result = parsed === undefined
      ? { readable: false, error: 'ffprobe printed no JSON', hasAudio: false, hasVideo: false }
      : parseProbeJson(parsed);
  }
  if (boxes?.isoBmff && boxes.truncated) result.truncated = true;
  return result;
}

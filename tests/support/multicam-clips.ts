// The same scene seen by several body-worn cameras, for 多机位同步 (issue 15 item 1): each clip shows the scene with a
// flash (white frames) and a beep at one true wall-clock instant; its start is stamped by its recorder's clock, one of
// which runs a known number of seconds ahead. Generated at test time with ffmpeg; nothing is committed.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deviceInfoFile, recorderClip } from '../fixtures/recorder-clips';

/** Frames per second of every clip: one frame is 40 ms, the most two players may differ. */
export const SCENE_FPS = 25;
/** The flash lasts this many frames; the beep as long. */
export const FLASH_FRAMES = 8;
/** A black square in the top-left corner of every frame, except while the flash whitens the whole picture: read it. */
export const PROBE_BOX = { x: 8, y: 8, size: 48 };

export interface SceneCamera {
  serial: string;
  badge: string;
  officer: string;
  /** When the camera truly started recording. */
  trueStart: Date;
  /** Recorder clock minus true time, whole seconds (what docking measures). */
  driftSec: number;
  seconds: number;
}

export interface MadeSceneClip {
  camera: SceneCamera;
  /** Where its volume is (DCIM/<clip> and DEVICE.TXT once docked). */
  volume: string;
  name: string;
  /** The start as the recorder stamped it (true start + drift). */
  stampedStart: Date;
  /** Seconds into the clip at which the flash begins. */
  flashAtSec: number;
}

/**
 * ffmpeg sources for one clip: the test pattern with the black probe square, the whole frame white for FLASH_FRAMES
 * frames from `flashAtSec`, and a 1 kHz beep at the same moment over silence.
 */
export function sceneSources(seconds: number, flashAtSec: number): { video: string; audio: string } {
  const until = flashAtSec + FLASH_FRAMES / SCENE_FPS;
  const b = PROBE_BOX;
  return {
    video:
      `testsrc2=size=320x240:rate=${SCENE_FPS}:duration=${seconds},` +
      `drawbox=x=${b.x}:y=${b.y}:w=${b.size}:h=${b.size}:color=black:t=fill,` +
      `drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='gte(t,${flashAtSec})*lt(t,${until})'`,
    audio: `aevalsrc='if(gte(t,${flashAtSec})*lt(t,${until}),0.8*sin(2*PI*1000*t),0)':s=16000:d=${seconds}`,
  };
}

/**
 * One volume per camera under `dir`, each with its clip of the scene whose flash and beep happen at `eventAt` (true
 * time). The DEVICE.TXT that carries the recorder's clock is written at docking (`dockVolume`), when "now" is known.
 */
export async function makeScene(dir: string, cameras: SceneCamera[], eventAt: Date, timeZone: string): Promise<MadeSceneClip[]> {
  const made: MadeSceneClip[] = [];
  // One at a time: the build machines have two cores and other specs run beside this one.
  for (const camera of cameras) {
    const volume = path.join(dir, camera.serial);
    const media = path.join(volume, 'DCIM');
    await mkdir(media, { recursive: true });
    const flashAtSec = (eventAt.getTime() - camera.trueStart.getTime()) / 1000;
    if (flashAtSec <= 0 || flashAtSec >= camera.seconds) throw new Error(`camera ${camera.serial} does not see the event`);
    const stampedStart = new Date(camera.trueStart.getTime() + camera.driftSec * 1000);
    const name = await recorderClip(media, {
      serial: camera.serial,
      badge: camera.badge,
      start: stampedStart,
      seconds: camera.seconds,
      audio: true,
      timeZone,
      lavfi: sceneSources(camera.seconds, flashAtSec),
    });
    made.push({ camera, volume, name, stampedStart, flashAtSec });
  }
  return made;
}

/** At docking: DEVICE.TXT showing the recorder's own clock now (true `now` + its drift), as the recorder writes it. */
export async function dockVolume(clip: MadeSceneClip, now: Date, timeZone: string): Promise<void> {
  await deviceInfoFile(clip.volume, { serial: clip.camera.serial, badge: clip.camera.badge, clockNow: new Date(now.getTime() + clip.camera.driftSec * 1000), timeZone });
}

/**
 * Seconds into a clip's sound at which its beep begins: the file's first audio stream decoded by ffmpeg (mono, 16 kHz
 * float), the first sample at half the loudest (the beep is the only sound; half its level is past any encoder's
 * smear before it). null when the clip is silent.
 */
export function beepOnsetSec(file: string): number | null {
  const rate = 16000;
  const r = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`ffmpeg could not decode ${file}: ${r.stderr.toString()}`);
  const pcm = new Float32Array(r.stdout.buffer, r.stdout.byteOffset, Math.floor(r.stdout.byteLength / 4));
  let peak = 0;
  for (const x of pcm) peak = Math.max(peak, Math.abs(x));
  if (peak === 0) return null;
  return pcm.findIndex((x) => Math.abs(x) >= peak / 2) / rate;
}

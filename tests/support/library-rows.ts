// A brigade's library as it grows over three years, written straight into a real store (the real
// migrations' schema and triggers, so the FTS indexes fill as they would): 20 recorders worn by
// named officers, a working day of recordings each split into segments, photos and audio clips
// beside them, 5 % of media in cases (whole recordings), notes on 10 %. No files behind the rows.
// One transaction and prepared statements: 1 000 000 media in about a minute; deterministic by seed.
import type { Db } from '../../main/store';

export interface GeneratedLibrary {
  media: number;
  recordings: number;
  officers: { id: number; name: string }[];
  recorders: { id: number; serial: string }[];
  cases: { id: number; number: string; title: string; mediaIds: number[] }[];
  /** media id → note text, for the media that have one. */
  notes: Map<number, string>;
  /** The first and last start times written (ISO, UTC). */
  firstStart: string;
  lastStart: string;
}

const OFFICER_NAMES = ['张三', '李四', '王五', '赵六', '刘德明', '陈建国', '杨光', '黄志强', '周杰', '吴海燕', '徐立', '孙红梅', '马超', '朱晓东', '胡斌', '郭靖', '林峰', '何平', '高明', '罗成', '郑义', '梁静', '谢宇', '宋佳'];
const CASE_KINDS = ['盗窃案', '殴打他人案', '寻衅滋事案', '交通肇事案', '违章建筑案', '占道经营案', '噪声扰民案', '醉酒驾驶案'];
const NOTES = ['当事人拒绝配合检查', '现场有围观群众', '已口头警告', '当事人情绪激动', '夜间巡逻', '商户占道经营', '车辆违停', '调解成功', '已开具责令改正通知书', '现场取证完毕'];
const CATEGORIES = ['inspection', 'coercive', 'evidence', 'investigation', 'minor', 'sensitive', 'uncooperative', 'other'] as const;
const FLAGS = ['truncated', 'no_audio', 'clock_suspect', 'unreadable', 'zero_byte'] as const;
const SEGMENT_SEC = 600;
const DAY_MS = 86_400_000;
/** Bytes a second of video at about 10 Mbit/s; audio and photos are small. */
const VIDEO_RATE = 1_250_000;

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The recorder's own file name: serial, running number, local start time (UTC+8), as such recorders write them. */
function fileName(serial: string, n: number, startMs: number, ext: string): string {
  const d = new Date(startMs + 8 * 3_600_000);
  const local = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${serial}_${local}_${pad(n % 100_000, 5)}.${ext}`;
}

/**
 * Writes `count` media into `db` (an office is set up: user 1 exists). Days run from 2023-12-01 (office
 * zone) until `count` is reached, about three years at 1 000 000. Returns what the checks need to
 * know; the media rows themselves are not kept in memory.
 */
export function generateLibrary(db: Db, count: number, seed = 14): GeneratedLibrary {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const now = '2026-11-28T00:00:00.000Z';
  const out: GeneratedLibrary = { media: 0, recordings: 0, officers: [], recorders: [], cases: [], notes: new Map(), firstStart: '', lastStart: '' };

  // A million rows touch a dozen indexes at random places: keep their pages in memory until the commit.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -1048576');
  db.transaction(() => {
    const insOfficer = db.prepare('INSERT INTO officers (name, badge_no, created_at) VALUES (?, ?, ?)');
    OFFICER_NAMES.forEach((name, i) => out.officers.push({ id: Number(insOfficer.run(name, `G${pad(i + 1, 5)}`, now).lastInsertRowid), name }));
    const insRecorder = db.prepare("INSERT INTO recorders (serial, brand, model, created_at) VALUES (?, '某品牌', 'DSJ-V9', ?)");
    for (let i = 0; i < 20; i++) {
      const serial = `DSJ${pad(7301 + i, 6)}`;
      out.recorders.push({ id: Number(insRecorder.run(serial, now).lastInsertRowid), serial });
    }
    const session = Number(
      db.prepare("INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, source_label, source_kind) VALUES (?, ?, 'completed', 1, 'generated', 'folder')").run(now, now).lastInsertRowid,
    );
    const insRecording = db.prepare('INSERT INTO recordings (recorder_id, officer_id, start_at, end_at, segments, gaps) VALUES (?, ?, ?, ?, ?, ?)');
    const insMedia = db.prepare(
      `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, recorder_id, officer_id, ingest_session_id, recording_id,
         start_at, end_at, start_source, day, duration_sec, container, video_codec, audio_codec, has_audio, flags, classification, key_mark, category,
         retention_until, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'file_name', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insNote = db.prepare('INSERT INTO media_notes (media_id, text, updated_by, updated_at) VALUES (?, ?, 1, ?)');
    const insCase = db.prepare('INSERT INTO cases (number, title, created_by, created_at) VALUES (?, ?, 1, ?)');
    const insItem = db.prepare('INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (?, ?, 1, ?)');

    // Each recorder is worn by one officer, handed to another now and then (24 officers, 20 recorders).
    const wearer = out.recorders.map((_, i) => out.officers[i]!.id);
    const running = out.recorders.map(() => 0);
    const day0 = Date.UTC(2023, 10, 30, 16); // 2023-12-01 00:00 in the office zone
    const fileOf = (rec: number, startMs: number, ext: string) => fileName(out.recorders[rec]!.serial, ++running[rec]!, startMs, ext);

    const addMedia = (rec: number, kind: 'video' | 'audio' | 'photo', startMs: number, durationSec: number | null, recordingId: number | null, name: string): number => {
      const start = new Date(startMs).toISOString();
      const day = new Date(startMs + 8 * 3_600_000).toISOString().slice(0, 10);
      const size = kind === 'photo' ? 2_000_000 + Math.floor(r() * 4_000_000) : Math.floor((durationSec ?? 0) * (kind === 'video' ? VIDEO_RATE : 16_000) * (0.8 + r() * 0.4));
      const flags = r() < 0.04 ? [pick(FLAGS)] : [];
      const x = r();
      const classification = x < 0.9 ? 'normal' : x < 0.95 ? 'privacy' : x < 0.98 ? 'business_secret' : 'state_secret';
      const n = out.media + 1;
      const id = Number(insMedia.run(
        n.toString(16).padStart(64, '0'), size, `originals/${day.replaceAll('-', '/')}/${out.recorders[rec]!.serial}/${n}.bin`, name, `DCIM/${name}`, kind,
        out.recorders[rec]!.id, wearer[rec]!, session, recordingId, start,
        durationSec === null ? null : new Date(startMs + durationSec * 1000).toISOString(), day, durationSec,
        kind === 'video' ? 'mov,mp4,m4a,3gp,3g2,mj2' : kind === 'audio' ? 'wav' : 'image2', kind === 'video' ? 'h264' : kind === 'photo' ? 'mjpeg' : null,
        kind === 'photo' ? null : 'aac', kind === 'photo' ? 0 : 1, JSON.stringify(flags), classification, r() < 0.03 ? 1 : 0,
        r() < 0.3 ? null : pick(CATEGORIES), '2099-01-01T00:00:00.000Z', now,
      ).lastInsertRowid);
      out.media = n;
      if (!out.firstStart) out.firstStart = start;
      out.lastStart = start;
      if (r() < 0.1) {
        const note = `${pick(NOTES)}，${pick(OFFICER_NAMES)}在场`;
        insNote.run(id, note, now);
        out.notes.set(id, note);
      }
      return id;
    };

    for (let d = 0; out.media < count; d++) {
      for (let rec = 0; rec < out.recorders.length && out.media < count; rec++) {
        if (r() < 0.01) wearer[rec] = pick(out.officers).id;
        // A shift of recordings between 07:00 and 22:00 office time; about 46 files a recorder-day.
        let t = day0 + d * DAY_MS - 8 * 3_600_000 + (7 + 8) * 3_600_000 + Math.floor(r() * 1800) * 1000;
        for (let k = 0; k < 20 && out.media < count; k++) {
          const roll = r();
          if (roll < 0.1) {
            addMedia(rec, 'photo', t, null, null, fileOf(rec, t, 'JPG'));
            t += 60_000;
            continue;
          }
          if (roll < 0.15) {
            const sec = 30 + Math.floor(r() * 900);
            addMedia(rec, 'audio', t, sec, null, fileOf(rec, t, 'WAV'));
            t += sec * 1000 + 60_000;
            continue;
          }
          const total = 60 + Math.floor(r() * 2400);
          const segments = Math.ceil(total / SEGMENT_SEC);
          const recording = Number(insRecording.run(out.recorders[rec]!.id, wearer[rec]!, new Date(t).toISOString(), new Date(t + total * 1000).toISOString(), segments, '[]').lastInsertRowid);
          out.recordings++;
          const ids: number[] = [];
          for (let s = 0; s < segments && out.media < count; s++) {
            const sec = Math.min(SEGMENT_SEC, total - s * SEGMENT_SEC);
            ids.push(addMedia(rec, 'video', t + s * SEGMENT_SEC * 1000, sec, recording, fileOf(rec, t + s * SEGMENT_SEC * 1000, 'MP4')));
          }
          // 5 % of media end up in cases: whole recordings, a few to a case.
          if (r() < 0.05) {
            const last = out.cases.at(-1);
            const c =
              last && last.mediaIds.length < 8 && r() < 0.5
                ? last
                : (() => {
                    const n = out.cases.length + 1;
                    const year = new Date(t).getUTCFullYear();
                    const made = { id: 0, number: `XZ${year}-${pad(n, 5)}`, title: `${pick(OFFICER_NAMES).slice(0, 1)}某某${pick(CASE_KINDS)}`, mediaIds: [] as number[] };
                    made.id = Number(insCase.run(made.number, made.title, now).lastInsertRowid);
                    out.cases.push(made);
                    return made;
                  })();
            for (const id of ids) insItem.run(c.id, id, now);
            c.mediaIds.push(...ids);
          }
          t += total * 1000 + Math.floor(r() * 1800) * 1000;
        }
      }
    }
  })();
  db.pragma(`cache_size = ${cache}`);
  return out;
}

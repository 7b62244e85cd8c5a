// 100 000 synthetic media rows, inserted straight into SQL in one transaction (no files behind them):
// for checking library queries and measuring them. Deterministic, so a failure can be reproduced.
import type { Db } from '../../../main/store';
import { makeOfficeApi } from '../../support/services';
import { seededRandom as rng } from '../../support/library-rows';

export const CATS = ['inspection', 'coercive', 'evidence', 'investigation', 'minor', 'sensitive', 'uncooperative', 'other'] as const;
export const CLASSES = ['normal', 'privacy', 'business_secret', 'state_secret'] as const;
export const FLAGS = ['zero_byte', 'unreadable', 'truncated', 'no_audio', 'clock_suspect'] as const;
const KINDS = ['video', 'video', 'video', 'video', 'audio', 'photo', 'other'] as const;

export interface SynthMedia {
  id: number;
  kind: (typeof KINDS)[number];
  originalName: string;
  startAt: string;
  durationSec: number | null;
  size: number;
  officerId: number | null;
  recorderId: number | null;
  category: (typeof CATS)[number] | null;
  keyMark: boolean;
  classification: (typeof CLASSES)[number];
  flags: (typeof FLAGS)[number][];
  recordingId: number | null;
  note: string | null;
}

export interface SynthLibrary {
  media: SynthMedia[];
  officers: number[];
  recorders: number[];
  /** case id → media ids */
  cases: Map<number, Set<number>>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Fills an archive whose office is set up (user 1 exists). Returns what was inserted, for independent expectations. */
export function insertSynthetic(db: Db, count = 100_000, seed = 20261120): SynthLibrary {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const now = '2026-11-20T02:00:00.000Z';
  const officers: number[] = [];
  const recorders: number[] = [];
  const cases = new Map<number, Set<number>>();
  const media: SynthMedia[] = [];
  const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄'];

  db.transaction(() => {
    for (let i = 0; i < 40; i++) {
      officers.push(Number(db.prepare('INSERT INTO officers (name, badge_no, created_at) VALUES (?, ?, ?)').run(`${surnames[i % 8]}警员${i}`, `S${pad(i, 5)}`, now).lastInsertRowid));
    }
    for (let i = 0; i < 60; i++) {
      recorders.push(Number(db.prepare('INSERT INTO recorders (serial, brand, model, created_at) VALUES (?, ?, ?, ?)').run(`SYN${pad(i, 6)}`, '某品牌', 'DSJ-X', now).lastInsertRowid));
    }
    const sessionId = Number(
      db.prepare("INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, source_label, source_kind) VALUES (?, ?, 'completed', 1, 'synthetic', 'folder')").run(now, now).lastInsertRowid,
    );
    const insRec = db.prepare('INSERT INTO recordings (recorder_id, officer_id, start_at, end_at, segments, gaps) VALUES (?, ?, ?, ?, ?, ?)');
    const ins = db.prepare(
      `INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, recorder_id, officer_id, ingest_session_id, recording_id,
         start_at, end_at, start_source, day, duration_sec, container, video_codec, audio_codec, has_audio, flags, classification, key_mark, category,
         retention_until, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'file_name', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insNote = db.prepare('INSERT INTO media_notes (media_id, text, updated_by, updated_at) VALUES (?, ?, 1, ?)');
    const t0 = Date.UTC(2024, 0, 1);
    const span = Date.UTC(2026, 10, 1) - t0;
    let recording: { id: number; left: number } | null = null;
    for (let id = 1; id <= count; id++) {
      const kind = pick(KINDS);
      const startMs = t0 + Math.floor(r() * span / 1000) * 1000;
      const start = new Date(startMs);
      const durationSec = kind === 'video' || kind === 'audio' ? (r() < 0.02 ? null : Math.round(r() * 1800 * 10) / 10) : null;
      const size = Math.floor(r() * 2_000_000_000);
      const officerId = r() < 0.05 ? null : pick(officers);
      const recorderId = r() < 0.05 ? null : pick(recorders);
      const category = r() < 0.3 ? null : pick(CATS);
      const keyMark = r() < 0.03;
      const x = r();
      const classification = x < 0.9 ? 'normal' : x < 0.95 ? 'privacy' : x < 0.98 ? 'business_secret' : 'state_secret';
      const flags: SynthMedia['flags'] = [];
      if (r() < 0.06) {
        flags.push(pick(FLAGS));
        if (r() < 0.3) {
          const f = pick(FLAGS);
          if (!flags.includes(f)) flags.push(f);
        }
      }
      const local = `${start.getUTCFullYear()}${pad(start.getUTCMonth() + 1)}${pad(start.getUTCDate())}${pad(start.getUTCHours())}${pad(start.getUTCMinutes())}${pad(start.getUTCSeconds())}`;
      const serial = recorderId === null ? 'NOSERIAL' : `SYN${pad(recorderId, 6)}`;
      const originalName = r() < 0.01 ? `${pick(surnames)}某_询问笔录_${id}.mp4` : `${serial}_${pad(id % 1000, 6)}_${local}_${pad(id % 10000, 4)}.${kind === 'photo' ? 'JPG' : kind === 'audio' ? 'WAV' : 'MP4'}`;
      let recordingId: number | null = null;
      if (kind === 'video') {
        if (!recording || recording.left === 0) {
          const recId = Number(insRec.run(recorderId, officerId, start.toISOString(), start.toISOString(), 1, '[]').lastInsertRowid);
          recording = { id: recId, left: 1 + Math.floor(r() * 4) };
        }
        recordingId = recording.id;
        recording.left--;
      }
      const day = start.toISOString().slice(0, 10);
      ins.run(
        id, id.toString(16).padStart(64, '0'), size, `originals/${day.replaceAll('-', '/')}/${serial}/${id}.bin`, originalName, `DCIM/${originalName}`, kind,
        recorderId, officerId, sessionId, recordingId, start.toISOString(), durationSec === null ? null : new Date(startMs + durationSec * 1000).toISOString(),
        day, durationSec, kind === 'video' ? 'mov,mp4,m4a,3gp,3g2,mj2' : null, kind === 'video' ? 'h264' : null, kind === 'video' ? 'aac' : null,
        kind === 'video' ? 1 : 0, JSON.stringify(flags), classification, keyMark ? 1 : 0, category, '2099-01-01T00:00:00.000Z', now,
      );
      let note: string | null = null;
      if (r() < 0.01) {
        note = r() < 0.5 ? `现场当事人拒绝配合，编号${id}` : `Routine patrol note ${id}`;
        insNote.run(id, note, now);
      }
      media.push({ id, kind, originalName, startAt: start.toISOString(), durationSec, size, officerId, recorderId, category, keyMark, classification, flags, recordingId, note });
    }
    for (let c = 0; c < 20; c++) {
      const caseId = Number(
        db.prepare('INSERT INTO cases (number, title, created_by, created_at) VALUES (?, ?, 1, ?)').run(`SYN-${pad(c, 4)}`, `合成案件${c}`, now).lastInsertRowid,
      );
      const items = new Set<number>();
      const n = 5 + Math.floor(r() * 200);
      for (let k = 0; k < n; k++) items.add(1 + Math.floor(r() * count));
      const addItem = db.prepare('INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (?, ?, 1, ?)');
      for (const m of items) addItem.run(caseId, m, now);
      cases.set(caseId, items);
    }
    // As ingest's regrouping leaves them: a recording spans its segments (their starts here are random).
    db.exec(`UPDATE recordings SET start_at = (SELECT MIN(start_at) FROM media WHERE recording_id = recordings.id),
      end_at = (SELECT MAX(COALESCE(end_at, start_at)) FROM media WHERE recording_id = recordings.id)`);
  })();
  return { media, officers, recorders, cases };
}

/** A set-up office with `count` synthetic media (see insertSynthetic). */
export async function officeWithSyntheticLibrary(count?: number) {
  const { t, admin } = await makeOfficeApi();
  return { t, admin, lib: insertSynthetic(t.services.archive.open().db, count) };
}

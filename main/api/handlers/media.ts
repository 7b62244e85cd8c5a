import { AppError } from '../../common';
import { canPreview, needsProxy } from '../../media';
import type { CallContext, HandlerTable } from '../handler';
import { addBookmark, ensurePreview, findBookmark, listBookmarks, loadMediaDetail, loadMediaFacts, loadRecording, mediaExists, previewReady, recordingSegmentIds, removeBookmark, setCategory, setKeyMark, setNote, type MediaFacts } from '../../library';
import { previewWork } from '../preview-work';
import { authorizeView, recordViewing } from '../../access';
import { officeSetting } from '../../store';
import type { Category, PlayerOpenDto, PreviewStatusDto } from '../dto';

type MediaMethods = 'media.get' | 'media.open' | 'media.update' | 'media.updateRecording' | 'media.preparePreview' | 'media.viewed' | 'bookmarks.list' | 'bookmarks.add' | 'bookmarks.remove';

function detail(ctx: CallContext<MediaMethods>, id: number) {
  return loadMediaDetail(ctx.db(), id, Number(officeSetting(ctx.db(), 'retention_months')));
}

function mustExist(ctx: CallContext<MediaMethods>, id: number): void {
  if (!mediaExists(ctx.db(), id)) throw new AppError('NOT_FOUND', '资料不存在');
}

/** Whether it can be previewed and its proxy is ready; starts making a missing proxy in the background. */
function previewStatus(ctx: CallContext<MediaMethods>, media: MediaFacts): PreviewStatusDto {
  const status = { mediaId: media.id, needsProxy: needsProxy(media), available: canPreview(media), ready: previewReady(ctx.services.archive.open(), media) };
  if (status.available && !status.ready) {
    // Runs in the background; progress goes out as 'media.previewProgress'. Failures are logged there.
    ensurePreview(previewWork(ctx.services), media).catch(() => undefined);
  }
  return status;
}

/**
 * Everything the player needs before its first request for bytes, in one round trip. Leave is checked for every
 * segment as media.preparePreview does; a refusal is an answer (with the item's details), not an error.
 */
function openForPlayer(ctx: CallContext<MediaMethods>, id: number): PlayerOpenDto {
  const first = detail(ctx, id);
  if (first.disposed) return { detail: first, recording: null, segments: [], previews: [], refused: null };
  const db = ctx.db();
  const recording = first.recordingId !== null ? loadRecording(db, first.recordingId) : null;
  const ids = recording ? recording.segments.map((s) => s.mediaId) : [first.id];
  const facts: MediaFacts[] = [];
  for (const segId of ids) {
    const media = loadMediaFacts(db, segId);
    if (!media) throw new AppError('NOT_FOUND', '资料不存在');
    const decision = authorizeView(db, ctx.session, media, ctx.now);
    if (!decision.allowed) return { detail: first, recording, segments: [], previews: [], refused: { code: decision.code, message: decision.message } };
    facts.push(media);
  }
  const segments = ids.map((segId) => (segId === first.id ? first : detail(ctx, segId)));
  return { detail: first, recording, segments, previews: facts.map((m) => previewStatus(ctx, m)), refused: null };
}

interface MediaPatch {
  category?: Category | null;
  keyMark?: boolean;
  notes?: string | null;
}

/** Applies what changes of `patch` to one media row and audits it there; call inside a transaction. */
function updateMedia(ctx: CallContext<MediaMethods>, id: number, patch: MediaPatch, context: { recordingId?: number } = {}): void {
  const { category, keyMark, notes } = patch;
  const before = detail(ctx, id);
  const db = ctx.db();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (category !== undefined && category !== before.category) {
    setCategory(db, id, category);
    changes.category = { before: before.category, after: category };
  }
  if (keyMark !== undefined && keyMark !== before.keyMark) {
    setKeyMark(db, id, keyMark);
    changes.keyMark = { before: before.keyMark, after: keyMark };
  }
  const newNote = notes === undefined ? undefined : notes === null || notes === '' ? null : notes;
  if (newNote !== undefined && newNote !== (before.notes?.text ?? null)) {
    setNote(db, id, newNote, ctx.session.userId, ctx.now);
    changes.notes = { before: before.notes?.text ?? null, after: newNote };
  }
  if (Object.keys(changes).length) ctx.audit('media.update', `media:${id}`, { sha256: before.sha256, ...context, changes });
}

/** Metadata beside an original (category, key mark, notes, bookmarks); the original is never touched. */
export const mediaHandlers: Pick<HandlerTable, MediaMethods> = {
  'media.get': (ctx) => detail(ctx, ctx.input.id),

  'media.open': (ctx) => openForPlayer(ctx, ctx.input.id),

  'media.update': (ctx) =>
    ctx.tx(() => {
      const { id, ...patch } = ctx.input;
      updateMedia(ctx, id, patch);
      return detail(ctx, id);
    }),

  'media.updateRecording': (ctx) =>
    ctx.tx(() => {
      const { recordingId, ...patch } = ctx.input;
      const ids = recordingSegmentIds(ctx.db(), recordingId);
      for (const id of ids) updateMedia(ctx, id, patch, { recordingId });
      return ids.map((id) => detail(ctx, id));
    }),

  'media.preparePreview': async (ctx) => {
    const media = loadMediaFacts(ctx.db(), ctx.input.id);
    if (!media) throw new AppError('NOT_FOUND', '资料不存在');
    const decision = authorizeView(ctx.db(), ctx.session, media, ctx.now);
    if (!decision.allowed) throw new AppError('FORBIDDEN', decision.message, `view refused: ${decision.code}`);
    return previewStatus(ctx, media);
  },

  /** The player shows a segment it preloaded: checked again, then registered (or the open row extended) at this moment. */
  'media.viewed': (ctx) => {
    const { mediaId, variant } = ctx.input;
    const media = loadMediaFacts(ctx.db(), mediaId);
    if (!media) throw new AppError('NOT_FOUND', '资料不存在');
    const decision = authorizeView(ctx.db(), ctx.session, media, ctx.now);
    if (!decision.allowed) {
      ctx.audit('media.view_denied', `media:${media.id}`, { variant, code: decision.code, reported: true });
      throw new AppError(decision.code, decision.message, `view refused: ${decision.code}`);
    }
    recordViewing(ctx.db(), ctx.session, media, variant, decision, ctx.now);
    return null;
  },

  'bookmarks.list': (ctx) => {
    mustExist(ctx, ctx.input.mediaId);
    return listBookmarks(ctx.db(), ctx.input.mediaId);
  },

  'bookmarks.add': (ctx) =>
    ctx.tx(() => {
      const { mediaId, offsetSec, label } = ctx.input;
      mustExist(ctx, mediaId);
      const id = addBookmark(ctx.db(), { mediaId, offsetSec, label, userId: ctx.session.userId, at: ctx.now });
      ctx.audit('bookmark.add', `media:${mediaId}`, { bookmarkId: id, before: null, after: { offsetSec, label } });
      return listBookmarks(ctx.db(), mediaId).find((b) => b.id === id)!;
    }),

  'bookmarks.remove': (ctx) =>
    ctx.tx(() => {
      const b = findBookmark(ctx.db(), ctx.input.id);
      if (!b) throw new AppError('NOT_FOUND', '书签不存在');
      removeBookmark(ctx.db(), b.id);
      ctx.audit('bookmark.remove', `media:${b.mediaId}`, { bookmarkId: b.id, before: { offsetSec: b.offsetSec, label: b.label }, after: null });
      return null;
    }),
};

import { authorizeView } from '../../access';
import { AppError } from '../../common';
import { loadMediaFacts } from '../../library';
import { addAdjustment, findCameras, latestAdjustment, MAX_CAMERAS, type MulticamCameraDto, type MulticamDto } from '../../multicam';
import type { Db } from '../../store';
import type { Session } from '../../accounts';
import type { CallContext, HandlerTable } from '../handler';

type MulticamMethods = 'multicam.cameras' | 'multicam.adjust';

/**
 * Leave to view each camera, asked of the one policy (authorizeView) for every segment: a camera with a segment the
 * viewer may not see is marked, and the player serves none of it. The media route asks again on every request.
 */
function withLeave(db: Db, session: Session, now: Date, camera: MulticamCameraDto): MulticamCameraDto {
  for (const s of camera.recording.segments) {
    const facts = loadMediaFacts(db, s.mediaId);
    if (!facts) continue;
    const d = authorizeView(db, session, facts, now);
    if (!d.allowed) return { ...camera, canView: false, denied: d.message };
  }
  return camera;
}

function cameras(ctx: CallContext<MulticamMethods>, anchorRecordingId: number): MulticamDto {
  const db = ctx.db();
  const list = findCameras(db, anchorRecordingId).map((c) => withLeave(db, ctx.session, ctx.now, c));
  return { anchorRecordingId, maxCameras: MAX_CAMERAS, cameras: list };
}

/** 多机位同步: metadata only, like the library; bytes come from the media route, which checks leave on each request. */
export const multicamHandlers: Pick<HandlerTable, MulticamMethods> = {
  'multicam.cameras': (ctx) => cameras(ctx, ctx.input.recordingId),

  /** A hand correction of one camera's place on the shared axis: only by someone who may see that camera. */
  'multicam.adjust': (ctx) =>
    ctx.tx(() => {
      const { anchorRecordingId, recordingId, seconds, reason } = ctx.input;
      const db = ctx.db();
      const camera = findCameras(db, anchorRecordingId).find((c) => c.recording.id === recordingId);
      if (!camera) throw new AppError('NOT_FOUND', '该录像不在本次多机位同步的机位中');
      const checked = withLeave(db, ctx.session, ctx.now, camera);
      if (!checked.canView) throw new AppError('FORBIDDEN', checked.denied ?? '没有查看该机位的权限', 'multicam adjust without leave to view');
      const before = latestAdjustment(db, recordingId)?.seconds ?? null;
      const adjustmentId = addAdjustment(db, { recordingId, seconds, reason, by: ctx.session.userId, at: ctx.now });
      const first = camera.recording.segments[0];
      ctx.audit('multicam.adjust', first ? `media:${first.mediaId}` : null, { recordingId, adjustmentId, before, after: seconds, driftSec: camera.drift.seconds, reason });
      return cameras(ctx, anchorRecordingId);
    }),
};

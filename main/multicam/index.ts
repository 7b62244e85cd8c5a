// 多机位同步 (issue 15 item 1): which recordings of other cameras overlap one on the true clock, and hand corrections.
export { findCameras } from './find';
export { addAdjustment, latestAdjustment } from './adjustments';
export { MAX_CAMERAS, chooseCameras, correctedSpan, overlapSeconds, shiftSeconds, SEARCH_MARGIN_MS, type CameraClock, type CameraCandidate, type CameraRelation, type Span } from './offsets';
export type { MulticamDto, MulticamCameraDto, CameraDriftDto, CameraAdjustmentDto } from './types';

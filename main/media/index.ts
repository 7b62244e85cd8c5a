export type {
  ExecutablePath,
  LocalDateTime,
  MediaFlag,
  MediaKind,
  ProbeResult,
  RecorderFileName,
  StartRule,
  StartTimeSource,
} from './types';
export { mediaError, type MediaErrorCode } from './errors';
export { locateTools, requireTool, searchPath, unpackedAsarPath, type LocateDeps, type LocatedTools, type ToolSource } from './tools';
export { probeMedia, parseProbeJson, type ProbeOptions } from './probe';
export { walkTopLevelBoxes, type BoxWalk, type ReadAt } from './iso-bmff';
export { classifyKind, kindFromExtension, extensionOf, isImageContainer, mediaFlags } from './classify';
export { parseRecorderFileName, formatCompactLocal, isValidLocal } from './filename';
export {
  decideStartTime,
  DEFAULT_TIME_ZONE,
  type ClockPolicy,
  type CreationTimeMeaning,
  type StartTimeDecision,
  type StartTimeInput,
} from './start-time';
// Recorder clocks are read with the program's one wall-clock conversion.
export { zonedToUtc, utcToZoned } from '../common';
export { mediaContentType, PREVIEW_CONTENT_TYPE, THUMB_CONTENT_TYPE } from './mime';
export { needsProxy, canPreview, type PlayableFacts } from './playable';
export { makeProxy, type ProxyOptions } from './proxy';
export { makeThumbnail, type StillOptions } from './thumbnail';
export { derivedPaths, writeDerived } from './derived';
export { runFfmpeg, type FfmpegRun } from './ffmpeg-run';
export { makeWarmClip } from './warm-clip';

export { planIso, writeIso } from './iso/write-iso';
export type { IsoExtent, IsoFileHash, IsoOptions, IsoPlan, IsoPlannedFile, IsoProgress, IsoResult, IsoSource } from './iso/types';
export { IsoError, isIsoError, type IsoErrorCode } from './errors';

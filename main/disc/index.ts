export { planIso, writeIso } from './iso/write-iso';
export type { IsoExtent, IsoFileHash, IsoOptions, IsoPlan, IsoPlannedFile, IsoProgress, IsoResult, IsoSource } from './iso/types';
export {
  MEDIA,
  DISC_RESERVE_BYTES,
  planDiscs,
  footprint,
  fillPercent,
  type MediaType,
  type MediaInfo,
  type PlanItem,
  type PlannedDisc,
  type DiscPlan,
} from './plan';
export { BAG_FILES, manifestText, bagInfoText, readmeText, type DiscLabel, type ManifestEntry } from './bag-text';
export { stageBag, volumeIdFor, jolietLabelFor, type BagInput, type BagItem, type PayloadFile, type StagedBag } from './bag';
export { buildDiscImage, type DiscImageResult } from './build-image';
export { verifierHtml } from './verifier/html';
export { openIsoImage, type IsoEntry, type IsoImage } from './iso-reader';
export { readBack, type ExpectedFile, type ReadbackFile, type ReadbackResult, type ReadbackStatus, type ReadbackOptions } from './readback';
export { verifyDisc, parseManifest, type DiscProblem, type DiscProblemKind, type DiscVerifyReport } from './verify-disc';
export * from './workflow';

// Public-use copies (公开使用副本, rules art. 3, 13): who may make one (eligibility), the ffmpeg command built from the
// operations (filtergraph), the render with its provenance (make), the register of copies and hand-outs (copies),
// the public-use copy disc a copy may be handed out on (disc).
export { requirePublicSource, mayUseApproval, COPY_MAKER_ROLES, type Maker, type PublicSource } from './eligibility';
export { copyArgs, videoGraph, audioFilter, maskBox, maskFilter, labelFilter, escapeFilterValue, type CopyCommand, type LabelStyle, type MaskBox } from './filtergraph';
export { findLabelFont } from './label-font';
export { makeCopy, ffmpegVersion, type CopyJob, type CopyDeps, type MadeCopy } from './make';
export { approvalNumber, checkOperations, copyFileNames, copyLabel, copyNumber } from './operations';
export { COPY_NOTE, provenanceBytes, type ProvenanceRecord } from './provenance';
export { approvalFacts, approvalPeople, findCopy, frameOf, insertCopy, insertHandOut, discHandOutCount, listCopies, nextCopyId, type DiscHandOut, type NewCopy } from './copies';
export { copyDiscNotice, copyDiscVolume, writeCopyDisc, COPY_DISC_NOTICE, COPY_DISC_SUMS, type CopyDisc, type CopyDiscFile, type CopyDiscInput } from './disc';
export { publicSources } from './sources';
export type { CopyDiscProgressDto, CopyProgressDto, HandOutDto, PublicCopyDto, PublicSourceDto, PublicSourceItemDto } from './types';

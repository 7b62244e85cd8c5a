import type { RecordRefDto, SectionId } from '../../../../main/api/dto';

/** Where each kind of record is shown: its section and tab. */
export const REF_PLACES: Record<RecordRefDto['kind'], [SectionId, string?]> = {
  media: ['library'],
  recording: ['library'],
  ingest: ['ingest', 'sessions'],
  recorder: ['devices'],
  officer: ['devices'],
  viewing: ['approvals', 'register'],
  access: ['approvals', 'decide'],
  disc: ['discs'],
  integrity: ['ingest', 'integrity'],
  weekly: ['ingest', 'weekly'],
  audit: ['audit'],
  retention: ['retention'],
};

import type { AccessType, FindingKind, MediaFlag, MediaKind, RuleArticle, Verdict } from '../common';
import type { DeviceEvent, RecorderDay } from '../devices';

/** A record a finding rests on; the 监督 page links each to where it is shown. */
export interface RecordRef {
  kind: 'media' | 'recording' | 'ingest' | 'recorder' | 'officer' | 'viewing' | 'access' | 'disc' | 'integrity' | 'weekly' | 'audit' | 'retention';
  id: number | string;
  /** How people name it, e.g. the file name or the recorder's serial. */
  label: string;
}

/** One thing the daily check found for a day, with the article it concerns and the records behind it. */
export interface Finding {
  /** Stable across recomputation (kind and the ids of its records): marks and corrections name it. */
  key: string;
  kind: FindingKind;
  article: RuleArticle;
  /** True when the rules were not followed (shown in red); false for a record the chief confirms. */
  problem: boolean;
  /** One line of Chinese text. */
  title: string;
  detail: string;
  refs: RecordRef[];
}

// -- The rows a day's sources read (loaded by day-rows.ts; the sources never touch the database) --

export interface SessionRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  recorderId: number | null;
  serial: string | null;
  handedOverBy: number | null;
  officerName: string | null;
  filesStored: number;
  filesFailed: number;
  error: string | null;
  clockDriftSec: number | null;
  clockDriftBasis: string | null;
}

export interface MediaRow {
  id: number;
  name: string;
  kind: MediaKind;
  day: string;
  startAt: string;
  endAt: string | null;
  hasAudio: boolean;
  flags: MediaFlag[];
  recorderId: number | null;
  serial: string | null;
  officerId: number | null;
  officerName: string | null;
  recordingId: number | null;
  durationSec: number | null;
  sessionId: number;
  sessionStartedAt: string;
}

export interface RecordingRow {
  id: number;
  startAt: string;
  endAt: string;
  segments: number;
  serial: string | null;
  officerId: number | null;
  officerName: string | null;
  gaps: { afterMediaId: number; seconds: number; overlap?: boolean }[];
}

export interface ViewingRow {
  id: number;
  viewer: string;
  mediaId: number;
  mediaName: string;
  startedAt: string;
  basis: string;
  requestType: AccessType | null;
  requestId: number | null;
  reason: string | null;
  approver: string | null;
}

export interface DeniedViewRow {
  seq: number;
  at: string;
  actor: string | null;
  target: string | null;
  code: string | null;
}

export interface PublicUseRow {
  id: number;
  status: string;
  reason: string;
  requester: string;
  decidedBy: string | null;
  decidedAt: string;
  items: number;
}

export interface DiscRow {
  id: string;
  caseNumber: string;
  builtAt: string;
  builtBy: string;
  formState: string;
  burnedAt: string | null;
  readbackOk: boolean | null;
}

export interface IntegrityRow {
  id: number;
  finishedAt: string;
  checked: number;
  missing: number;
  changed: number;
}

export interface KeepUntilRow {
  mediaId: number;
  name: string;
  recordedDay: string;
  serial: string | null;
  officerName: string | null;
}

export interface WeeklyRow {
  id: number;
  createdAt: string;
}

/** Everything a day's check reads, for the office day `day`. */
export interface DayRows {
  day: string;
  timeZone: string;
  /** The check's own "now": what could not have happened yet is not a finding. */
  now: Date;
  /**
   * The device side of the day (`deviceDay`, main/devices): every recorder known by then with whether it was in
   * service that day (from its repair and loss records, not today's status), its wearers, pre-use check and dockings;
   * and the day's failed checks, repairs, losses and damage.
   */
  devices: { recorders: RecorderDay[]; events: DeviceEvent[] };
  /** Ingest sessions started on the day. */
  sessions: SessionRow[];
  /** Media recorded on the day, and media handed over on the day whatever day they were recorded. */
  media: MediaRow[];
  /** Recordings that began on the day. */
  recordings: RecordingRow[];
  viewings: ViewingRow[];
  deniedViews: DeniedViewRow[];
  publicUse: PublicUseRow[];
  discs: DiscRow[];
  /** The last integrity check finished by the day's end, or null when none ever ran. */
  integrity: IntegrityRow | null;
  /** Problems the audit chain walk finds now (the chain is one whole, not per day). */
  auditChain: { entries: number; problems: number; firstProblem: string | null };
  /** Weekly consolidations of the day's ISO week. */
  weekly: WeeklyRow[];
  /** Originals whose keep-until day is the checked day (art. 11(3)), not disposed and not held indefinitely. */
  keepUntil: KeepUntilRow[];
  /** |drift| above this many seconds at docking is a finding (art. 4). */
  driftLimitSec: number;
}

/** A source: a pure function from the day's rows to findings of its kind. */
export type FindingSource = (rows: DayRows) => Finding[];

export interface Mark {
  findingKey: string;
  verdict: Verdict;
  note: string;
  markedBy: string;
  markedAt: string;
}

export interface Correction {
  id: number;
  day: string;
  findingKey: string;
  article: RuleArticle;
  finding: string;
  assignee: string;
  action: string;
  dueDay: string;
  openedBy: string;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  outcome: string | null;
}

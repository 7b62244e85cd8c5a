export {
  listOfficers,
  findOfficer,
  findOfficerByBadge,
  insertOfficer,
  updateOfficer,
  listRecorders,
  findRecorder,
  findRecorderBySerial,
  insertRecorder,
  updateRecorder,
  officerAt,
  assignRecorder,
  unassignRecorder,
  assignmentsOf,
  RECORDER_STATUSES,
  type Officer,
  type OfficerId,
  type Recorder,
  type RecorderId,
  type RecorderStatus,
  type Assignment,
} from './register';
export { listVolumes, parseLinuxMounts, SourceRegistry, sourceId, type Source, type SourceId } from './volumes';
export {
  listAccountRefs,
  officerOfAccount,
  requireBadgeFree,
  linkAccountToOfficer,
  setOfficerAccount,
  type AccountRef,
  type LinkChoice,
  type LinkOutcome,
} from './account-link';
export { listFolders, isWithin, overlaps, looksLikeRecorder, removableMediaBases, type FolderEntry, type FolderListing } from './folders';
export { currentKeeper, keeperHistory, designateKeeper, keeperCandidates, type KeeperTerm } from './keeper';
export { recordChecks, checksOfDay, checksOf, dockingsBetween, lastDockings, type RecorderCheck, type CheckEntry, type Docking } from './checks';
export { sendForRepair, returnFromRepair, findRepair, repairsOf, repairsBetween, type Repair } from './repairs';
export {
  reportIncident,
  decideCompensation,
  addStatement,
  findIncident,
  findStatement,
  incidentsOf,
  incidentsBetween,
  nextStatementNo,
  type Incident,
  type IncidentStatement,
} from './incidents';
export { deviceDay, type DeviceDay, type DeviceEvent, type RecorderDay } from './device-day';
export { keeperView, checkSheet, recorderFile, type KeeperView, type CheckSheet, type CheckRow, type RecorderFile } from './care-view';

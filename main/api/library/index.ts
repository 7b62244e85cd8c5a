export { searchLibrary, whereClause, type LibraryQuery } from './search';
export { loadRecording, recordingSegmentIds } from './recording';
export { loadMediaDetail, listBookmarks, effectiveRetention } from './detail';
export { listCases, loadCase, findCase, caseColumns } from './cases';

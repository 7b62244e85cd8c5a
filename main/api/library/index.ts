export { searchLibrary, whereClause, type LibraryQuery } from './search';
export { loadRecording } from './recording';
export { loadMediaDetail, listBookmarks, effectiveRetention } from './detail';
export { listCases, loadCase, findCase, caseColumns } from './cases';

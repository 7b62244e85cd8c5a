// The evidence library: search, rows, a recording and a file's detail, media facts and previews.
export { searchLibrary, countLibrary, whereClause, type LibraryQuery, type LibraryCursor } from './search';
export { keepTextListsWhenSlowerThan } from './text-pages';
export { searchRecordingGroups } from './groups';
export { loadRecording, recordingSegmentIds } from './recording';
export { loadMediaDetail, listBookmarks, effectiveRetention } from './detail';
export { ITEM_COLUMNS, ITEM_JOINS, officerRef, toItem, type ItemRow } from './rows';
export { loadMediaFacts, parseFlags, type MediaFacts } from './media-facts';
export { previewReady, ensurePreview, ensureThumb, thumbPossible, type PreviewWork, type Viewable } from './previews';
export type { OfficerRefDto, LibraryItemDto, LibraryPageDto, RecordingGroupDto, RecordingGroupPageDto, RecordingSegmentDto, RecordingDto, BookmarkDto, MediaDetailDto } from './types';
export { mediaExists, ingestedHash, mediaClassificationRow, setMediaClassification, recordingMediaIds, unknownMediaIds, setCategory, setKeyMark, setNote, addBookmark, findBookmark, removeBookmark } from './notes';

import type { HandlerTable } from '../handler';
import { loadRecording, searchLibrary } from '../library';

type LibraryMethods = 'library.search' | 'library.recording';

/** Metadata only: the rows the library table and the recording timeline need. */
export const libraryHandlers: Pick<HandlerTable, LibraryMethods> = {
  'library.search': ({ input, db }) => searchLibrary(db(), input),
  'library.recording': ({ input, db }) => loadRecording(db(), input.id),
};

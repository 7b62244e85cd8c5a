import { authorizeView } from '../../access';
import type { HandlerTable } from '../handler';
import type { LibraryItemDto } from '../../library';
import { loadRecording, searchLibrary, searchRecordingGroups } from '../../library';

type LibraryMethods = 'library.search' | 'library.recordings' | 'library.recording';

/** Metadata only: the rows the library table and the recording timeline need. */
export const libraryHandlers: Pick<HandlerTable, LibraryMethods> = {
  'library.search': ({ input, db, session, now }) => {
    const page = searchLibrary(db(), input);
    const canView = (i: LibraryItemDto) => authorizeView(db(), session, { id: i.id, officerId: i.officer?.id ?? null }, now).allowed;
    return { ...page, items: page.items.map((i) => ({ ...i, canView: canView(i) })) };
  },
  'library.recordings': ({ input, db, session, now }) => {
    const page = searchRecordingGroups(db(), input);
    const canView = (i: LibraryItemDto) => authorizeView(db(), session, { id: i.id, officerId: i.officer?.id ?? null }, now).allowed;
    return { ...page, groups: page.groups.map((g) => ({ ...g, first: { ...g.first, canView: canView(g.first) } })) };
  },
  'library.recording': ({ input, db }) => loadRecording(db(), input.id),
};

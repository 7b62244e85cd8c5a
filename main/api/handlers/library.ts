import { authorizeView } from '../../access';
import type { HandlerTable } from '../handler';
import { loadRecording, searchLibrary } from '../../library';

type LibraryMethods = 'library.search' | 'library.recording';

/** Metadata only: the rows the library table and the recording timeline need. */
export const libraryHandlers: Pick<HandlerTable, LibraryMethods> = {
  'library.search': ({ input, db, session, now }) => {
    const page = searchLibrary(db(), input);
    return {
      ...page,
      items: page.items.map((i) => ({ ...i, canView: authorizeView(db(), session, { id: i.id, officerId: i.officer?.id ?? null }, now).allowed })),
    };
  },
  'library.recording': ({ input, db }) => loadRecording(db(), input.id),
};

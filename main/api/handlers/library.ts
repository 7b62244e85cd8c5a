import { authorizeViewEach } from '../../access';
import type { Session } from '../../accounts';
import type { Db } from '../../store';
import type { HandlerTable } from '../handler';
import type { LibraryItemDto } from '../../library';
import { countLibrary, loadRecording, searchLibrary, searchRecordingGroups } from '../../library';

type LibraryMethods = 'library.search' | 'library.count' | 'library.recordings' | 'library.recording';

/** Each row with whether this user may view it now, decided for the whole page at once. */
function withLeave<T extends LibraryItemDto>(db: Db, session: Session, now: Date, items: readonly T[]): (T & { canView: boolean })[] {
  const leave = authorizeViewEach(db, session, items.map((i) => ({ id: i.id, officerId: i.officer?.id ?? null })), now);
  return items.map((i) => ({ ...i, canView: leave.get(i.id)?.allowed === true }));
}

/** Metadata only: the rows the library table and the recording timeline need. */
export const libraryHandlers: Pick<HandlerTable, LibraryMethods> = {
  'library.search': ({ input, db, session, now }) => {
    const page = searchLibrary(db(), input);
    return { ...page, items: withLeave(db(), session, now, page.items) };
  },
  'library.count': ({ input, db }) => ({ total: countLibrary(db(), { ...input, limit: 1, offset: 0 }) }),
  'library.recordings': ({ input, db, session, now }) => {
    const page = searchRecordingGroups(db(), input);
    const firsts = withLeave(db(), session, now, page.groups.map((g) => g.first));
    return { ...page, groups: page.groups.map((g, i) => ({ ...g, first: firsts[i]! })) };
  },
  'library.recording': ({ input, db }) => loadRecording(db(), input.id),
};

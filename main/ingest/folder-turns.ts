/**
 * Sessions storing into the same recorder folder take turns file by file. Choosing a free stored name and placing
 * the file there are two steps with awaits between them; two sessions with the same folder (two unregistered
 * sources of the same name) could otherwise pick one name, or one adopt the other's placed but not yet registered
 * copy as a crash's leftover. Different recorders have different folders and never wait for each other.
 * A run holds the turn while it chooses a file's name and copies it; placing and registering come after the turn,
 * while the next file copies, and the name stays taken meanwhile (`chosen` in `ingest-file.ts`).
 */
const tails = new Map<string, Promise<void>>();

export async function inFolderTurn<T>(folderKey: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(folderKey) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = before.then(() => mine);
  tails.set(folderKey, tail);
  await before;
  try {
    return await work();
  } finally {
    done();
    if (tails.get(folderKey) === tail) tails.delete(folderKey);
  }
}

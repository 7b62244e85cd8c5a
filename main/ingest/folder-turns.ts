/**
 * Sessions storing into the same recorder folder take turns file by file. Choosing a free stored name and placing
 * the file there are two steps with awaits between them; two sessions with the same folder (two unregistered
 * sources of the same name) could otherwise pick one name, or one adopt the other's placed but not yet registered
 * copy as a crash's leftover. Different recorders have different folders and never wait for each other.
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

/** A progress callback that does `act` at its first call only: a source changed, or a rival file appearing, mid-copy. */
export function atFirstCall(act: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    act();
  };
}

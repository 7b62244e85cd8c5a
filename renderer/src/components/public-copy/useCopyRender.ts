import { useCallback, useEffect, useRef, useState } from 'react';
import type { CopyOperations } from '../../../../main/common';
import type { CopyProgressDto } from '../../../../main/public-copy';
import { api } from '../../api';

/** A render in progress: its job, its progress from 'publicCopies.progress', and how it ended. */
export function useCopyRender(onMade: (copyId: number) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<CopyProgressDto | null>(null);
  const current = useRef<string | null>(null);
  // A short render may finish before render() returns its job id: the last event of each job is kept.
  const last = useRef(new Map<string, CopyProgressDto>());

  const take = useCallback(
    (p: CopyProgressDto) => {
      setProgress(p);
      if (!p.done) return;
      current.current = null;
      setJobId(null);
      if (p.copyId !== null) onMade(p.copyId);
    },
    [onMade],
  );

  useEffect(
    () =>
      api.on('publicCopies.progress', (p) => {
        last.current.set(p.jobId, p);
        if (p.jobId === current.current) take(p);
      }),
    [take],
  );

  const start = async (requestId: number, mediaId: number, operations: CopyOperations) => {
    setProgress({ jobId: '', fraction: 0, done: false, error: null, copyId: null });
    const r = await api.publicCopies.render({ requestId, mediaId, operations });
    current.current = r.jobId;
    setJobId(r.jobId);
    const early = last.current.get(r.jobId);
    if (early) take(early);
  };
  const cancel = async () => {
    if (jobId) await api.publicCopies.cancel({ jobId });
  };
  return { running: jobId !== null, progress, start, cancel };
}

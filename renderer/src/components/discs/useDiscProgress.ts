import { useEffect, useState } from 'react';
import type { DiscProgressDto } from '../../../../main/api/dto';
import { api } from '../../api';

/** The latest 'discs.progress' event for this case (build, burn, read-back), null when idle. */
export function useDiscProgress(caseId: number | null): [DiscProgressDto | null, (p: DiscProgressDto | null) => void] {
  const [p, setP] = useState<DiscProgressDto | null>(null);
  useEffect(() => {
    if (caseId === null) return;
    return api.on('discs.progress', (e) => {
      if (e.caseId === caseId) setP(e);
    });
  }, [caseId]);
  return [p, setP];
}

export const STEP_LABELS: Record<DiscProgressDto['step'], string> = {
  stage: '准备光盘内容',
  image: '写入光盘映像',
  burn: '刻录',
  readback: '回读核验',
};

import { AppError } from '../../common';
import { isWithin, overlaps } from '../../devices';
import type { ApiServices } from '../context';

/**
 * Several sources ingest at once, one session per source: a source (or a folder inside it, or one holding it) and
 * a recorder are claimed by one session from the moment `ingest.start` is called until its session ends.
 */
interface Claim {
  path: string;
  label: string;
  recorderSerial: string | null;
}

const claimsOf = new WeakMap<ApiServices, Set<Claim>>();

/** Claims the source and recorder for a new session, or refuses with the session that holds them; returns the release. */
export function claimSource(services: ApiServices, source: { path: string; label: string }, recorderSerial: string | null): () => void {
  let claims = claimsOf.get(services);
  if (!claims) claimsOf.set(services, (claims = new Set()));
  for (const c of claims) {
    if (overlaps(c.path, source.path)) {
      throw new AppError(
        'INGEST_RUNNING',
        isWithin(c.path, source.path) && isWithin(source.path, c.path)
          ? `来源“${source.label}”正在导入中：同一来源一次只能有一个导入，请等待完成或先取消`
          : `来源“${source.label}”与正在导入的来源“${c.label}”是同一设备上的文件夹，请等待那次导入完成或先取消`,
        `source ${source.path} overlaps running ingest of ${c.path}`,
      );
    }
    if (recorderSerial && c.recorderSerial === recorderSerial) {
      throw new AppError(
        'INGEST_RUNNING',
        `记录仪 ${recorderSerial} 正在从来源“${c.label}”导入，同一记录仪一次只能有一个导入，请等待完成或先取消`,
        `recorder ${recorderSerial} already ingesting from ${c.path}`,
      );
    }
  }
  const claim: Claim = { path: source.path, label: source.label, recorderSerial };
  claims.add(claim);
  return () => claims.delete(claim);
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common';
import { handoverSessionNo, handoverSheet, type FileFlag } from '../../forms';
import { loadSessionDetail, writeFileAtomic } from '../../ingest';
import type { ApiServices } from '../context';
import { authorizeDocument, documentFile, generatedDocument } from '../form-route';
import type { GeneratedFileDto } from '../dto';
import type { HandlerTable } from '../handler';
import { findRecorderBySerial } from '../../devices';

/** Saves a generated document into the archive's forms/ folder, atomically. */
export async function saveForm(services: ApiServices, fileName: string, data: Buffer): Promise<GeneratedFileDto> {
  const file = path.join(services.archive.open().paths.forms, fileName);
  await writeFileAtomic(file, data);
  return { fileName, sha256: createHash('sha256').update(data).digest('hex') };
}

const UNKNOWN = '（未登记）';

export const formHandlers: Pick<HandlerTable, 'ingest.handoverSheet' | 'forms.open'> = {
  'ingest.handoverSheet': async ({ services, input, db, now, tx, audit }) => {
    const detail = loadSessionDetail(db(), input.id);
    const office = services.archive.office();
    const recorder = detail.recorderSerial
      ? findRecorderBySerial(db(), detail.recorderSerial, now)
      : null;
    const docx = await handoverSheet({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      sessionNo: handoverSessionNo(new Date(detail.startedAt), detail.id, office.timeZone),
      startedAt: new Date(detail.startedAt),
      finishedAt: detail.finishedAt ? new Date(detail.finishedAt) : null,
      handedOverBy: detail.handedOverBy ? { name: detail.handedOverBy.name, badgeNo: detail.handedOverBy.badgeNo } : { name: UNKNOWN, badgeNo: '—' },
      receivedBy: { name: detail.receivedBy },
      recorder: { serial: recorder?.serial ?? UNKNOWN, brand: recorder?.brand ?? '—', model: recorder?.model ?? '—', assetNo: recorder?.assetNo ?? null },
      counts: { stored: detail.filesStored, duplicates: detail.filesDuplicate, failed: detail.filesFailed },
      totalBytes: detail.items.reduce((s, i) => s + i.size, 0),
      totalDurationSec: detail.items.reduce((s, i) => s + (i.outcome === 'stored' ? (i.durationSec ?? 0) : 0), 0),
      clockDriftSec: detail.clockDriftSec,
      files: detail.items.map((i) => ({
        // The name as on the recorder; its folder (DCIM/100MEDIA/…) would only wrap the column over several lines.
        name: i.relPath.split('/').at(-1) ?? i.relPath,
        startedAt: i.startAt ? new Date(i.startAt) : null,
        durationSec: i.durationSec,
        bytes: i.size,
        sha256: i.sha256,
        flags: [...i.flags, ...(i.outcome === 'duplicate' ? ['duplicate' as const] : [])] as FileFlag[],
      })),
      ...(detail.error ? { remarks: detail.error } : {}),
    });
    // Named as people file it: 交接登记表-<office day>-<session no>.docx (issue 11 item 10).
    const saved = await saveForm(services, `交接登记表-${handoverSessionNo(new Date(detail.startedAt), detail.id, office.timeZone)}.docx`, docx);
    tx(() => audit('form.handover_sheet', `ingest:${detail.id}`, { fileName: saved.fileName, sha256: saved.sha256 }));
    return saved;
  },

  'forms.open': async ({ services, session, input, audit }) => {
    // The same check as the browser host's /forms/ route: the roles of the method that made the document.
    const doc = generatedDocument(input.fileName);
    if (!doc) throw new AppError('NOT_FOUND', '文件不存在，请重新生成');
    const decision = authorizeDocument(session, doc);
    if (!decision.allowed) {
      audit('form.open_denied', `form:${doc.fileName}`, { code: decision.code });
      throw new AppError(decision.code, decision.message);
    }
    const file = await documentFile(services, doc);
    if (!file) throw new AppError('NOT_FOUND', '文件不存在，请重新生成');
    if (!services.host.openPath) throw new AppError('NOT_AVAILABLE', '浏览器模式下请使用下载链接打开文件');
    const sha256 = createHash('sha256').update(await readFile(file)).digest('hex');
    await services.host.openPath(file);
    audit('form.open', `form:${doc.fileName}`, { sha256 });
    return null;
  },
};

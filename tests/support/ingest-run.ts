// The plan and deps for calling runIngest directly, built like `startIngest` in main/api/handlers/ingest.ts, for the
// tests that need the seams the API does not expose (onStep, beforeFile): the crash child and the concurrency tests.
import type { ApiServices } from '../../main/api';
import { signerFor } from '../../main/api/signing';
import type { Session } from '../../main/accounts';
import { auditAs, type AuditDetails } from '../../main/audit';
import { findOfficerByBadge, findRecorderBySerial, insertOfficer, insertRecorder } from '../../main/devices';
import { kindsByContent, scanSource, selectForIngest, type IngestDeps, type IngestPlan } from '../../main/ingest';
import { silentLogger } from '../../main/log';
import { officeSetting } from '../../main/store';

/** The recorder and officer are registered when new; every 其他 file is kept, as if the custodian ticked them all. */
export async function ingestRunFor(
  services: ApiServices,
  session: Session,
  sourceDir: string,
  serial: string,
  badge: string,
): Promise<{ plan: IngestPlan; deps: IngestDeps }> {
  const store = services.archive.open();
  const db = store.db;
  const office = services.archive.office();
  const now = services.clock.now();
  const audit = (action: string, target: string | null, details: AuditDetails) => auditAs(db, session, now, action, target, details);
  const { recorder, officer } = db.transaction(() => {
    let rec = findRecorderBySerial(db, serial, now);
    if (!rec) {
      rec = insertRecorder(db, { serial }, now);
      audit('recorder.create', `recorder:${rec.id}`, { serial, registeredAtIngest: true });
    }
    let off = findOfficerByBadge(db, badge);
    if (!off) {
      off = insertOfficer(db, { name: `警号${badge}`, badgeNo: badge }, now);
      audit('officer.create', `officer:${off.id}`, { name: off.name, badgeNo: badge, registeredAtIngest: true });
    }
    return { recorder: rec, officer: off };
  })();
  const source = services.sources.addFolder(sourceDir);
  const found = await kindsByContent(await scanSource(source.path));
  const scan = selectForIngest(found, found.originals.filter((o) => o.kind === 'other').map((o) => o.relPath));
  return {
    plan: {
      sourceLabel: source.label,
      scan,
      recorder: { id: recorder.id, serial: recorder.serial },
      officer,
      receivedBy: session.userId,
      timeZone: office.timeZone,
      retentionMonths: Number(officeSetting(db, 'retention_months')),
      clearSource: false,
    },
    deps: {
      store,
      sign: signerFor(services, session),
      audit: (d, action, target, details) => auditAs(d, session, services.clock.now(), action, target, details),
      now: () => services.clock.now(),
      log: silentLogger,
    },
  };
}

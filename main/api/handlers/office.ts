import { AppError, isValidTimeZone } from '../../common';
import { asPem, certificateFingerprint } from '../../crypto';
import type { ApiServices } from '../context';
import type { OfficeDto } from '../dto';
import type { HandlerTable } from '../handler';
import { officeSetting, setOfficeSetting, updateOffice } from '../../store';

function officeDto(services: ApiServices): OfficeDto {
  const o = services.archive.office();
  return {
    name: o.name,
    unitName: o.unitName,
    timeZone: o.timeZone,
    idleMinutes: o.idleMinutes,
    retentionMonths: Number(officeSetting(services.archive.open().db, 'retention_months')),
    caseRetentionMonths: Number(officeSetting(services.archive.open().db, 'case_retention_months')),
    archiveRoot: services.archive.root,
    caFingerprintSha256: certificateFingerprint(asPem(o.caCertPem)),
  };
}

export const officeHandlers: Pick<HandlerTable, 'office.get' | 'office.update'> = {
  'office.get': ({ services }) => officeDto(services),

  'office.update': ({ services, input, db, tx, audit }) => {
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) throw new AppError('INVALID_INPUT', `时区“${input.timeZone}”无效`);
    const before = officeDto(services);
    const after = {
      name: input.name ?? before.name,
      unitName: input.unitName ?? before.unitName,
      timeZone: input.timeZone ?? before.timeZone,
      idleMinutes: input.idleMinutes ?? before.idleMinutes,
      retentionMonths: input.retentionMonths ?? before.retentionMonths,
      caseRetentionMonths: input.caseRetentionMonths ?? before.caseRetentionMonths,
    };
    tx(() => {
      updateOffice(db(), after);
      setOfficeSetting(db(), 'retention_months', String(after.retentionMonths));
      setOfficeSetting(db(), 'case_retention_months', String(after.caseRetentionMonths));
      audit('office.update', 'office', {
        before: { name: before.name, unitName: before.unitName, timeZone: before.timeZone, idleMinutes: before.idleMinutes, retentionMonths: before.retentionMonths, caseRetentionMonths: before.caseRetentionMonths },
        after,
      });
    });
    return officeDto(services);
  },
};

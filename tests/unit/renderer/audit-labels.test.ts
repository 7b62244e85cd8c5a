import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, DETAIL_KEY_LABELS } from '../../../renderer/src/labels';
import { detailValueLabel } from '../../../renderer/src/components/AuditDetails';
import { collectAuditSites, type AuditSites } from './audit-sites';

/**
 * Issue 11 item 10: nothing the code writes into the audit log reaches the audit page untranslated. The action
 * names, detail keys and the fixed values a key can take are read from every audit call site in main/.
 */
describe('audit page labels cover every audit call site', () => {
  let sites: AuditSites;
  beforeAll(() => {
    sites = collectAuditSites(path.resolve(__dirname, '../../..'));
  }, 300_000);

  it('finds the call sites (the collector works)', () => {
    expect(sites.actions.size).toBeGreaterThan(40);
    expect(sites.keys.has('storedPath')).toBe(true);
    expect(sites.values.has('completed')).toBe(true);
  });

  it('every action has a Chinese name', () => {
    expect([...sites.actions].filter((a) => !AUDIT_ACTION_LABELS[a]).sort()).toEqual([]);
  });

  it('every detail key has a Chinese label', () => {
    const missing = [...sites.keys].filter(([k]) => !DETAIL_KEY_LABELS[k]).map(([k, where]) => `${k} (${where})`);
    expect(missing.sort()).toEqual([]);
  });

  it('every fixed value a key can take has a Chinese label', () => {
    const missing = [...sites.values].filter(([v, at]) => detailValueLabel(at.split(' @ ')[0]!, v) === null).map(([v, at]) => `${v}: ${at}`);
    expect(missing.sort()).toEqual([]);
  });
});

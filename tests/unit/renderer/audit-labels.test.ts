import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, DETAIL_KEY_LABELS } from '../../../renderer/src/labels';
import { detailLines, detailValueLabel } from '../../../renderer/src/components/AuditDetails';
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

describe('audit details read in Chinese', () => {
  const ingest = {
    action: 'media.ingest',
    details: { storedPath: 'originals/2026/11/26/R-01/VID_0001.MP4', status: 'completed', flags: ['no_audio', 'clock_suspect'], variant: 'original', basis: 'grant:2', scope: { kind: 'recording', id: 4, label: '录像' } },
  };

  it('labels keys and fixed values, and shows nested records as labelled pairs, not JSON', () => {
    const lines = detailLines(ingest);
    expect(lines).toContain('存放位置：originals/2026/11/26/R-01/VID_0001.MP4');
    expect(lines).toContain('状态：完成');
    expect(lines).toContain('标记：无音轨、时钟可疑');
    expect(lines).toContain('查看内容：原始文件');
    expect(lines).toContain('查看依据：经批准的查阅申请（第 2 号）');
    expect(lines.join('\n')).not.toMatch(/[{}"]/);
  });

  it('names what the details refer to by id, when the server named it', () => {
    expect(detailLines({ action: 'disc.build', details: { caseId: 3 }, refs: { 'caseId:3': '案件 A-1 占道经营' } })).toEqual(['案件：案件 A-1 占道经营']);
  });
});

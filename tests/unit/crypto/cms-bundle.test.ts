import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CMS_CORE_JS } from '../../../main/crypto/cms-bundle.generated';

describe('the bundled CMS check (cms-core.ts with PKI.js)', () => {
  it('is what the bundler makes of the sources and node_modules today', () => {
    const r = spawnSync(process.execPath, ['resources/scripts/bundle-cms-core.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps the licences of what it bundles and needs no eval (verify.html forbids it)', () => {
    for (const name of ['pkijs', 'asn1js', 'bytestreamjs', '@noble/hashes', '@peculiar/utils']) {
      expect(CMS_CORE_JS).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'));
    }
    expect(CMS_CORE_JS).not.toMatch(/\beval\(|new Function\(/);
  });
});

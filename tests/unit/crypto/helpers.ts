import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaCertificate, issueUserCertificate, type KeyPair, type Pem } from '../../../main/crypto';
import { testKeyPairs } from '../../support/key-pool';

export interface OpensslResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[], cwd: string): OpensslResult {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp folder for files handed to openssl; `remove()` in afterAll. */
export function tempDir(): { path: string; file: (name: string, data: string | Buffer) => string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'evidence-crypto-'));
  return {
    path,
    file: (name, data) => {
      const p = join(path, name);
      writeFileSync(p, data);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export const CA_NAME = { commonName: '某某镇综合行政执法大队', organization: '某某镇人民政府' };
export const USER_NAME = {
  commonName: '李明',
  organization: '某某镇人民政府',
  organizationalUnit: '综合行政执法大队',
  userId: 'liming',
};

export interface Office {
  caKeys: KeyPair;
  caCertPem: Pem;
  userKeys: KeyPair;
  userCertPem: Pem;
}

/** This test file's keys: each office it makes gets keys no other office of the file has (from the run's pool). */
const newKeyPair = testKeyPairs();

/** An office CA and one user, as first-run setup would create them. */
export async function makeOffice(now = new Date('2026-01-05T08:00:00Z'), caName = CA_NAME): Promise<Office> {
  const [caKeys, userKeys] = await Promise.all([newKeyPair(), newKeyPair()]);
  const caCertPem = createCaCertificate({ subject: caName, keys: caKeys, now });
  const userCertPem = issueUserCertificate({
    ca: { certPem: caCertPem, privateKeyPem: caKeys.privateKeyPem },
    subject: USER_NAME,
    publicKeyPem: userKeys.publicKeyPem,
    serialHex: '8a01',
    now,
  });
  return { caKeys, caCertPem, userKeys, userCertPem };
}

// Certificates and CMS signatures made by openssl itself, in shapes our own signer never makes (EC keys,
// SHA-512, RSA-PSS, no signed attributes, intermediate CAs), with fixed dates so no test depends on the day.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asPem, type Pem } from '../../../main/crypto';
import { openssl, tempDir } from './helpers';

const CONFIG = `
[ca]
default_ca = d
[d]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = p
unique_subject = no
[p]
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_user]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

export type KeyKind = 'rsa' | 'ec';

export interface OpensslPki {
  dir: string;
  /** Runs openssl in the folder; throws with its stderr on failure. */
  run(args: string[]): string;
  /** NAME.key and NAME.pem, issued by `issuer` (or self-signed) with `openssl ca`, valid 2026-01-01 to 2036-01-01 unless given. */
  certificate(a: { name: string; cn: string; kind: KeyKind; issuer?: string; ext: 'v3_ca' | 'v3_user'; from?: string; to?: string }): void;
  /**
   * `openssl cms -sign` of the file `content` as NAME.p7s; returns its path. `signedAt` fixes the signingTime
   * attribute by running openssl under faketime (the machine's clock otherwise).
   */
  sign(name: string, signer: string, content: string, extra?: string[], signedAt?: Date): string;
  pem(name: string): Pem;
  file(name: string, data: string | Buffer): string;
  remove(): void;
}

export function opensslPki(): OpensslPki {
  const dir = tempDir();
  dir.file('ca.cnf', CONFIG);
  dir.file('index.txt', '');
  dir.file('serial', '1000\n');
  const run = (args: string[]): string => {
    const r = openssl(args, dir.path);
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const newKey = (kind: KeyKind, name: string): string[] =>
    kind === 'rsa' ? ['-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`];
  return {
    dir: dir.path,
    run,
    certificate: (a) => {
      run(['req', '-new', '-utf8', ...newKey(a.kind, a.name), '-out', `${a.name}.csr`, '-subj', `/CN=${a.cn}`]);
      const by = a.issuer ? ['-cert', `${a.issuer}.pem`, '-keyfile', `${a.issuer}.key`] : ['-selfsign', '-keyfile', `${a.name}.key`];
      const dates = ['-startdate', a.from ?? '20260101000000Z', '-enddate', a.to ?? '20360101000000Z'];
      run(['ca', '-batch', '-config', 'ca.cnf', ...by, '-in', `${a.name}.csr`, '-out', `${a.name}.pem`, ...dates, '-extensions', a.ext, '-notext']);
    },
    sign: (name, signer, content, extra = [], signedAt) => {
      const args = ['cms', '-sign', '-binary', '-outform', 'DER', '-in', content, '-signer', `${signer}.pem`, '-inkey', `${signer}.key`, ...extra, '-out', `${name}.p7s`];
      if (signedAt) {
        // faketime's absolute form, in UTC whatever zone or fake time the suite itself runs under.
        const at = `@${signedAt.toISOString().slice(0, 19).replace('T', ' ')}`;
        const r = spawnSync('faketime', ['-f', at, 'openssl', ...args], { cwd: dir.path, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
        if (r.error) throw r.error;
        if (r.status !== 0) throw new Error(`faketime openssl ${args.join(' ')}: ${r.stderr}`);
      } else {
        run(args);
      }
      return join(dir.path, `${name}.p7s`);
    },
    pem: (name) => asPem(readFileSync(join(dir.path, `${name}.pem`), 'utf8')),
    file: dir.file,
    remove: dir.remove,
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import vm from 'node:vm';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_CORE_JS, signDetached } from '../../../main/crypto';
import { CORE_JS } from '../../../main/disc/verifier/core-script';
import { makeOffice, type Office } from '../crypto/helpers';
import { opensslPki } from '../crypto/openssl-pki';
import { makeBagFixture, type BagFixture } from './bag-fixture';
import { tempDir } from './helpers';
import { rm } from 'node:fs/promises';

interface Sha256Like {
  update(b: Uint8Array): Sha256Like;
  digest(): Uint8Array;
}
interface Core {
  Sha256: new () => Sha256Like;
  hex(b: Uint8Array): string;
  hashFile(f: Blob): Promise<string>;
  verifySignature(content: Uint8Array, der: Uint8Array, caPem: string): Promise<{ ok: boolean; problem?: string; detail?: string; signer?: { commonName?: string }; signingTime?: Date }>;
  discTree(list: { path: string; file: Blob }[]): Map<string, Blob> | null;
  verifyDisc(tree: Map<string, Blob>): Promise<{ ok: boolean; files: { path: string; status: string }[]; signature: { ok: boolean; problem?: string } }>;
}

/** Bytes from the vm's realm copied into this one: Node's WebCrypto refuses other realms' buffers, a browser has one realm. */
function here(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice();
  if (Object.prototype.toString.call(v) === '[object ArrayBuffer]') return new Uint8Array(v as ArrayBuffer).slice();
  return v;
}

/** Node's WebCrypto, taking the vm's buffers. */
const webCrypto = {
  subtle: new Proxy(crypto.subtle, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (...args: unknown[]) => Reflect.apply(value, target, args.map(here)) : value;
    },
  }),
};

/** The page's scripts run in Node's vm with the same WebCrypto and Blob the browser has. */
function loadCore(): Core {
  const ctx = vm.createContext({ crypto: webCrypto, TextEncoder, TextDecoder, atob, btoa, Blob, FileReader: undefined });
  return vm.runInContext(`${CMS_CORE_JS}\n${CORE_JS};EV`, ctx) as Core;
}

const core = loadCore();
let office: Office;
let work: string;
let fixture: BagFixture;

beforeAll(async () => {
  office = await makeOffice();
  work = await tempDir('evidence-verifier-');
  fixture = await makeBagFixture(work, office);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('incremental SHA-256 of the verifier page', () => {
  it('matches node:crypto for every length around block edges and any chunking', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537]) {
      const data = new Uint8Array(randomBytes(n));
      const ref = createHash('sha256').update(data).digest('hex');
      for (const step of [1, 7, 64, 100, n || 1]) {
        const h = new core.Sha256();
        for (let i = 0; i < n; i += step) h.update(data.subarray(i, i + step));
        expect(core.hex(h.digest()), `length ${n} step ${step}`).toBe(ref);
      }
    }
  });

  it('hashes a Blob larger than its 8 MiB read chunk the same as WebCrypto', async () => {
    const data = new Uint8Array(randomBytes(17 * 1024 * 1024 + 3));
    const ref = Buffer.from(await crypto.subtle.digest('SHA-256', data)).toString('hex');
    expect(await core.hashFile(new Blob([data]))).toBe(ref);
  });
});

describe('CMS signature check of the verifier page', () => {
  const content = new Uint8Array(Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/a.txt\n'));
  const sign = (c: Uint8Array): Uint8Array =>
    new Uint8Array(signDetached({ content: Buffer.from(c), signer: { certPem: office.userCertPem, privateKeyPem: office.userKeys.privateKeyPem }, chain: [office.caCertPem], signingTime: new Date('2026-11-29T02:30:00Z') }));

  it('accepts a good signature and names the signer and time', async () => {
    const r = await core.verifySignature(content, sign(content), office.caCertPem);
    expect(r.detail).toBeUndefined();
    expect(r.problem).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.signer?.commonName).toBe('李明');
    expect(r.signingTime?.toISOString()).toBe('2026-11-29T02:30:00.000Z');
  });

  it('rejects changed content, a changed signature byte and another CA', async () => {
    const der = sign(content);
    const changed = Uint8Array.from(content);
    changed[5] = changed[5]! ^ 1;
    expect((await core.verifySignature(changed, der, office.caCertPem)).problem).toContain('清单已被修改');
    const badSig = Uint8Array.from(der);
    badSig[badSig.length - 10] = badSig[badSig.length - 10]! ^ 1;
    expect((await core.verifySignature(content, badSig, office.caCertPem)).ok).toBe(false);
    const other = await makeOffice(new Date('2026-01-05T08:00:00Z'), { commonName: '别的单位', organization: '别处' });
    const r = await core.verifySignature(content, der, other.caCertPem);
    expect(r.ok).toBe(false);
    expect(r.problem).toContain('根证书');
  });
});

describe('CMS signature check of the verifier page on signatures made by openssl', () => {
  const SIGNED = new Date('2026-06-01T12:00:00Z');
  const content = new Uint8Array(Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/a.txt\n'));
  const pki = opensslPki();
  const sig: Record<string, Uint8Array> = {};
  beforeAll(() => {
    pki.file('content.bin', Buffer.from(content));
    pki.certificate({ name: 'root', cn: 'Root CA', kind: 'rsa', ext: 'v3_ca' });
    pki.certificate({ name: 'other', cn: 'Root CA', kind: 'rsa', ext: 'v3_ca' });
    pki.certificate({ name: 'inter', cn: 'Intermediate CA', kind: 'rsa', issuer: 'root', ext: 'v3_ca' });
    pki.certificate({ name: 'leaf', cn: 'Leaf signer', kind: 'ec', issuer: 'inter', ext: 'v3_user' });
    pki.certificate({ name: 'rsa', cn: 'RSA signer', kind: 'rsa', issuer: 'root', ext: 'v3_user', to: '20260501000000Z' });
    const sign = (name: string, signer: string, extra: string[]) => (sig[name] = new Uint8Array(readFileSync(pki.sign(name, signer, 'content.bin', extra, SIGNED))));
    sign('chain', 'leaf', ['-certfile', 'inter.pem', '-md', 'sha512']);
    sign('pss', 'rsa', ['-keyopt', 'rsa_padding_mode:pss']);
    sign('noattr', 'leaf', ['-certfile', 'inter.pem', '-noattr']);
  });
  afterAll(() => pki.remove());

  it('accepts EC P-256 with SHA-512 through an intermediate CA, as the workstation does', async () => {
    const r = await core.verifySignature(content, sig.chain!, pki.pem('root'));
    expect(r.detail).toBeUndefined();
    expect(r).toMatchObject({ ok: true, signer: { commonName: 'Leaf signer' } });
    expect(r.signingTime?.toISOString()).toBe(SIGNED.toISOString());
    const changed = Uint8Array.from(content);
    changed[0] = changed[0]! ^ 1;
    expect((await core.verifySignature(changed, sig.chain!, pki.pem('root'))).problem).toBe('清单内容与签名不符（清单已被修改）');
    expect((await core.verifySignature(content, sig.chain!, pki.pem('other'))).problem).toBe('签名人证书不是由本光盘上的根证书签发');
  });

  it('says why it refuses an RSA-PSS signature made after its certificate expired, and one without a signing time', async () => {
    expect((await core.verifySignature(content, sig.pss!, pki.pem('root'))).problem).toBe('签名时签名人证书不在有效期内');
    expect((await core.verifySignature(content, sig.noattr!, pki.pem('root'))).problem).toBe('签名中没有签名时间，无法核验签名时证书是否有效');
  });
});

function treeOf(dir: string): { path: string; file: Blob }[] {
  const out: { path: string; file: Blob }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: `disc/${relative(dir, p).split(sep).join('/')}`, file: new Blob([]) });
    }
  };
  walk(dir);
  return out;
}

describe('disc check of the verifier page', () => {
  it('passes the staged bag with the originals, and names a changed, a missing and an extra file', async () => {
    // The disc tree: staged tag and generated files plus the originals at their disc paths.
    const list = treeOf(fixture.bag.stagingDir);
    for (const item of list) item.file = new Blob([await readFile(join(fixture.bag.stagingDir, item.path.slice(5)))]);
    for (const p of fixture.bag.payload.filter((x) => x.origin === 'original')) list.push({ path: `disc/${p.discPath}`, file: new Blob([await readFile(p.diskPath)]) });
    const tree = core.discTree(list)!;
    const good = await core.verifyDisc(tree);
    expect(good.files.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(good.signature.ok).toBe(true);
    expect(good.ok).toBe(true);

    const victim = fixture.bag.payload[0]!.discPath;
    const bytes = new Uint8Array(await tree.get(victim)!.arrayBuffer());
    bytes[0] = bytes[0]! ^ 1;
    tree.set(victim, new Blob([bytes]));
    const gone = fixture.bag.payload[1]!.discPath;
    tree.delete(gone);
    tree.set('data/planted.txt', new Blob(['x']));
    const bad = await core.verifyDisc(tree);
    expect(bad.ok).toBe(false);
    expect(bad.files.find((f) => f.path === victim)?.status).toBe('changed');
    expect(bad.files.find((f) => f.path === gone)?.status).toBe('missing');
    expect(bad.files.find((f) => f.path === 'data/planted.txt')?.status).toBe('extra');
  });
});

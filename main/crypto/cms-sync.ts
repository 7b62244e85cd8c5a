/**
 * Runs the shared CMS check (cms-core.ts, as bundled for verify.html) synchronously in Node. PKI.js is
 * promise-based, but the signature checks run inside SQLite transactions (sealing at login) and other
 * synchronous paths. So the bundle runs in a vm context whose microtasks drain when the call returns
 * (microtaskMode 'afterEvaluate'), over a WebCrypto whose few methods PKI.js needs here are done at once
 * with node:crypto: the promise chain then completes within the call.
 */
import { constants, createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import vm from 'node:vm';
import { CMS_CORE_JS } from './cms-bundle.generated';
import type { CmsInput, CmsResult } from './cms-core';

interface Algorithm {
  name: string;
  hash?: string | { name: string };
  saltLength?: number;
}

const HASHES: Record<string, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function hashOf(alg: Algorithm | string | undefined): string {
  const name = typeof alg === 'string' ? alg : typeof alg?.hash === 'string' ? alg.hash : (alg?.hash?.name ?? alg?.name);
  const hash = name ? HASHES[name.toUpperCase()] : undefined;
  if (!hash) throw new Error(`unsupported hash ${String(name)}`);
  return hash;
}

/** The synchronous work behind the context's SubtleCrypto; errors become rejected promises there. */
const host = {
  digest: (alg: Algorithm | string, data: Uint8Array): Buffer => createHash(hashOf(alg)).update(data).digest(),
  importKey: (format: string, data: Uint8Array | JsonWebKey): KeyObject => {
    // Values come from the vm's realm, where instanceof against this realm's classes fails.
    if (format === 'spki' && ArrayBuffer.isView(data)) return createPublicKey({ key: Buffer.from(data), format: 'der', type: 'spki' });
    if (format === 'jwk' && !ArrayBuffer.isView(data)) {
      const { kty, n, e, crv, x, y } = data;
      return createPublicKey({ key: { kty, n, e, crv, x, y }, format: 'jwk' });
    }
    throw new Error(`unsupported key format ${format}`);
  },
  verify: (alg: Algorithm, keyAlg: Algorithm, key: KeyObject, signature: Uint8Array, data: Uint8Array): boolean => {
    const name = alg.name.toUpperCase();
    const hash = hashOf(alg.hash ? alg : keyAlg);
    if (name === 'RSASSA-PKCS1-V1_5') return verify(hash, data, key, signature);
    if (name === 'RSA-PSS') return verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? 32 }, signature);
    if (name === 'ECDSA') return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    throw new Error(`unsupported signature algorithm ${alg.name}`);
  },
};

// Context-side glue: copies bytes into the context's own typed arrays (the bundle checks their type)
// and wraps each result in the context's Promise, so its microtask queue holds the whole chain.
const GLUE = String.raw`
var bytes = function (d) {
  var v = ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);
  var out = new Uint8Array(v.length); out.set(v); return out;
};
var settle = function (f) { return new Promise(function (ok, fail) { try { ok(f()); } catch (e) { fail(e); } }); };
var evCrypto = {
  getRandomValues: function () { throw new Error('not needed to verify'); },
  subtle: {
    digest: function (alg, data) { return settle(function () { return bytes(host.digest(alg, bytes(data))).buffer; }); },
    importKey: function (format, data, alg, extractable, usages) {
      return settle(function () {
        var key = host.importKey(format, format === 'jwk' ? data : bytes(data));
        return { type: 'public', algorithm: alg, extractable: extractable, usages: usages, handle: key };
      });
    },
    verify: function (alg, key, signature, data) {
      return settle(function () { return host.verify(alg, key.algorithm, key.handle, bytes(signature), bytes(data)); });
    }
  }
};
var evRun = function (input) {
  globalThis.evOut = undefined;
  var copy = { content: bytes(input.content), signature: bytes(input.signature), caDer: bytes(input.caDer) };
  if (input.at) copy.at = new Date(input.at.getTime());
  EvCms.verifyCms(copy, evCrypto).then(function (r) { globalThis.evOut = r; }, function (e) { globalThis.evOut = { ok: false, problem: 'format', reason: String(e) }; });
};
`;

let context: vm.Context | undefined;

function cmsContext(): vm.Context {
  if (!context) {
    const ctx = vm.createContext({ host, TextEncoder, TextDecoder, atob, btoa }, { microtaskMode: 'afterEvaluate' });
    vm.runInContext(`${CMS_CORE_JS}\n${GLUE}`, ctx, { filename: 'cms-bundle.js' });
    context = ctx;
  }
  return context;
}

/** cms-core's verifyCms, synchronously; the result is in this realm (Buffer, Date). */
export function verifyCmsSync(input: CmsInput): CmsResult {
  const ctx = cmsContext();
  ctx.evInput = input;
  vm.runInContext('evRun(evInput)', ctx);
  const out = ctx.evOut as CmsResult | undefined;
  ctx.evInput = undefined;
  ctx.evOut = undefined;
  if (!out) throw new Error('the CMS check did not complete synchronously');
  return {
    ok: out.ok === true,
    ...(out.problem ? { problem: out.problem } : {}),
    ...(out.reason ? { reason: String(out.reason) } : {}),
    ...(out.signerDer ? { signerDer: Buffer.from(out.signerDer) } : {}),
    ...(out.signer ? { signer: { ...out.signer } } : {}),
    ...(out.signingTime ? { signingTime: new Date(out.signingTime.getTime()) } : {}),
  };
}

/**
 * The verifier page's logic as plain browser JavaScript (ES2017, no modules, no network): an incremental
 * SHA-256 so multi-GB originals are hashed in chunks, the CMS signature check (EvCms, the workstation's own
 * check with PKI.js, inlined before this script) over WebCrypto, and the comparison of a disc's files against
 * its manifest as RFC 8493 reads a bag. Kept free of the DOM so the unit tests run it in Node's vm with the
 * same WebCrypto. Written without backticks or dollar-braces: it lives inside a template string.
 */
export const CORE_JS = String.raw`
'use strict';
var EV = (function () {
  // ---- SHA-256 (FIPS 180-4), incremental ----
  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

  function compress(H, W, p, off) {
    var i, x, y;
    for (i = 0; i < 16; i++) {
      var j = off + i * 4;
      W[i] = (p[j] << 24) | (p[j + 1] << 16) | (p[j + 2] << 8) | p[j + 3];
    }
    for (i = 16; i < 64; i++) {
      x = W[i - 15]; y = W[i - 2];
      W[i] = (W[i - 16] + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[i - 7] +
        (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
    for (i = 0; i < 64; i++) {
      var t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
  }

  function Sha256() {
    this.h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    this.w = new Int32Array(64);
    this.buf = new Uint8Array(64);
    this.bufLen = 0;
    this.length = 0;
  }
  Sha256.prototype.update = function (data) {
    var n = data.length, p = 0;
    this.length += n;
    if (this.bufLen > 0) {
      var take = Math.min(64 - this.bufLen, n);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      p = take;
      if (this.bufLen < 64) return this;
      compress(this.h, this.w, this.buf, 0);
      this.bufLen = 0;
    }
    for (; p + 64 <= n; p += 64) compress(this.h, this.w, data, p);
    if (p < n) { this.buf.set(data.subarray(p), 0); this.bufLen = n - p; }
    return this;
  };
  Sha256.prototype.digest = function () {
    var len = this.length;
    var pad = new Uint8Array(((this.bufLen < 56) ? 56 : 120) - this.bufLen + 8);
    pad[0] = 0x80;
    // Bit length as 64-bit big-endian; byte lengths here stay below 2^53.
    var hi = Math.floor(len / 0x20000000), lo = (len * 8) >>> 0;
    var e = pad.length;
    pad[e - 8] = hi >>> 24; pad[e - 7] = hi >>> 16; pad[e - 6] = hi >>> 8; pad[e - 5] = hi;
    pad[e - 4] = lo >>> 24; pad[e - 3] = lo >>> 16; pad[e - 2] = lo >>> 8; pad[e - 1] = lo;
    this.update(pad);
    var out = new Uint8Array(32);
    for (var i = 0; i < 8; i++) {
      out[i * 4] = this.h[i] >>> 24; out[i * 4 + 1] = this.h[i] >>> 16; out[i * 4 + 2] = this.h[i] >>> 8; out[i * 4 + 3] = this.h[i];
    }
    return out;
  };

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }
  function sha256Bytes(bytes) { return new Sha256().update(bytes).digest(); }

  // ---- Files: hashed in chunks, never whole (originals can be several GB) ----
  var CHUNK = 8 * 1024 * 1024;
  function readSlice(file, start, end) {
    var blob = file.slice(start, end);
    if (blob.arrayBuffer) return blob.arrayBuffer();
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
      r.readAsArrayBuffer(blob);
    });
  }
  /** Hex SHA-256 of a File/Blob; onBytes(n) after each chunk. The next chunk is read while one is hashed. */
  async function hashFile(file, onBytes) {
    var h = new Sha256();
    var size = file.size;
    var next = size > 0 ? readSlice(file, 0, Math.min(CHUNK, size)) : null;
    for (var pos = 0; pos < size;) {
      var buf = new Uint8Array(await next);
      pos += buf.length;
      next = pos < size ? readSlice(file, pos, Math.min(pos + CHUNK, size)) : null;
      h.update(buf);
      if (onBytes) onBytes(buf.length);
      if (buf.length === 0) throw new Error('short read');
    }
    return hex(h.digest());
  }
  async function readBytes(file) { return new Uint8Array(await readSlice(file, 0, file.size)); }

  // ---- The CMS signature: EvCms (main/crypto/cms-core.ts with PKI.js), the check the workstation runs ----
  function pemToDer(pem) {
    var m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
    if (!m) throw new Error('no certificate in the PEM file');
    var bin = atob(m[1].replace(/\s+/g, '')), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  var PROBLEMS = {
    ca: '根证书文件无法读取',
    format: '签名文件格式无法识别',
    algorithm: '不支持的签名算法',
    'no-signer': '签名文件中没有签名人证书',
    digest: '清单内容与签名不符（清单已被修改）',
    value: '签名值无效',
    chain: '签名人证书不是由本光盘上的根证书签发',
    'no-time': '签名中没有签名时间，无法核验签名时证书是否有效',
    usage: '签名人证书不允许用于签名',
    carried: '签名文件中夹带了不属于签名人证书链的证书'
  };
  function problemOf(res) {
    if (res.problem === 'chain' && /not yet valid or expired/.test(res.reason || '')) return '签名时签名人证书不在有效期内';
    return PROBLEMS[res.problem] || '签名无效';
  }

  /**
   * Checks a detached CMS signature over content against the CA certificate (PEM text).
   * Resolves { ok, problem (Chinese, when not ok), detail (English), signer, signingTime, ca: { subject, fingerprint, notAfter } }.
   */
  async function verifySignature(contentBytes, signatureDer, caPem) {
    var r = { ok: false };
    var caDer;
    try {
      caDer = pemToDer(caPem);
      var ca = EvCms.describeCertificate(caDer);
      r.ca = { subject: ca.subject, fingerprint: hex(sha256Bytes(caDer)), notAfter: ca.notAfter };
    } catch (e) {
      r.problem = PROBLEMS.ca; return r;
    }
    if (!(globalThis.crypto && crypto.subtle)) { r.problem = '当前浏览器不支持 WebCrypto，无法核验签名'; return r; }
    // As the workstation does: validity at signing, never by this computer's clock.
    var res = await EvCms.verifyCms({ content: contentBytes, signature: signatureDer, caDer: caDer }, crypto);
    if (res.signer) r.signer = res.signer;
    if (res.signingTime) r.signingTime = res.signingTime;
    if (!res.ok) { r.problem = problemOf(res); r.detail = res.reason; return r; }
    r.ok = true;
    return r;
  }

  // ---- Manifests and the disc tree ----
  /** Parses sha256sum -c text; returns { entries: [{ path, sha256 }], bad: [line numbers] }. */
  function parseManifest(txt) {
    var entries = [], bad = [];
    txt.replace(/^\uFEFF/, '').split(/\r?\n/).forEach(function (line, i) {
      if (line === '') return;
      var m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
      if (!m) bad.push(i + 1); else entries.push({ path: m[2], sha256: m[1].toLowerCase() });
    });
    return { entries: entries, bad: bad };
  }

  // Payload lives under data/ (RFC 8493); anything else is a tag file, which the tag manifest need not list.
  var PAYLOAD_DIR = 'data/';
  var IGNORED = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$/i;

  /**
   * From [{ path, file }] as picked (paths start with the chosen folder's name), the disc root: the folder
   * holding the shallowest manifest-sha256.txt. Returns a Map path-inside-disc -> File, or null.
   */
  function discTree(list) {
    var best = null;
    list.forEach(function (x) {
      var p = x.path.replace(/^\/+/, '');
      if (/(^|\/)manifest-sha256\.txt$/.test(p)) {
        var prefix = p.slice(0, p.length - 'manifest-sha256.txt'.length);
        if (best === null || prefix.split('/').length < best.split('/').length) best = prefix;
      }
    });
    if (best === null) return null;
    var map = new Map();
    list.forEach(function (x) {
      var p = x.path.replace(/^\/+/, '');
      if (p.indexOf(best) === 0) map.set(p.slice(best.length), x.file);
    });
    return map;
  }

  async function readText(file) { return new TextDecoder('utf-8').decode(await readBytes(file)); }

  /**
   * Checks a disc tree (Map path -> File). onProgress({ doneBytes, totalBytes, current }).
   * Resolves { ok, files: [{ path, status: ok|changed|missing|extra|ignored, expected, actual, size, tag }],
   * signature, info, problems: [Chinese] }.
   */
  async function verifyDisc(tree, onProgress) {
    var res = { ok: false, files: [], problems: [], info: {} };
    var need = ['bagit.txt', 'manifest-sha256.txt', 'manifest-sha256.txt.p7s', 'certs/office-ca.pem'];
    var lacking = need.filter(function (n) { return !tree.has(n); });
    if (lacking.length) {
      res.problems.push('缺少校验所需的文件：' + lacking.join('、'));
      lacking.forEach(function (n) { res.files.push({ path: n, status: 'missing', tag: true }); });
      return res;
    }
    var bagit = (await readText(tree.get('bagit.txt'))).replace(/^\uFEFF/, '').split(/\r?\n/);
    var bagitOk = true;
    if (!bagit.some(function (l) { return /^BagIt-Version: \d+\.\d+$/.test(l); })) { bagitOk = false; res.problems.push('bagit.txt 中没有 BagIt-Version 声明'); }
    if (!bagit.some(function (l) { return /^Tag-File-Character-Encoding: UTF-8$/i.test(l); })) { bagitOk = false; res.problems.push('bagit.txt 中没有声明标签文件编码为 UTF-8'); }
    var manifestBytes = await readBytes(tree.get('manifest-sha256.txt'));
    var manifest = parseManifest(new TextDecoder('utf-8').decode(manifestBytes));
    if (manifest.bad.length) res.problems.push('清单第 ' + manifest.bad.join('、') + ' 行格式错误');
    res.signature = await verifySignature(manifestBytes, await readBytes(tree.get('manifest-sha256.txt.p7s')),
      await readText(tree.get('certs/office-ca.pem')));
    if (tree.has('bag-info.txt')) {
      (await readText(tree.get('bag-info.txt'))).split(/\r?\n/).forEach(function (l) {
        var m = /^([A-Za-z-]+):\s*(.*)$/.exec(l);
        if (m) res.info[m[1]] = m[2];
      });
    }
    var tags = tree.has('tagmanifest-sha256.txt') ? parseManifest(await readText(tree.get('tagmanifest-sha256.txt'))).entries : [];
    var checks = manifest.entries.map(function (e) { return { e: e, tag: false }; })
      .concat(tags.map(function (e) { return { e: e, tag: true }; }));
    var listed = new Set(checks.map(function (c) { return c.e.path; }));
    var total = 0;
    checks.forEach(function (c) { var f = tree.get(c.e.path); if (f) total += f.size; });
    var done = 0;
    for (var i = 0; i < checks.length; i++) {
      var c = checks[i], file = tree.get(c.e.path);
      var row = { path: c.e.path, expected: c.e.sha256, tag: c.tag, size: file ? file.size : undefined };
      if (!file) row.status = 'missing';
      else {
        if (onProgress) onProgress({ doneBytes: done, totalBytes: total, current: c.e.path });
        row.actual = await hashFile(file, function (n) { done += n; if (onProgress) onProgress({ doneBytes: done, totalBytes: total, current: c.e.path }); });
        row.status = row.actual === c.e.sha256 ? 'ok' : 'changed';
      }
      res.files.push(row);
    }
    var read = need.concat(['tagmanifest-sha256.txt']);
    tree.forEach(function (file, path) {
      if (listed.has(path) || read.indexOf(path) >= 0) return;
      var payload = path.indexOf(PAYLOAD_DIR) === 0;
      if (IGNORED.test(path)) res.files.push({ path: path, status: 'ignored', size: file.size, tag: true });
      else if (payload) res.files.push({ path: path, status: 'extra', size: file.size, tag: false });
      else res.files.push({ path: path, status: 'tag', size: file.size, tag: true });
    });
    var bad = res.files.filter(function (f) { return f.status !== 'ok' && f.status !== 'ignored' && f.status !== 'tag'; });
    res.ok = bagitOk && res.signature.ok && bad.length === 0 && manifest.bad.length === 0 && manifest.entries.length > 0;
    if (manifest.entries.length === 0) res.problems.push('清单中没有任何文件');
    return res;
  }

  return { Sha256: Sha256, hex: hex, hashFile: hashFile, parseManifest: parseManifest, verifySignature: verifySignature,
    discTree: discTree, verifyDisc: verifyDisc };
})();
`;

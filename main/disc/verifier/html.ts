/**
 * verify/verify.html: one self-contained page (inline CSS and JS, no network, no other files) that a court
 * clerk opens from the disc in any current browser. A TS module rather than a .html asset so the builder
 * finds it the same way under tsx, vitest, the CLI and the packaged app.
 */
import { utcOffsetMinutes } from '../../common';
import { CMS_CORE_JS } from '../../crypto';
import { CORE_JS } from './core-script';
import { UI_JS } from './ui-script';

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;color:#1f2329;background:#f3f5f8}
main{max-width:1100px;margin:0 auto;padding:24px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#555}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px 20px;margin-top:16px}
.card h2{margin:0 0 8px;font-size:17px}
#drop{border:2px dashed #8aa4c8;text-align:center;padding:28px;transition:background .2s}
#drop.over{background:#e6f0ff}
.pick{display:inline-block;background:#1677ff;color:#fff;padding:8px 22px;border-radius:6px;cursor:pointer;font-size:16px}
.pick input{display:none}
.muted{color:#666;font-size:13px;margin:4px 0}
#progress .track{height:10px;background:#e5e8ec;border-radius:5px;overflow:hidden}
#bar{height:100%;width:0;background:#1677ff}
#ptext{font-size:13px;color:#444;margin-top:6px;word-break:break-all}
.verdict{margin-top:16px;border-radius:8px;padding:16px 20px;color:#fff}
.verdict .big{font-size:28px;font-weight:700}
.verdict.good{background:#2e7d32}
.verdict.bad{background:#c62828}
.sig.good .line{color:#2e7d32;font-weight:600}
.sig.bad .line{color:#c62828;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dt{color:#666}
dd{margin:0}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eceef1;vertical-align:top}
th{background:#f7f8fa}
td.path{word-break:break-all}
td.num{white-space:nowrap;text-align:right}
td.hash{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:11px;word-break:break-all;color:#555}
td.status{white-space:nowrap;font-weight:600}
tr.ok td.status{color:#2e7d32}
tr.changed td.status,tr.missing td.status,tr.extra td.status,.bad-text{color:#c62828}
tr.changed,tr.missing,tr.extra{background:#fff4f4}
tr.ignored td.status,tr.tag td.status{color:#888}
#warn{background:#fff7e6;border-color:#ffd591}
.fp{border:2px solid #d48806;background:#fffbe6}
.fp-value{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:20px;font-weight:700;word-break:break-all;margin:4px 0 8px}
footer{margin:24px 0;color:#888;font-size:12px;text-align:center}
`;

/** A script placed inside <script>: it must not end the element early. */
function inlineScript(js: string): string {
  if (/<\/script/i.test(js)) throw new Error('an inline script contains </script');
  return js;
}

const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page; it shows the signing time on the office's clock (the reader's computer may be anywhere): `timeZone` is the
 * office's and `signedAt` the disc's signing, at which the zone's offset from UTC is written for the page to apply.
 */
export function verifierHtml(timeZone: string, signedAt: Date): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>证据光盘校验</title>
<style>${CSS}</style>
</head>
<body data-time-zone="${attr(timeZone)}" data-utc-offset="${utcOffsetMinutes(signedAt, timeZone)}">
<main>
<header>
<h1>证据光盘校验</h1>
<p>本页面离线运行，不联网、不上传任何文件。它逐个计算光盘上文件的 SHA-256 哈希值，与签名清单 manifest-sha256.txt 比对，并用光盘上的根证书核验清单签名；该根证书的指纹须与制作单位另行公布的指纹核对。</p>
</header>
<section class="card" id="warn" hidden>当前浏览器不支持 WebCrypto，无法核验签名。请使用最新版 Chrome、Edge 或 Firefox。</section>
<section class="card" id="drop">
<label class="pick">选择光盘文件夹<input type="file" id="pick" webkitdirectory directory multiple></label>
<p class="muted">请选择光盘的根目录（包含 manifest-sha256.txt 的文件夹），或将该文件夹拖到此处。浏览器可能询问是否上传，文件只在本机读取，不会离开本机。</p>
</section>
<section class="card" id="progress" hidden><div class="track"><div id="bar"></div></div><div id="ptext"></div></section>
<div id="result" aria-live="polite"></div>
<footer>执法记录仪证据工作站 · 离线校验页面 · BagIt（RFC 8493）· SHA-256 · CMS/PKCS#7</footer>
</main>
<script>${inlineScript(CMS_CORE_JS)}</script>
<script>${CORE_JS}</script>
<script>${UI_JS}</script>
</body>
</html>
`;
}

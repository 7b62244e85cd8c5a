/** The bag's plain-text tag files (BagIt, RFC 8493), pure so their exact text is easy to test. */
import { hasUnsafeChar } from '../common';

export const BAG_FILES = {
  bagit: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  signature: 'manifest-sha256.txt.p7s',
  tagManifest: 'tagmanifest-sha256.txt',
  readme: 'README.txt',
  caCert: 'certs/office-ca.pem',
  verifier: 'verify/verify.html',
} as const;

export interface ManifestEntry {
  /** Path on the disc, posix, e.g. 'data/originals/2026/11/27/REC01/a.MP4'. */
  path: string;
  sha256: string;
}

export interface DiscLabel {
  /** Disc register id, e.g. 'D2026-0007'; the bag's External-Identifier. */
  discId: string;
  caseNumber: string;
  caseTitle: string;
  /** 1-based. */
  discIndex: number;
  discCount: number;
  /** Source-Organization, e.g. 某某镇人民政府. */
  organization: string;
  /** e.g. 综合行政执法大队. */
  unit?: string;
}

/** A relative '/'-separated path that stays inside its folder. */
export function assertRelativePath(path: string): void {
  if (path.startsWith('/') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`path not allowed on a disc: ${JSON.stringify(path)}`);
  }
}

/**
 * Names that `sha256sum -c` and BagIt readers would need escaped or percent-encoded, and control or bidi
 * characters that would break or disguise a line; we refuse them instead. Joliet names never hold them.
 */
export function assertPlainPath(path: string): void {
  assertRelativePath(path);
  if (hasUnsafeChar(path) || /[\\%]/.test(path)) throw new Error(`path not allowed in a bag manifest: ${JSON.stringify(path)}`);
}

/** `sha256sum -c` format, which is also a BagIt manifest: sorted by path, LF line ends. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of sorted) {
    assertPlainPath(e.path);
    if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw new Error(`not a lower-case SHA-256 for ${e.path}`);
  }
  return sorted.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

export function bagitText(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

export function discTitle(label: DiscLabel): string {
  return `第${label.discIndex}张，共${label.discCount}张`;
}

export function bagInfoText(args: { label: DiscLabel; baggingDate: string; payloadBytes: number; payloadFiles: number }): string {
  const { label } = args;
  const unit = label.unit ? `${label.organization}${label.unit}` : label.organization;
  const lines = [
    `Source-Organization: ${oneLine(label.organization)}`,
    `Bagging-Date: ${args.baggingDate}`,
    `Payload-Oxum: ${args.payloadBytes}.${args.payloadFiles}`,
    `External-Identifier: ${oneLine(label.discId)}`,
    `Bag-Group-Identifier: ${oneLine(label.caseNumber)}`,
    `Bag-Count: ${label.discIndex} of ${label.discCount}`,
    `Internal-Sender-Identifier: ${oneLine(label.caseNumber)}`,
    `Internal-Sender-Description: ${oneLine(`${unit}执法记录仪视听资料证据光盘。案件：${label.caseNumber}《${label.caseTitle}》，${discTitle(label)}。`)}`,
  ];
  return lines.join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

/** README.txt in Chinese: what the disc is and three ways to check it. CRLF and a BOM so old Notepad shows it. */
export function readmeText(args: {
  label: DiscLabel;
  baggingDate: string;
  signerName: string;
  /** The office CA's SHA-256 fingerprint, 'AB:CD:…' (certificateFingerprint). */
  caFingerprint: string;
  payloadFiles: number;
}): string {
  const { label } = args;
  const unit = label.unit ? `${label.organization}${label.unit}` : label.organization;
  const fp = args.caFingerprint;
  const text = `执法记录仪视听资料证据光盘
==========================

制作单位：${unit}
案件编号：${label.caseNumber}
案件名称：${label.caseTitle}
光盘编号：${label.discId}（${discTitle(label)}）
制作日期：${args.baggingDate}
清单签名人：${args.signerName}

一、光盘内容
  data/originals/            执法记录仪原始文件，与入库时逐字节一致，未经任何剪辑或转码
  data/record-form.docx      执法记录仪视听资料记录表（及其签名文件 .p7s）
  data/chain-of-custody.json 这些文件的保管记录（审计日志摘录）
  manifest-sha256.txt        data/ 下全部 ${args.payloadFiles} 个文件的 SHA-256 哈希值清单
  manifest-sha256.txt.p7s    清单的电子签名（CMS/PKCS#7）
  certs/office-ca.pem        本单位根证书，用于核验签名
  verify/verify.html         离线校验页面
  bagit.txt、bag-info.txt、tagmanifest-sha256.txt  BagIt（RFC 8493）格式说明文件

二、如何校验（任选一种，均无需联网）
  方法一：用任意浏览器（Chrome、Edge、Firefox 等）打开光盘上的 verify/verify.html，
          点击“选择光盘文件夹”并选择光盘的根目录，等待校验完成。
          页面逐个计算文件哈希值并与清单比对，同时核验清单签名，显示“校验通过”或“校验失败”。
  方法二：在光盘根目录下执行
          sha256sum -c manifest-sha256.txt
          每个文件应显示“成功/OK”。
  方法三：核验清单签名：
          openssl cms -verify -binary -inform DER -in manifest-sha256.txt.p7s -content manifest-sha256.txt -CAfile certs/office-ca.pem -out /dev/null
          应显示 “Verification successful”（Windows 下将 /dev/null 换成 NUL）。

三、根证书指纹（SHA-256）
  本单位根证书指纹：
  ${fp}
  以上三种方法都用光盘自带的根证书 certs/office-ca.pem 核验签名。若有人替换了光盘内容并用自制的根证书重新签名，
  校验同样会“通过”。因此，法院或其他审查人员须将光盘上根证书的指纹（verify.html 页面显示，或执行
          openssl x509 -in certs/office-ca.pem -noout -fingerprint -sha256
  查看）与制作单位另行公布或书面提供的根证书指纹逐位核对；本光盘所附记录表上也印有该指纹。
  指纹一致，签名方可采信；不一致，说明根证书已被替换，光盘不可信。
`;
  return '\ufeff' + text.replace(/\n/g, '\r\n');
}

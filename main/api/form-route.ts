import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Session } from '../accounts';
import type { Role } from '../common';
import type { ApiServices } from './context';
import { methods, type MethodName } from './contract';
import { auditAs } from '../audit';
import { MEDIA_HEADERS, plainResponse } from './serve-file';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Each kind of document a method writes into the archive's forms/ folder for people to take away, by exact name.
 * Whoever may call the method may have its documents; nothing else in forms/ (a record form's signed content, its
 * signatures and scan) leaves by this door. A name alone is no key: the role is checked and the file must exist.
 */
const KINDS: readonly { method: MethodName; name: RegExp; contentType: string }[] = [
  { method: 'ingest.handoverSheet', name: /^交接登记表-\d{8}-\d{3,15}\.docx$/, contentType: DOCX },
  { method: 'weekly.run', name: /^weekly-\d{4}-\d{2}-\d{2}\.docx$/, contentType: DOCX },
  { method: 'weekly.run', name: /^weekly-\d{4}-\d{2}-\d{2}\.docx\.p7s$/, contentType: 'application/pkcs7-signature' },
  { method: 'register.docx', name: /^查阅登记表-\d{8}-\d{8}\.docx$/, contentType: DOCX },
  { method: 'forms.recordDocx', name: /^记录表-\d{4}-\d{3,15}\.docx$/, contentType: DOCX },
  { method: 'devices.registerDocx', name: /^记录仪登记簿-\d{8}\.docx$/, contentType: DOCX },
  // Scanned loss/damage statements (art. 10): only to the keeper and the chief (devices.openStatement's roles).
  { method: 'devices.openStatement', name: /^recorder-incident-\d{1,9}-\d{1,3}\.pdf$/, contentType: 'application/pdf' },
  { method: 'devices.openStatement', name: /^recorder-incident-\d{1,9}-\d{1,3}\.jpg$/, contentType: 'image/jpeg' },
  { method: 'devices.openStatement', name: /^recorder-incident-\d{1,9}-\d{1,3}\.png$/, contentType: 'image/png' },
  { method: 'disposals.recordDocx', name: /^销毁记录-\d{4,15}\.docx$/, contentType: DOCX },
  { method: 'disposals.recordDocx', name: /^销毁记录-\d{4,15}\.docx\.p7s$/, contentType: 'application/pkcs7-signature' },
  { method: 'supervision.docx', name: /^日常检查记录-\d{8}\.docx$/, contentType: DOCX },
  { method: 'supervision.docx', name: /^daily-check-\d{4}-\d{2}-\d{2}\.json$/, contentType: 'application/json' },
  { method: 'supervision.docx', name: /^daily-check-\d{4}-\d{2}-\d{2}\.json\.p7s$/, contentType: 'application/pkcs7-signature' },
  { method: 'supervision.report', name: /^检查报告-\d{8}-\d{8}\.docx$/, contentType: DOCX },
  { method: 'supervision.report', name: /^检查报告-\d{8}-\d{8}\.docx\.p7s$/, contentType: 'application/pkcs7-signature' },
  { method: 'publicCopies.provenanceDocx', name: /^公开副本来源记录-\d{4,15}\.docx$/, contentType: DOCX },
];

export interface GeneratedDocument {
  fileName: string;
  method: MethodName;
  contentType: string;
}

/** The kind of a generated document by its file name, or null when the name is not one a generator writes. */
export function generatedDocument(fileName: string): GeneratedDocument | null {
  const kind = KINDS.find((k) => k.name.test(fileName));
  return kind ? { fileName, method: kind.method, contentType: kind.contentType } : null;
}

export type DocumentDecision = { allowed: true } | { allowed: false; code: 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED'; message: string };

/** The role check of the method that made the document. */
export function authorizeDocument(session: Session, doc: GeneratedDocument): DocumentDecision {
  if (session.mustChangePassword) return { allowed: false, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' };
  const access = methods[doc.method].access as 'public' | 'any' | readonly Role[];
  const allowed = access === 'public' || access === 'any' || access.some((r) => session.roles.includes(r));
  return allowed ? { allowed: true } : { allowed: false, code: 'FORBIDDEN', message: '您没有权限获取该文件' };
}

/** The absolute path of an existing generated document: a regular file directly in forms/ (no symlink), or null. */
export async function documentFile(services: ApiServices, doc: GeneratedDocument): Promise<string | null> {
  const file = path.join(services.archive.open().paths.forms, doc.fileName);
  const st = await lstat(file).catch(() => null);
  return st?.isFile() ? file : null;
}

/** The file name in `/forms/<name>`, decoded; null when it is not that shape; 'bad' when it does not decode. */
export function parseFormUrl(rawUrl: string): string | null | 'bad' {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const m = /^\/forms\/([^/]+)$/.exec(url.pathname);
  if (!m?.[1]) return null;
  try {
    const name = decodeURIComponent(m[1]);
    return name.includes('\0') ? 'bad' : name;
  } catch {
    return 'bad';
  }
}

/** The name with anything outside printable ASCII (and quotes) replaced, for the plain filename= parameter. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

function audit(services: ApiServices, session: Session, action: string, fileName: string, details: Record<string, string>): void {
  try {
    auditAs(services.archive.open().db, session, services.clock.now(), action, `form:${fileName}`, details);
  } catch (e) {
    services.log.error('audit write failed', { action, error: String(e) });
  }
}

/**
 * `/forms/<name>` in the browser host: the browser's stand-in for the desktop program opening the document. Session,
 * the generating method's roles and existence are checked; each download (GET) is audited with the hash of the bytes
 * sent, each refusal too. HEAD answers the same without moving content or writing a row.
 */
export async function handleFormRequest(services: ApiServices, request: Request, session: Session | null): Promise<Response> {
  const name = parseFormUrl(request.url);
  if (name === 'bad') return plainResponse(400, '请求地址有误');
  if (name === null) return plainResponse(404, '未找到');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, '不支持的请求方式', { Allow: 'GET, HEAD' });
  if (!session) return plainResponse(401, '请先登录');
  const doc = generatedDocument(name);
  if (!doc || !services.archive.isSetUp()) return plainResponse(404, '未找到');
  const decision = authorizeDocument(session, doc);
  if (!decision.allowed) {
    audit(services, session, 'form.download_denied', doc.fileName, { code: decision.code });
    return plainResponse(403, decision.message);
  }
  const file = await documentFile(services, doc);
  if (!file) return plainResponse(404, '文件不存在，请重新生成');
  // Small documents: read whole, so the hash in the audit row is of exactly the bytes sent.
  const data = await readFile(file);
  const headers = {
    ...MEDIA_HEADERS,
    'Content-Type': doc.contentType,
    'Content-Length': String(data.length),
    // Chinese names (交接登记表-…): RFC 6266/5987 filename*, with an ASCII stand-in for old clients.
    'Content-Disposition': `attachment; filename="${asciiName(doc.fileName)}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
  };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  audit(services, session, 'form.download', doc.fileName, { sha256: createHash('sha256').update(data).digest('hex') });
  return new Response(new Uint8Array(data), { status: 200, headers });
}

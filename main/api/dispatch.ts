import { z } from 'zod';
import { AppError, isAppError } from '../common';
import type { Session } from '../accounts';
import type { ApiServices, Client } from './context';
import { methods, type MethodName } from './contract';
import type { ApiResult } from './dto';
import { auditAs } from '../audit';
import type { CallContext, Handler } from './handler';
import { handlers } from './handlers';

z.config(z.locales.zhCN());

/** Methods a user who must change their password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['session.current', 'session.logout', 'session.changePassword', 'setup.status']);

function fail(code: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

function describeInvalid(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误';
  const where = first.path.length ? `（${first.path.join('.')}）` : '';
  return `输入有误${where}：${first.message}`;
}

/**
 * The one door into the main process, used by Electron IPC, the browser host and tests alike.
 * Never throws: every outcome is an ApiResult whose error message is Chinese and free of internals.
 */
export async function dispatch(services: ApiServices, client: Client, method: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  const { log, clock } = services;
  if (!isMethodName(method)) {
    log.warn('unknown api method', { method: String(method).slice(0, 80), client: client.id });
    return fail('UNKNOWN_METHOD', '未知的请求');
  }
  const spec = methods[method];
  const now = clock.now();

  let session: Session | null = null;
  const lookup = services.sessions.touch(client.sessionId);
  if (lookup.state === 'active') session = lookup.session;
  if (lookup.state === 'expired') {
    client.sessionId = null;
    safeAudit(services, lookup.session, now, 'session.idle_logout', `user:${lookup.session.userId}`);
    services.host.emit?.(client, 'session.ended', { reason: 'idle' });
  }

  if (spec.access !== 'public') {
    if (!session) {
      return lookup.state === 'expired'
        ? fail('SESSION_EXPIRED', '长时间未操作，已自动退出，请重新登录')
        : fail('NOT_LOGGED_IN', '请先登录');
    }
    if (spec.access !== 'any' && !spec.access.some((r) => session?.roles.includes(r))) {
      log.warn('forbidden api call', { method, login: session.login });
      safeAudit(services, session, now, 'access.denied', method);
      return fail('FORBIDDEN', '您没有权限执行此操作');
    }
    if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
      return fail('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
    }
  }

  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    log.warn('invalid api input', { method, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`) });
    return fail('INVALID_INPUT', describeInvalid(parsed.error));
  }

  const ctx: CallContext<typeof method> = {
    input: parsed.data,
    session: session as Session,
    client,
    services,
    now,
    db: () => services.archive.open().db,
    tx: (fn) => services.archive.open().db.transaction(fn)(),
    audit: (action, target, details) => auditAs(services.archive.open().db, session, now, action, target, details),
  };
  try {
    const handler = handlers[method] as Handler<typeof method>;
    return { ok: true, value: await handler(ctx) };
  } catch (e) {
    if (isAppError(e)) {
      log.info('api call refused', { method, code: e.code, reason: e.message });
      return fail(e.code, e.userMessage);
    }
    log.error('api call failed', { method, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), stack: e instanceof Error ? e.stack : undefined });
    return fail('INTERNAL', '操作失败：程序内部错误，详情已写入日志');
  }
}

/** Audits a security event; a failure to audit is logged, never hidden behind the original outcome. */
function safeAudit(services: ApiServices, session: Session | null, now: Date, action: string, target: string | null): void {
  try {
    if (services.archive.isSetUp()) auditAs(services.archive.open().db, session, now, action, target);
  } catch (e) {
    services.log.error('audit write failed', { action, error: String(e) });
  }
}

export { AppError };

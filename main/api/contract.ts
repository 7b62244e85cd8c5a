/**
 * THE contract: every method the renderer may call, with its input schema, its output type and
 * who may call it, and every event pushed to the renderer. The preload bridge, the browser-host
 * shim and the dispatcher are all derived from this one table.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../common';
import type {
  ApiResult,
  AuditPage,
  ChainReportDto,
  OfficeDto,
  SessionInfo,
  SetupStatus,
  UserDto,
} from './dto';

/** 'public': no login needed; 'any': any logged-in user; else the roles allowed. */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, O, A extends Access = Access> {
  access: A;
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

const method =
  <O>() =>
  <I extends z.ZodType, const A extends Access>(access: A, input: I): MethodSpec<I, O, A> => ({ access, input });

const none = z.object({}).strict();
const login = z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/, '登录名须为 2–32 位字母、数字、点、下划线或连字符');
const displayName = z.string().trim().min(1, '请填写姓名').max(32, '姓名过长');
const password = z.string().min(8, '密码至少 8 位').max(128, '密码过长');
const role = z.enum(ROLES);
const badgeNo = z.string().trim().max(32).nullable();
const account = z.object({ login, displayName, password }).strict();

export const methods = {
  // -- Setup (first run only) --
  'setup.status': method<SetupStatus>()('public', none),
  'setup.chooseArchive': method<SetupStatus>()('public', none),
  'setup.initialize': method<SessionInfo>()(
    'public',
    z
      .object({
        officeName: z.string().trim().min(1, '请填写单位全称').max(64),
        unitName: z.string().trim().min(1, '请填写印章单位名称').max(64),
        timeZone: z.string().trim().min(1).max(64),
        admin: account,
        // The wizard always asks for the chief; the CLI's `init` may leave it for later.
        chief: account.optional(),
      })
      .strict(),
  ),

  // -- Session --
  'session.current': method<SessionInfo | null>()('public', none),
  'session.login': method<SessionInfo>()(
    'public',
    z.object({ login: z.string().trim().min(1, '请输入登录名').max(64), password: z.string().min(1, '请输入密码').max(256) }).strict(),
  ),
  'session.logout': method<null>()('any', none),
  'session.changePassword': method<null>()(
    'any',
    z.object({ oldPassword: z.string().min(1).max(256), newPassword: password }).strict(),
  ),

  // -- Users (admin) --
  'users.list': method<UserDto[]>()(['admin'], none),
  'users.create': method<UserDto>()(
    ['admin'],
    z
      .object({ login, displayName, badgeNo, password, roles: z.array(role).min(1, '至少选择一个角色').max(ROLES.length) })
      .strict(),
  ),
  'users.update': method<UserDto>()(
    ['admin'],
    z
      .object({
        id: z.number().int().positive(),
        displayName: displayName.optional(),
        badgeNo: badgeNo.optional(),
        roles: z.array(role).min(1).max(ROLES.length).optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
  ),
  'users.resetPassword': method<UserDto>()(['admin'], z.object({ id: z.number().int().positive(), newPassword: password }).strict()),

  // -- Office settings --
  'office.get': method<OfficeDto>()('any', none),
  'office.update': method<OfficeDto>()(
    ['admin'],
    z
      .object({
        name: z.string().trim().min(1).max(64).optional(),
        unitName: z.string().trim().min(1).max(64).optional(),
        timeZone: z.string().trim().min(1).max(64).optional(),
        idleMinutes: z.number().int().min(1).max(480).optional(),
      })
      .strict(),
  ),

  // -- Audit log --
  'audit.list': method<AuditPage>()(
    ['admin', 'chief'],
    z
      .object({
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        action: z.string().max(64).optional(),
        actor: z.string().max(64).optional(),
        text: z.string().max(128).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'audit.verify': method<ChainReportDto>()(['admin', 'chief'], none),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodSpec<z.ZodType, infer O, Access> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];

// -- Push events (main → renderer) --
const event = <P>() => ({}) as { payload?: P };

export const events = {
  /** The session ended without the user asking: idle timeout, account disabled. */
  'session.ended': event<{ reason: 'idle' | 'disabled' }>(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { payload?: infer P } ? P : never;

// -- The typed client shape that window.evidence has, in Electron and in the browser host --
type Namespaces = MethodName extends `${infer N}.${string}` ? N : never;
type CallFn<M extends MethodName> = {} extends MethodInput<M>
  ? (input?: MethodInput<M>) => Promise<MethodOutput<M>>
  : (input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type EvidenceApi = {
  [N in Namespaces]: { [M in MethodName as M extends `${N}.${infer F}` ? F : never]: CallFn<M> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What a transport sends to the main process. */
export type Transport = {
  invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
};

/**
 * The object of an audit entry as a person names it (issue 11 item 10): 'media:16' → its file name,
 * 'officer:3' → '张三 警号 012345', 'user:2' → '王保管', 'record_form:1' → '记录表 2026-001'. The stored target
 * stays the stable id (the chain hashes it); only the page shows the name. Unknown or gone: null.
 */
import { formatInstant } from '../common';
import { readOffice, type Db } from '../store';

type Namer = (db: Db, id: string) => string | null;

const one = <T>(db: Db, sql: string, id: string): T | undefined => db.prepare(sql).get(id) as T | undefined;

const NAMERS: Record<string, Namer> = {
  media: (db, id) => one<{ n: string }>(db, 'SELECT original_name AS n FROM media WHERE id = ?', id)?.n ?? null,
  officer: (db, id) => {
    const o = one<{ name: string; badge: string }>(db, 'SELECT name, badge_no AS badge FROM officers WHERE id = ?', id);
    return o ? `${o.name} 警号 ${o.badge}` : null;
  },
  user: (db, id) => one<{ n: string }>(db, 'SELECT display_name AS n FROM users WHERE id = ?', id)?.n ?? null,
  recorder: (db, id) => {
    const r = one<{ serial: string }>(db, 'SELECT serial FROM recorders WHERE id = ?', id);
    return r ? `记录仪 ${r.serial}` : null;
  },
  case: (db, id) => {
    const c = one<{ number: string; title: string }>(db, 'SELECT number, title FROM cases WHERE id = ?', id);
    return c ? `案件 ${c.number} ${c.title}` : null;
  },
  record_form: (db, id) => {
    const f = one<{ discNo: string; number: string }>(db, 'SELECT f.disc_no AS discNo, c.number FROM record_forms f JOIN cases c ON c.id = f.case_id WHERE f.id = ?', id);
    return f ? `记录表 ${f.discNo}（${f.number}）` : null;
  },
  disc: (_db, id) => `光盘 ${id}`,
  access: (db, id) => {
    const r = one<{ who: string; at: string }>(db, 'SELECT u.display_name AS who, r.requested_at AS at FROM access_requests r JOIN users u ON u.id = r.requested_by WHERE r.id = ?', id);
    return r ? `${r.who} ${formatInstant(new Date(r.at), zone(db), 'MM-DD HH:mm')} 的查阅申请` : null;
  },
  ingest: (db, id) => {
    const s = one<{ at: string }>(db, 'SELECT started_at AS at FROM ingest_sessions WHERE id = ?', id);
    return s ? `${formatInstant(new Date(s.at), zone(db), 'YYYY-MM-DD HH:mm')} 的导入` : null;
  },
  integrity: (db, id) => {
    const c = one<{ at: string }>(db, 'SELECT started_at AS at FROM integrity_checks WHERE id = ?', id);
    return c ? `${formatInstant(new Date(c.at), zone(db), 'YYYY-MM-DD HH:mm')} 的完整性校验` : null;
  },
  weekly: (db, id) => {
    const w = one<{ week: string }>(db, 'SELECT week_start AS week FROM weekly_consolidations WHERE id = ?', id);
    return w ? `${w.week} 起一周的归档` : null;
  },
  day: (_db, id) => `${id} 的日清单`,
  seal: (_db, id) => `${id} 的日封存`,
  form: (_db, id) => id,
  supervision: (_db, id) => `${id} 的日常检查`,
  correction: (db, id) => {
    const c = one<{ day: string; assignee: string }>(db, 'SELECT day, assignee FROM supervision_corrections WHERE id = ?', id);
    return c ? `${c.day} 检查布置的纠正（${c.assignee}）` : null;
  },
};

const FIXED: Record<string, string> = { office: '单位', audit_log: '审计日志', register: '查阅登记表' };

function zone(db: Db): string {
  return readOffice(db)?.timeZone ?? 'Asia/Shanghai';
}

/** The name of an audit target, or null when it names nothing the archive still holds. */
export function describeAuditTarget(db: Db, action: string, target: string | null): string | null {
  if (!target) return null;
  if (action === 'access.denied') return `接口 ${target}`;
  const fixed = FIXED[target];
  if (fixed) return fixed;
  const i = target.indexOf(':');
  if (i < 0) return null;
  const namer = NAMERS[target.slice(0, i)];
  return namer ? namer(db, target.slice(i + 1)) : null;
}

/** Logins to display names, for the 操作人 column. */
export function displayNameOf(db: Db, login: string | null): string | null {
  if (!login) return null;
  return (db.prepare('SELECT display_name AS n FROM users WHERE login = ?').get(login) as { n: string } | undefined)?.n ?? null;
}

/** Detail keys that hold ids of things with a name, and the target kind that names them. */
export const DETAIL_REF_KINDS: Readonly<Record<string, string>> = {
  caseId: 'case',
  officerId: 'officer',
  userId: 'user',
  mediaId: 'media',
  mediaIds: 'media',
  recordFormId: 'record_form',
  requestId: 'access',
  session: 'ingest',
  namedUsers: 'user',
};

/** 'key:id' → name (e.g. 'caseId:3' → '案件 …') for every id the details refer to under a key of DETAIL_REF_KINDS (also inside before/after). */
export function detailRefs(db: Db, details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (obj: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(obj)) {
      const kind = DETAIL_REF_KINDS[k];
      if (kind) {
        for (const id of Array.isArray(v) ? v : [v]) {
          if (typeof id !== 'number') continue;
          const name = NAMERS[kind]!(db, String(id));
          if (name) out[`${k}:${id}`] = name;
        }
      } else if (v && typeof v === 'object' && !Array.isArray(v) && (k === 'before' || k === 'after')) visit(v as Record<string, unknown>);
    }
  };
  visit(details);
  return out;
}

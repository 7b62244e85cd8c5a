import { Checkbox } from 'antd';
import { ADMIN_EXCLUDES, type Role } from '../../../../main/common';
import { ROLE_HINTS, ROLE_LABELS, ROLES } from '../../labels';

function excluded(r: Role, chosen: readonly Role[]): boolean {
  return (r === 'admin' && chosen.some((x) => ADMIN_EXCLUDES.includes(x))) || (ADMIN_EXCLUDES.includes(r) && chosen.includes('admin'));
}

/** The form rules of a roles field: at least one, and never admin together with an approving role. */
export const ROLE_RULES = [
  { required: true, type: 'array' as const, min: 1, message: '至少选择一个角色' },
  {
    validator: (_r: unknown, v: Role[] | undefined) =>
      v?.includes('admin') && v.some((x) => ADMIN_EXCLUDES.includes(x)) ? Promise.reject(new Error('管理员不能同时担任大队负责人或乡主管领导（职责分离）')) : Promise.resolve(),
  },
];

/**
 * Roles as a multi-select with what each one does; used in the create and edit forms. A role that may
 * not go with one already chosen is greyed out; `disabled` locks all (nobody changes his own roles).
 */
export function RoleCheckboxes(props: { value?: Role[]; onChange?: (roles: Role[]) => void; disabled?: boolean }) {
  const chosen = props.value ?? [];
  return (
    <Checkbox.Group<Role> value={props.value} onChange={(v) => props.onChange?.(v)} disabled={props.disabled} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {ROLES.map((r) => (
        <Checkbox key={r} value={r} disabled={props.disabled || (!chosen.includes(r) && excluded(r, chosen))}>
          <span style={{ fontWeight: 500 }}>{ROLE_LABELS[r]}</span>
          <span style={{ color: '#8a94a6', fontSize: 12, marginLeft: 8 }}>{ROLE_HINTS[r]}</span>
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

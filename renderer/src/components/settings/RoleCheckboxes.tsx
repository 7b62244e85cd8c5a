import { Checkbox } from 'antd';
import type { Role } from '../../../../main/common/roles';
import { ROLE_HINTS, ROLE_LABELS, ROLE_ORDER } from '../../labels';

/** Roles as a multi-select with what each one does; used in the create and edit forms. */
export function RoleCheckboxes(props: { value?: Role[]; onChange?: (roles: Role[]) => void }) {
  return (
    <Checkbox.Group<Role> value={props.value} onChange={(v) => props.onChange?.(v)} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {ROLE_ORDER.map((r) => (
        <Checkbox key={r} value={r}>
          <span style={{ fontWeight: 500 }}>{ROLE_LABELS[r]}</span>
          <span style={{ color: '#8a94a6', fontSize: 12, marginLeft: 8 }}>{ROLE_HINTS[r]}</span>
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

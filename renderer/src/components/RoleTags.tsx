import { Tag } from 'antd';
import type { Role } from '../../../main/common/roles';
import { ROLE_COLORS, ROLE_LABELS, sortRoles } from '../labels';

export function RoleTags(props: { roles: readonly Role[]; variant?: 'filled' | 'outlined' }) {
  return (
    <>
      {sortRoles(props.roles).map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} variant={props.variant} style={{ marginInlineEnd: 4 }}>
          {ROLE_LABELS[r]}
        </Tag>
      ))}
    </>
  );
}

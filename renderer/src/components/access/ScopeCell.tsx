import { Tag, Typography } from 'antd';
import type { AccessScopeDto } from '../../../../main/api/dto';
import { CLASSIFICATION_COLORS, CLASSIFICATION_LABELS } from '../../labels';

/** What a request covers, with its classification when it is not 普通. */
export function ScopeCell({ scope }: { scope: AccessScopeDto }) {
  return (
    <span>
      <Typography.Text>{scope.label}</Typography.Text>
      {scope.kind === 'case' && <Typography.Text type="secondary">（{scope.mediaCount} 个文件）</Typography.Text>}
      {scope.classification !== 'normal' && (
        <Tag color={CLASSIFICATION_COLORS[scope.classification]} style={{ marginInlineStart: 6 }}>
          {CLASSIFICATION_LABELS[scope.classification]}
        </Tag>
      )}
    </span>
  );
}

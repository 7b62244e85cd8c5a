import { StarFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { formatBytes, formatDuration } from '../../format';
import { CATEGORY_LABELS, CLASSIFICATION_COLORS, CLASSIFICATION_LABELS, MEDIA_FLAG_COLORS, MEDIA_FLAG_HINTS, MEDIA_FLAG_LABELS, MEDIA_KIND_LABELS } from '../../labels';
import { formatTime } from '../../time';

export function when(iso: string): string {
  return formatTime(iso, 'YYYY-MM-DD HH:mm:ss');
}

export function officerText(o: LibraryItemDto['officer']): string {
  return o ? `${o.name}（${o.badgeNo}）` : '—';
}

export function Flags(props: { item: Pick<LibraryItemDto, 'flags' | 'keyMark' | 'classification' | 'needsProxy'> }) {
  const { item } = props;
  return (
    <span>
      {item.keyMark && (
        <Tooltip title="重点标记">
          <StarFilled style={{ color: '#fa8c16', marginRight: 6 }} aria-label="重点" />
        </Tooltip>
      )}
      {item.classification !== 'normal' && <Tag color={CLASSIFICATION_COLORS[item.classification]}>{CLASSIFICATION_LABELS[item.classification]}</Tag>}
      {item.flags.map((f) => (
        <Tooltip key={f} title={MEDIA_FLAG_HINTS[f]}>
          <Tag color={MEDIA_FLAG_COLORS[f]}>{MEDIA_FLAG_LABELS[f]}</Tag>
        </Tooltip>
      ))}
      {item.needsProxy && (
        <Tooltip title="本机无法直接播放原始编码，查看时使用预览副本">
          <Tag>需预览副本</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export function CategoryText(props: { item: Pick<LibraryItemDto, 'category'> }) {
  return props.item.category ? <Tag color="blue">{CATEGORY_LABELS[props.item.category]}</Tag> : <span style={{ color: '#9aa3b2' }}>未设置</span>;
}

export { formatBytes, formatDuration, MEDIA_KIND_LABELS };

/** A disposed original (art. 11(3)): its record's number and day instead of playing; the row stays. */
export function DisposedTag(props: { item: Pick<LibraryItemDto, 'disposed'> }) {
  const d = props.item.disposed;
  if (!d) return null;
  return (
    <Tooltip title={`已按销毁记录 ${d.number} 于 ${formatTime(d.at)} 销毁，原始文件已不存在，不能播放`}>
      <span data-testid="library-disposed">
        <Tag color="default">已销毁</Tag>
        <span style={{ fontSize: 12 }}>
          {d.number} {formatTime(d.at, 'YYYY-MM-DD')}
        </span>
      </span>
    </Tooltip>
  );
}

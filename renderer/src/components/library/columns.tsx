import type { ReactNode } from 'react';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { formatBytes, formatDuration } from '../../format';
import { CATEGORY_LABELS, CLASSIFICATION_COLORS, CLASSIFICATION_LABELS, MEDIA_FLAG_COLORS, MEDIA_FLAG_HINTS, MEDIA_FLAG_LABELS, MEDIA_KIND_LABELS } from '../../labels';
import { formatTime } from '../../time';
import { HoverTip } from './HoverTip';
import { RowIcon } from './RowIcon';
import './cells.css';

export function when(iso: string): string {
  return formatTime(iso, 'YYYY-MM-DD HH:mm:ss');
}

export function officerText(o: LibraryItemDto['officer']): string {
  return o ? `${o.name}（${o.badgeNo}）` : '—';
}

/**
 * A tag drawn as antd's Tag in one of its preset colours (cells.css), without mounting a Tag: the library's rows
 * mount on every scroll, and these cells are plain elements for that.
 */
export function PlainTag(props: { color: string; children: ReactNode }) {
  return <span className={`ew-tag ew-tag-${props.color}`}>{props.children}</span>;
}

export function Flags(props: { item: Pick<LibraryItemDto, 'flags' | 'keyMark' | 'classification' | 'needsProxy'> }) {
  const { item } = props;
  return (
    <span>
      {item.keyMark && (
        <HoverTip title="重点标记">
          <span role="img" aria-label="重点" className="ew-key-mark">
            <RowIcon name="star" />
          </span>
        </HoverTip>
      )}
      {item.classification !== 'normal' && <PlainTag color={CLASSIFICATION_COLORS[item.classification]}>{CLASSIFICATION_LABELS[item.classification]}</PlainTag>}
      {item.flags.map((f) => (
        <HoverTip key={f} title={MEDIA_FLAG_HINTS[f]}>
          <PlainTag color={MEDIA_FLAG_COLORS[f]}>{MEDIA_FLAG_LABELS[f]}</PlainTag>
        </HoverTip>
      ))}
      {item.needsProxy && (
        <HoverTip title="本机无法直接播放原始编码，查看时使用预览副本">
          <PlainTag color="default">需预览副本</PlainTag>
        </HoverTip>
      )}
    </span>
  );
}

export function CategoryText(props: { item: Pick<LibraryItemDto, 'category'> }) {
  return props.item.category ? <PlainTag color="blue">{CATEGORY_LABELS[props.item.category]}</PlainTag> : <span style={{ color: '#9aa3b2' }}>未设置</span>;
}

export { formatBytes, formatDuration, MEDIA_KIND_LABELS };

/** A disposed original (art. 11(3)): its record's number and day instead of playing; the row stays. */
export function DisposedTag(props: { item: Pick<LibraryItemDto, 'disposed'> }) {
  const d = props.item.disposed;
  if (!d) return null;
  return (
    <HoverTip title={`已按销毁记录 ${d.number} 于 ${formatTime(d.at)} 销毁，原始文件已不存在，不能播放`} testId="library-disposed">
      <PlainTag color="default">已销毁</PlainTag>
      <span style={{ fontSize: 12 }}>
        {d.number} {formatTime(d.at, 'YYYY-MM-DD')}
      </span>
    </HoverTip>
  );
}

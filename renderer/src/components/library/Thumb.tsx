import { useState } from 'react';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { mediaUrl } from '../player/mediaUrl';
import { RowIcon } from './RowIcon';

/** Poster from `/media/<id>/thumb`, loaded lazily as rows scroll into view; an icon where there is none. */
export function Thumb(props: { item: Pick<LibraryItemDto, 'id' | 'kind' | 'hasThumb'>; allowed: boolean }) {
  const [failed, setFailed] = useState(false);
  const { item } = props;
  if (!props.allowed || !item.hasThumb || failed) {
    return (
      <div className="ew-thumb-empty" aria-hidden>
        <RowIcon name={item.kind} />
      </div>
    );
  }
  return (
    <img
      className="ew-thumb"
      src={mediaUrl(item.id, 'thumb')}
      loading="lazy"
      decoding="async"
      alt=""
      draggable={false}
      onContextMenu={(e) => e.preventDefault()}
      onError={() => setFailed(true)}
    />
  );
}

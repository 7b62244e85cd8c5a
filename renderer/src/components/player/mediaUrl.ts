import { hostLink } from '../../api';

/**
 * Media bytes come only from the one media handler: `evidence://media/<id>` in the desktop
 * program, `/media/<id>` in the browser host. Never through the JSON API.
 */
export type MediaVariant = 'original' | 'preview' | 'thumb';

/**
 * `preload`: the player fetches a segment it does not show yet; the handler checks leave but registers
 * no viewing, and the player reports the segment when it is shown (media.viewed).
 */
export function mediaUrl(id: number, variant: MediaVariant = 'original', opts: { preload?: boolean } = {}): string {
  const base = window.evidenceTransport ? 'evidence://media/' : '/media/';
  const url = variant === 'original' ? `${base}${id}` : `${base}${id}/${variant}`;
  return hostLink(opts.preload ? `${url}?purpose=preload` : url);
}

/**
 * Media bytes come only from the one media handler: `evidence://media/<id>` in the desktop
 * program, `/media/<id>` in the browser host. Never through the JSON API.
 */
export type MediaVariant = 'original' | 'preview' | 'thumb';

export function mediaUrl(id: number, variant: MediaVariant = 'original'): string {
  const base = window.evidenceTransport ? 'evidence://media/' : '/media/';
  return variant === 'original' ? `${base}${id}` : `${base}${id}/${variant}`;
}

import clip from 'virtual:warm-clip';

/**
 * Chromium sets up its media pipeline and decoders on a page's first video: measured in a bare page, the first video
 * reached its first frame 130–170 ms later than the ones after it, and a short clip loaded first took that cost
 * (the first real one then 58–66 ms). So once the program is idle after log-in, a hidden, muted clip of 0.2 s
 * (16×16 H.264 and AAC, about 2 KB, made with ffmpeg by the build: main/media/warm-clip.ts) is loaded and dropped:
 * the user's first open of the day is as quick as the later ones. From a blob, as the CSP allows media.
 * The document's `data-media-warm` says how it went (`ready` or `failed`).
 */
let done = false;

export function warmDecoder(): void {
  if (done || !clip) return;
  done = true;
  const base64 = clip;
  const run = () => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
    const el = document.createElement('video');
    el.muted = true;
    el.preload = 'auto';
    el.setAttribute('aria-hidden', 'true');
    el.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden; pointer-events: none';
    const drop = (e: Event) => {
      el.removeEventListener('loadeddata', drop);
      el.removeEventListener('error', drop);
      document.documentElement.dataset.mediaWarm = e.type === 'loadeddata' ? 'ready' : 'failed';
      el.removeAttribute('src');
      el.load();
      el.remove();
      URL.revokeObjectURL(url);
    };
    el.addEventListener('loadeddata', drop);
    el.addEventListener('error', drop);
    el.src = url;
    document.body.append(el);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}

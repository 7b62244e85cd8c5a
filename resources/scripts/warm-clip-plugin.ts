import type { Plugin } from 'vite';
import { locateTools } from '../../main/media/tools';
import { makeWarmClip } from '../../main/media/warm-clip';

const WARM_CLIP = 'virtual:warm-clip';

/**
 * `virtual:warm-clip`: the player's warm-up clip as base64, made with ffmpeg at build time (main/media/warm-clip.ts);
 * null, with a warning, where this machine's ffmpeg cannot make it (the player then opens without the warm-up).
 */
export function warmClip(): Plugin {
  return {
    name: 'warm-clip',
    resolveId: (id) => (id === WARM_CLIP ? `\0${WARM_CLIP}` : null),
    async load(id) {
      if (id !== `\0${WARM_CLIP}`) return null;
      const ffmpeg = locateTools().ffmpeg;
      try {
        if (!ffmpeg) throw new Error('ffmpeg not found');
        return `export default ${JSON.stringify((await makeWarmClip(ffmpeg)).toString('base64'))};`;
      } catch (e) {
        this.warn(`no warm-up clip for the player: ${e instanceof Error ? e.message : String(e)}`);
        return 'export default null;';
      }
    },
  };
}

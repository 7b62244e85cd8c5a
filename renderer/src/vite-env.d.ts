/// <reference types="vite/client" />

/** The player's warm-up clip, base64 MP4 made at build time (vite.config.ts), or null where it could not be made. */
declare module 'virtual:warm-clip' {
  const base64: string | null;
  export default base64;
}

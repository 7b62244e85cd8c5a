import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { warmClip } from './resources/scripts/warm-clip-plugin';

/** The renderer bundle, shared by Electron (loaded from file) and the browser host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), warmClip()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});

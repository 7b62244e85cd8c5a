import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer bundle, shared by Electron (loaded from file) and the browser host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});

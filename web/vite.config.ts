/**
 * Builds the browser app from web/ into web/dist, which the server serves with an SPA fallback.
 * For development, run the API (`npm run dev`, port 3000) and `npx vite --config web/vite.config.ts`
 * beside it: Vite serves the app with hot reload and proxies /api (and /media, the photos) to the API.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompress } from './precompress';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte({ configFile: false }), precompress()],
  server: {
    proxy: { '/api': 'http://localhost:3000', '/media': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Leaflet changes rarely: its own chunk stays cached across app releases, and keeps the
        // app's own bundle size visible in the build report.
        codeSplitting: {
          groups: [{ name: 'leaflet', test: /[\\/]node_modules[\\/]leaflet[\\/]/ }],
        },
      },
    },
  },
});

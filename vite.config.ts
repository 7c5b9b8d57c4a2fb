/**
 * Vite builds the renderer (renderer/ → dist/renderer). Relative asset URLs, so
 * the same build loads from `app://bitext/` (Electron) and from the browser
 * host. Nothing is inlined as data: URLs, which the CSP does not allow.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // Monaco's core is some 3 MB; it loads from disk, never over a network.
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});

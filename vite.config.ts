/**
 * Vite builds the renderer (renderer/ → dist/renderer). Relative asset URLs, so
 * the same build loads from `app://bitext/` (Electron) and from the browser
 * host. Nothing is inlined as data: URLs, which the CSP does not allow.
 */
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { rendererContentSecurityPolicy } from './shared/api.ts';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The page carries the CSP in a meta element too (both hosts also send it as a header),
 * so a copy of the build opened some other way is still locked down. `frame-ancestors`
 * only works as a header; browsers complain about it in a meta element.
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = rendererContentSecurityPolicy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'bitext-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [contentSecurityPolicyMeta()],
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

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
const mainModule = fileURLToPath(new URL('./renderer/main.ts', import.meta.url));

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

/**
 * The workbench's code (main.ts and Monaco, most of the page's bytes) is imported by boot.ts
 * once boot.ts has sent the start-up requests; a `modulepreload` link starts its download with
 * the page instead, so the host serves it before it turns to those requests.
 */
function preloadWorkbench(): Plugin {
  return {
    name: 'bitext-preload-workbench',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId === mainModule);
        return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

/** Monaco's line-break search for 'advanced' wrapping, as monaco-editor 0.57 declares it. */
const monacoLineBreaks = {
  file: /\/monaco-editor\/esm\/vs\/editor\/browser\/view\/domLineBreaksComputer\.js$/,
  declaration: 'function readLineBreaks(range, lineDomNode, lineContent, charOffsets, spanStartOffsets) {',
  /** Wraps the lines of a document (or of an edit): every line laid out in a hidden element, then read. */
  whole: 'function createLineBreaks(targetWindow, context, lineNumbers, fontInfo, tabSize, firstLineBreakColumn, wrappingIndent, wordBreak, useTwoCellFullwidthCharacters) {',
};

/**
 * Opening a long pair spends most of its time in Monaco finding where lines
 * wrap. renderer/editors/line-breaks.ts finds the same breaks with fewer layout
 * queries (Monaco's `readLineBreaks` is renamed and passed to it as the
 * fallback), and renderer/editors/deferred-line-breaks.ts measures only the
 * first screenful of a long document when it is opened, the rest later
 * (Monaco's `createLineBreaks` renamed and passed to it, with the class of its
 * results). A Monaco whose file no longer has these functions fails the build here.
 */
function fasterLineBreaks(): Plugin {
  const quickly = fileURLToPath(new URL('./renderer/editors/line-breaks.ts', import.meta.url));
  const later = fileURLToPath(new URL('./renderer/editors/deferred-line-breaks.ts', import.meta.url));
  return {
    name: 'bitext-line-breaks',
    enforce: 'pre',
    transform(code, id) {
      if (!monacoLineBreaks.file.test(id.split('?')[0]!)) return undefined;
      const { declaration, whole } = monacoLineBreaks;
      const found = [declaration, whole].every((expected) => code.split(expected).length === 2) && code.includes('import { ModelLineProjectionData } from');
      if (!found) throw new Error(`${id}: Monaco's line-break computer is not declared as renderer/editors expects; check it against this Monaco version`);
      return code
        .replace(
          declaration,
          [
            `import { readLineBreaks as readLineBreaksQuickly } from ${JSON.stringify(quickly)};`,
            declaration,
            '  return readLineBreaksQuickly(range, lineDomNode, lineContent, charOffsets, spanStartOffsets, monacoReadLineBreaks);',
            '}',
            declaration.replace('readLineBreaks', 'monacoReadLineBreaks'),
          ].join('\n'),
        )
        .replace(
          whole,
          [
            `import { createLineBreaks as createLineBreaksLater } from ${JSON.stringify(later)};`,
            whole,
            '  return createLineBreaksLater(monacoCreateLineBreaks, ModelLineProjectionData, targetWindow, context, lineNumbers, fontInfo, tabSize, firstLineBreakColumn, wrappingIndent, wordBreak, useTwoCellFullwidthCharacters);',
            '}',
            whole.replace('createLineBreaks', 'monacoCreateLineBreaks'),
          ].join('\n'),
        );
    },
  };
}

export default defineConfig({
  plugins: [contentSecurityPolicyMeta(), preloadWorkbench(), fasterLineBreaks()],
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

#!/usr/bin/env node
// Builds what users run, so that nothing compiles TypeScript at run time:
// - renderer: the page, with Vite (renderer/ → dist/renderer);
// - electron: the Electron main process and preload, with esbuild (→ dist/electron/*.cjs);
// - node: the `bitext` CLI and `npm start` for plain Node, with esbuild (→ dist/node/*.mjs),
//   split so that each command loads only its own code.
// `npm install` runs it (the `prepare` script); bin/bitext.js and bin/start.js call
// `ensureBuilt()`, which rebuilds a part only when its sources are newer than its stamp.
// `--renderer`, `--electron` or `--node` builds one part.
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp.json');

/** The inputs of each part, as directories and files under the root. */
const inputs = {
  renderer: ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'],
  electron: ['electron', 'shared', 'schema', 'package-lock.json'],
  node: ['electron', 'shared', 'schema', 'package-lock.json'],
};

/** The file each part's build writes last: missing means never built. */
const outputs = {
  renderer: join(root, 'dist', 'renderer', 'index.html'),
  electron: join(root, 'dist', 'electron', 'main.cjs'),
  node: join(root, 'dist', 'node', 'cli.mjs'),
};

/** Every part, in build order. */
export const allParts = ['renderer', 'electron', 'node'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function sourcesMtime(part) {
  return Math.max(...inputs[part].map((input) => newestMtime(join(root, input))));
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamp(part, mtime) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ ...readStamp(), [part]: mtime }, null, 2)}\n`);
}

/** Which of `parts` are missing or older than their sources. */
export function needsBuild(parts = allParts) {
  const stamp = readStamp();
  return parts.filter((part) => !existsSync(outputs[part]) || !(stamp[part] >= sourcesMtime(part)));
}

/** Builds those of `parts` that are stale, saying so on stderr (stdout may be a command's output). */
export async function ensureBuilt(parts) {
  const stale = needsBuild(parts);
  if (stale.length === 0) return;
  process.stderr.write(`Building ${stale.join(' and ')} (sources changed since the last build)…\n`);
  await buildAll(stale, (line) => process.stderr.write(`${line}\n`));
}

/** Builds the renderer with Vite. */
export async function buildRenderer() {
  const mtime = sourcesMtime('renderer');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  writeStamp('renderer', mtime);
}

/**
 * Where esbuild's metafile of each Electron bundle goes: what went into it and
 * which imports it left external, which tests/electron/packaging.test.ts reads
 * (a text scan of the bundle mistakes `require("…")` inside a string for a
 * call). Outside dist/electron, so electron-builder leaves it out of the package.
 */
export const electronMetaDirectory = join(root, 'dist', 'meta');

/** Bundles the main process and the preload with esbuild (Electron loads CommonJS from `main`). */
export async function buildElectron() {
  const mtime = sourcesMtime('electron');
  const { build } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
    // electron/services/batch/worker-url.ts reads import.meta.url where it has one and __filename where,
    // as in this CommonJS bundle, esbuild leaves import.meta empty: the warning is expected.
    logOverride: { 'empty-import-meta': 'silent' },
    legalComments: 'none',
    // Paths in the metafile relative to the root (`dist/electron/main.cjs`), wherever the build runs from.
    absWorkingDir: root,
    metafile: true,
  };
  mkdirSync(electronMetaDirectory, { recursive: true });
  for (const name of ['main', 'preload']) {
    // The preload runs sandboxed: it may require only 'electron'; everything else is bundled in.
    const result = await build({ ...common, entryPoints: [join(root, 'electron', `${name}.ts`)], outfile: join(root, 'dist', 'electron', `${name}.cjs`) });
    writeFileSync(join(electronMetaDirectory, `${name}.json`), `${JSON.stringify(result.metafile, null, 1)}\n`);
  }
  // The batch worker (Align all in the corpus view): an ES module beside main.cjs, everything bundled in.
  const worker = await build({
    ...common,
    format: 'esm',
    banner: { js: requireBanner },
    entryPoints: [join(root, 'electron', 'services', 'batch', 'worker.ts')],
    outfile: join(root, 'dist', 'electron', 'batch-worker.mjs'),
  });
  writeFileSync(join(electronMetaDirectory, 'batch-worker.json'), `${JSON.stringify(worker.metafile, null, 1)}\n`);
  writeStamp('electron', mtime);
}

/**
 * The entry points of the Node bundle (dist/node/NAME.mjs). ESM, so esbuild can
 * split each dynamically imported command into a chunk of its own.
 */
const nodeEntries = {
  cli: 'electron/cli.ts',
  start: 'electron/start.ts',
  // Found by electron/services/batch/worker-url.ts at the top of dist/node/.
  'batch-worker': 'electron/services/batch/worker.ts',
  // `bitext align`'s paragraph language detection beside the aligner (electron/services/paragraph-languages/).
  'paragraph-languages-worker': 'electron/services/paragraph-languages/worker.ts',
};

/** Bundled CommonJS packages (exceljs…) call require() for Node's built-ins; an ES module has none of its own. */
const requireBanner = "import { createRequire as __bitextCreateRequire } from 'node:module'; const require = __bitextCreateRequire(import.meta.url);";

/**
 * Packages left out of the Node bundle and loaded from node_modules: pdf.js
 * loads its worker and data files from beside itself.
 */
const nodeExternal = ['electron', 'pdfjs-dist'];

/**
 * Bundles the CLI and `npm start` for plain Node. Written to a fresh folder and
 * swapped in whole, so a `bitext` started during a rebuild never loads half of it.
 */
export async function buildNode() {
  const mtime = sourcesMtime('node');
  const { build } = await import('esbuild');
  const target = join(root, 'dist', 'node');
  const fresh = `${target}.building-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const result = await build({
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    entryPoints: Object.fromEntries(Object.entries(nodeEntries).map(([name, path]) => [name, join(root, path)])),
    outdir: fresh,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: nodeExternal,
    banner: { js: requireBanner },
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
    metafile: true,
  });
  mkdirSync(electronMetaDirectory, { recursive: true });
  // The metafile names the outputs where they were written; name them where they end up.
  const metafile = JSON.stringify(result.metafile, null, 1).replaceAll(relative(root, fresh), relative(root, target));
  writeFileSync(join(electronMetaDirectory, 'node.json'), `${metafile}\n`);
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  writeStamp('node', mtime);
}

/** Builds the parts asked for (default all), logging what it does. */
export async function buildAll(parts = allParts, log = console.log) {
  for (const part of parts) {
    const started = Date.now();
    if (part === 'renderer') await buildRenderer();
    else if (part === 'electron') await buildElectron();
    else await buildNode();
    log(`built ${part} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${relative(root, join(root, 'dist', part))}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = allParts.filter((part) => process.argv.includes(`--${part}`));
  const parts = only.length > 0 ? only : allParts;
  buildAll(parts).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

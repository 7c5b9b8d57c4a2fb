#!/usr/bin/env node
// Builds what `npm start` runs: the renderer with Vite (renderer/ → dist/renderer) and
// the Electron main process and preload with esbuild (→ dist/electron/*.cjs).
// `--renderer` builds only the renderer (the end-to-end tests need only that).
// Run as a module, `needsBuild()` tells bin/start.js whether dist is older than its sources.
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp.json');

/** The inputs of each part, as directories and files under the root. */
const inputs = {
  renderer: ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'],
  electron: ['electron', 'shared', 'schema', 'package-lock.json'],
};

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

/** Which parts are missing or older than their sources: a subset of ['renderer', 'electron']. */
export function needsBuild(parts = ['renderer', 'electron']) {
  const stamp = readStamp();
  const outputs = { renderer: join(root, 'dist', 'renderer', 'index.html'), electron: join(root, 'dist', 'electron', 'main.cjs') };
  return parts.filter((part) => !existsSync(outputs[part]) || !(stamp[part] >= sourcesMtime(part)));
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
  writeStamp('electron', mtime);
}

/** Builds the parts asked for (default both), logging what it does. */
export async function buildAll(parts = ['renderer', 'electron'], log = console.log) {
  for (const part of parts) {
    const started = Date.now();
    if (part === 'renderer') await buildRenderer();
    else await buildElectron();
    log(`built ${part} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${relative(root, join(root, 'dist', part))}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parts = process.argv.includes('--renderer') ? ['renderer'] : process.argv.includes('--electron') ? ['electron'] : ['renderer', 'electron'];
  buildAll(parts).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

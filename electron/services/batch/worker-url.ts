/**
 * Where the batch worker's entry is, from TypeScript sources (tests under tsx)
 * and from the bundles scripts/build.js writes. There the worker is
 * `batch-worker.mjs` at the top of the bundle's folder: dist/node/ for the CLI
 * and `npm start` (whose shared code sits in dist/node/chunks/), dist/electron/
 * for the Electron main process (which electron-builder unpacks from the asar
 * archive: a worker thread cannot start from inside one). From the sources the
 * worker is worker.ts beside this file; Node 20 does not apply `--import tsx`
 * to a worker's own entry, so a two-line bootstrap registers tsx and imports it.
 */

import { pathToFileURL } from 'node:url';

/** What to hand `new Worker`: a file, or the source of a bootstrap to evaluate. */
export type WorkerEntry = { readonly kind: 'file'; readonly url: URL } | { readonly kind: 'eval'; readonly code: string };

/**
 * The URL of the worker's entry: worker.ts in the sources, `batch-worker.mjs`
 * beside a bundle. In a CommonJS bundle (the Electron main process) esbuild
 * leaves `import.meta` empty, and the bundle's own file name says where it is.
 */
export function batchWorkerUrl(): URL {
  const here = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  return workerUrlFrom(here);
}

/** {@link batchWorkerUrl} for code at `here` (a file URL). */
export function workerUrlFrom(here: string): URL {
  return bundledWorkerUrl(here, './worker.ts', 'batch-worker.mjs');
}

/**
 * A worker entry's URL for code at `here` (a file URL): `source` relative to
 * `here` in the sources, `bundle` at the top of the bundle's folder otherwise
 * (scripts/build.js writes every worker entry there).
 */
export function bundledWorkerUrl(here: string, source: string, bundle: string): URL {
  if (here.endsWith('.ts')) return new URL(source, here);
  // Code split off into a chunk (scripts/build.js names them chunks/…) is one folder down from the bundle's top.
  const top = new URL(/\/chunks\/[^/]+$/.test(here) ? '../' : './', here);
  const url = new URL(bundle, top);
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

/** The batch worker's entry for the code running now. */
export function batchWorkerEntry(): WorkerEntry {
  return workerEntryAt(batchWorkerUrl());
}

/** How to start the worker at `url`: the file itself, or, for TypeScript sources, a bootstrap that registers tsx first. */
export function workerEntryAt(url: URL): WorkerEntry {
  if (!url.pathname.endsWith('.ts')) return { kind: 'file', url };
  // tsx resolved from here, not from the working folder: `bitext` may run anywhere.
  const tsx = import.meta.resolve('tsx/esm/api');
  return { kind: 'eval', code: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });` };
}

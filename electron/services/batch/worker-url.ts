/**
 * Where the batch worker's entry is, from TypeScript sources (tests and `bin/`
 * under tsx) and from the esbuild bundle (dist/cli/). In a bundle this code
 * sits in a file of dist/cli/, and the worker is the bundle of worker.ts
 * written beside it as `batch-worker.mjs`. From the sources the worker is
 * worker.ts beside this file; Node 20 does not apply `--import tsx` to a
 * worker's own entry, so a two-line bootstrap registers tsx and imports it.
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
  return here.endsWith('.ts') ? new URL('./worker.ts', here) : new URL('./batch-worker.mjs', here);
}

/** The batch worker's entry for the code running now. */
export function batchWorkerEntry(): WorkerEntry {
  const url = batchWorkerUrl();
  if (!url.pathname.endsWith('.ts')) return { kind: 'file', url };
  // tsx resolved from here, not from the working folder: `bitext` may run anywhere.
  const tsx = import.meta.resolve('tsx/esm/api');
  return { kind: 'eval', code: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });` };
}

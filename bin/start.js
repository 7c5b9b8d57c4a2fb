#!/usr/bin/env node
// `npm start` (and `npm run serve`, which adds --browser): builds what is stale, then runs
// dist/node/start.mjs (electron/start.ts), which opens the workbench in Electron (installing
// its binary as Electron does, when it may) or else in the browser host.
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../scripts/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureBuilt(['node']);
const { start } = await import('../dist/node/start.mjs');
await start({ rootDir: root, argv: process.argv.slice(2), ensureBuilt }).catch((error) => {
  console.error(error && error.message ? error.message : error);
  process.exit(1);
});

#!/usr/bin/env node
// The `bitext` command: runs the prebuilt CLI bundle (dist/node/cli.mjs), rebuilding
// it first only when its TypeScript sources are newer (a fresh clone's `npm install`
// builds it). No TypeScript is compiled at run time.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt(['node']);
const { main } = await import('../dist/node/cli.mjs');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// `npm start` (and `npm run serve`, which adds --browser): builds what is stale, then
// runs the workbench in Electron when its binary is installed, else in the browser host.
//
//   npm start                          the corpus English–Thai sample, aligned
//   npm start -- ORIGINAL TRANSLATION  align two documents
//   npm start -- ALIGNMENT.bitext      reopen a saved alignment
//   options: --browser (the browser host even with Electron), --open (open the browser),
//            --port N, --workspace DIR (where the browser host saves), --folder DIR (the corpus view)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, needsBuild } from '../scripts/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);

/**
 * The Electron binary, when one is installed. Checked by hand rather than through
 * `require('electron')`, which would try to download a missing binary.
 */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const usage = 'Usage: npm start [-- ORIGINAL TRANSLATION | -- ALIGNMENT.bitext] [--browser] [--open] [--port N] [--workspace DIR] [--folder DIR]';

async function main() {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  // The command line is checked first, so a mistake is not reported after a build. The
  // TypeScript sources run as they are, through tsx (a dependency).
  const { register } = await import('tsx/esm/api');
  register();
  const { parseStartArgs } = await import('../electron/services/workbench-service.ts');
  try {
    parseStartArgs(argv);
  } catch (error) {
    console.error(`${error && error.message ? error.message : error}\n${usage}`);
    process.exit(2);
  }

  const browser = argv.includes('--browser');
  const binary = browser ? undefined : electronBinary();
  const stale = needsBuild(binary ? ['renderer', 'electron'] : ['renderer']);
  if (stale.length > 0) {
    console.log(`Building ${stale.join(' and ')}…`);
    await buildAll(stale);
  }

  if (binary) {
    const child = spawn(binary, [root, ...argv], { stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    return;
  }

  if (!browser) {
    console.log('Electron is not installed here (no Electron binary in node_modules/electron), so the workbench runs in your browser.');
  }
  const { runBrowserHost } = await import('../electron/http-host.ts');
  const host = await runBrowserHost({ rootDir: root, argv });
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error && error.message ? error.message : error);
  process.exit(1);
});

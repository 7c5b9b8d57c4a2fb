/**
 * `npm start`: opens the workbench in Electron, installing Electron's binary the
 * way Electron does when it is missing, else in the browser host, saying why.
 * Bundled by scripts/build.js (dist/node/start.mjs) and run by bin/start.js,
 * which builds what is stale first.
 *
 *   npm start                          the corpus English–Thai sample, aligned
 *   npm start -- ORIGINAL TRANSLATION  align two documents
 *   npm start -- ALIGNMENT.bitext      reopen a saved alignment
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isBitextError } from '../shared/errors.ts';
import { chooseRuntime, type ElectronInstaller } from './launch/electron-binary.ts';
import { runBrowserHost } from './http-host.ts';
import { parseStartArgs } from './services/workbench-service.ts';

/** A part of the app scripts/build.js builds. */
export type BuildPart = 'renderer' | 'electron' | 'node';

/** What bin/start.js hands over. */
export interface StartRun {
  /** The project root (node_modules, dist, corpus). */
  readonly rootDir: string;
  /** The command line after `start.js`. */
  readonly argv: readonly string[];
  /** Builds the parts that are missing or older than their sources. */
  readonly ensureBuilt: (parts: BuildPart[]) => Promise<void>;
  /** Electron's installer; default the real one (tests pass a stand-in). */
  readonly install?: ElectronInstaller;
  readonly log?: (line: string) => void;
}

export const startUsage =
  'Usage: npm start [-- ORIGINAL TRANSLATION | -- ALIGNMENT.bitext] [--browser] [--open] [--port N] [--workspace DIR] [--folder DIR]';

/** Starts the workbench; resolves once it runs (the process then lives as long as the app or the host). */
export async function start(run: StartRun): Promise<void> {
  const log = run.log ?? ((line: string) => console.log(line));
  if (run.argv.includes('--help') || run.argv.includes('-h')) {
    log(startUsage);
    return;
  }
  try {
    parseStartArgs(run.argv);
  } catch (error) {
    console.error(`${isBitextError(error) ? error.message : String(error)}\n${startUsage}`);
    process.exit(2);
  }

  const choice = await chooseRuntime({
    packageDir: join(run.rootDir, 'node_modules', 'electron'),
    browser: run.argv.includes('--browser'),
    env: process.env,
    nodeVersion: process.versions.node,
    ...(run.install ? { install: run.install } : {}),
    log,
  });

  if (choice.kind === 'electron') {
    await run.ensureBuilt(['renderer', 'electron']);
    const child = spawn(choice.binary, [run.rootDir, ...run.argv], { stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    return;
  }

  if (!run.argv.includes('--browser')) log(`${choice.reason.charAt(0).toUpperCase()}${choice.reason.slice(1)}; starting the browser host instead.`);
  await run.ensureBuilt(['renderer']);
  const host = await runBrowserHost({ rootDir: run.rootDir, argv: run.argv, log });
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

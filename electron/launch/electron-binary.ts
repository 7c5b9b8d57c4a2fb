/**
 * Which desktop runtime `npm start` uses: the Electron binary when it is
 * installed, else Electron's own installer is run once (as `require('electron')`
 * would since Electron 45 downloads its binary lazily), and only when that fails
 * or is not allowed does the workbench run in the browser host, saying why.
 *
 * Plain Node: nothing here imports `electron`, whose `index.js` would start a
 * download of its own the moment it is required.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm start` runs. */
export type RuntimeChoice =
  | { readonly kind: 'electron'; readonly binary: string; readonly installed: boolean }
  | { readonly kind: 'browser'; readonly reason: string };

/** The result of running Electron's installer. */
export type InstallResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Runs `install.js` of the Electron package in `packageDir`. */
export type ElectronInstaller = (packageDir: string) => Promise<InstallResult>;

/** The Node version Electron's own tooling (its installer, electron-builder) asks for. */
export const electronToolingNode = '22.12.0';

/** Options of {@link chooseRuntime}. */
export interface RuntimeOptions {
  /** `node_modules/electron`. */
  readonly packageDir: string;
  /** `--browser` on the command line. */
  readonly browser: boolean;
  /** The environment: ELECTRON_SKIP_BINARY_DOWNLOAD, ELECTRON_OVERRIDE_DIST_PATH. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The running Node's version (`process.versions.node`). */
  readonly nodeVersion: string;
  /** Runs Electron's installer; default {@link runElectronInstaller}. */
  readonly install?: ElectronInstaller;
  /** Where lines for the user go. */
  readonly log: (line: string) => void;
}

/** The installed Electron binary, by the same rules as Electron's `index.js`, without its download. */
export function installedElectronBinary(packageDir: string, env: RuntimeOptions['env']): string | undefined {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(binary) ? binary : undefined;
  }
  if (!executable) return undefined;
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : undefined;
}

/** Whether `version` is at least `minimum` (both `major.minor.patch`). */
export function nodeAtLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let index = 0; index < need.length; index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

function skipDownload(env: RuntimeOptions['env']): boolean {
  const value = env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Decides between Electron and the browser host, installing Electron's binary when it may. */
export async function chooseRuntime(options: RuntimeOptions): Promise<RuntimeChoice> {
  if (options.browser) return { kind: 'browser', reason: '--browser was given' };
  const installed = installedElectronBinary(options.packageDir, options.env);
  if (installed) return { kind: 'electron', binary: installed, installed: false };
  if (!existsSync(join(options.packageDir, 'install.js'))) {
    return { kind: 'browser', reason: `the electron package is not installed (${options.packageDir} has no install.js; run npm install)` };
  }
  if (skipDownload(options.env)) {
    return { kind: 'browser', reason: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  }
  options.log('Downloading Electron (once, as Electron itself does on first use)…');
  const result = await (options.install ?? runElectronInstaller)(options.packageDir);
  if (!result.ok) {
    const oldNode = nodeAtLeast(options.nodeVersion, electronToolingNode)
      ? ''
      : ` (Electron's tooling asks for Node ${electronToolingNode} or newer; this is Node ${options.nodeVersion})`;
    return { kind: 'browser', reason: `could not download Electron: ${result.reason}${oldNode}` };
  }
  const binary = installedElectronBinary(options.packageDir, options.env);
  if (!binary) return { kind: 'browser', reason: "could not download Electron: its installer finished but left no binary in node_modules/electron/dist" };
  return { kind: 'electron', binary, installed: true };
}

/** The last line of an installer's error output that says what went wrong (not a stack frame). */
export function installFailureReason(stderr: string, exitCode: number | null): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const message = lines.find((line) => /error|fail|denied|not found|timed? ?out/i.test(line)) ?? lines[0];
  return message ?? `its installer exited with code ${exitCode ?? 'unknown'}`;
}

/** How long the download may take before it is given up (a slow link gets the browser host, not a hang). */
const installTimeoutMs = 10 * 60 * 1000;

/** Runs Electron's `install.js` with this Node, as `require('electron')` does, and reports how it went. */
export function runElectronInstaller(packageDir: string): Promise<InstallResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384);
    });
    const timer = setTimeout(() => {
      child.kill();
      stderr += '\nError: the download timed out after 10 minutes';
    }, installTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: installFailureReason(stderr, code) });
    });
  });
}

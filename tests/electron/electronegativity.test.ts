/**
 * The static scan of the Electron configuration, on every `npm test`:
 * Doyensec's Electronegativity (a dev dependency) over the app's code —
 * electron/, renderer/ and shared/, with renderer/index.html as the build writes
 * it (with the CSP meta element that vite.config.ts adds) — failing on any
 * finding that tests/electron/electronegativity-allow.json does not list with a
 * reason. An allow-list entry that matches nothing fails too, so the list cannot
 * rot into blanket permission.
 *
 * The scanner runs in-process rather than through its CLI, for three reasons:
 * its CLI fetches translations and Electron's release list from the internet on
 * every run (here `got` is replaced by a function that fails at once, so the
 * scan is offline and deterministic); the CLI cannot be told the Electron version
 * except by finding node_modules beside the scanned folder (here it is read from
 * package-lock.json, so version-dependent defaults are judged for Electron 45,
 * not "0.1.0"); and the runner's result includes parse errors, which the CLI only
 * prints (here any parse error fails the test, so a file the parser cannot read
 * is never silently skipped). The release-list check (AVAILABLE_SECURITY_FIXES)
 * and the package.json probe that only feeds it (ELECTRON_VERSION_JSON) are left
 * out: the first needs the network; `npm audit` covers known vulnerabilities.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import viteConfig from '../../vite.config.ts';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** One finding, as the runner reports it. */
interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
  readonly sample?: string;
  readonly manualReview: boolean;
  readonly severity: { readonly name: string };
  readonly confidence: { readonly name: string };
}

interface ScanResult {
  readonly issues: readonly Issue[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
  readonly globalChecks: number;
  readonly atomicChecks: number;
}

/** An accepted finding: which check, where, and why it is not a problem here. */
interface AllowEntry {
  readonly check: string;
  readonly file: string;
  /** The flagged source line (trimmed) or CSP string; the entry matches only that one. */
  readonly sample: string;
  readonly reason: string;
  /** The tests that show the reason holds. */
  readonly testedBy: readonly string[];
}

type Runner = (options: Record<string, unknown>, forCli?: boolean) => Promise<ScanResult>;

/** The scanner's runner, with its HTTP client replaced by one that fails at once (no network). */
function loadRunner(): Runner {
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  const offline = async () => {
    throw new Error('offline: the scan does not use the network');
  };
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'got' ? Object.assign(offline, { head: offline }) : load.call(this, request, ...rest);
  };
  try {
    return require('@doyensec/electronegativity/dist/runner.js') as Runner;
  } finally {
    Module._load = load;
  }
}

/** Runs the scanner over `input` as the Electron version the project locks. */
async function scan(input: string): Promise<ScanResult> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  const electronVersion = lock.packages['node_modules/electron']!.version;
  const run = loadRunner();
  // Its messages about the missing network go to console.log; the findings are what matters here.
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run(
      {
        input,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck', 'electronversionjsoncheck'],
        isRelative: true,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

/** renderer/index.html with the CSP meta element the build adds (vite.config.ts's own plugin, run here). */
function builtIndexHtml(): string {
  const plugins = ((viteConfig as UserConfig).plugins ?? []).flat() as Plugin[];
  const plugin = plugins.find((candidate) => candidate && candidate.name === 'bitext-csp-meta');
  assert.ok(plugin, 'vite.config.ts has the CSP meta plugin');
  const transform = plugin.transformIndexHtml as unknown as () => { tag: string; attrs: Record<string, string> }[];
  const tags = transform().map(({ tag, attrs }) => `<${tag} ${Object.entries(attrs).map(([name, value]) => `${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`).join(' ')}>`);
  const source = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
  assert.match(source, /<head>/);
  return source.replace('<head>', `<head>\n    ${tags.join('\n    ')}`);
}

function describeIssue(issue: Issue): string {
  return `${issue.id} ${issue.file}:${issue.location.line} (${issue.severity.name}/${issue.confidence.name}${issue.manualReview ? ', review' : ''}) ${issue.description}${issue.sample ? `\n    ${issue.sample}` : ''}`;
}

function matches(entry: AllowEntry, issue: Issue): boolean {
  return entry.check === issue.id && entry.file === issue.file && entry.sample === issue.sample;
}

let dir: string;
let result: ScanResult;
let started: number;
let seconds: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-electronegativity-'));
  const app = join(dir, 'app');
  for (const folder of ['electron', 'renderer', 'shared']) cpSync(join(root, folder), join(app, folder), { recursive: true });
  cpSync(join(root, 'package.json'), join(app, 'package.json'));
  writeFileSync(join(app, 'renderer', 'index.html'), builtIndexHtml());
  started = performance.now();
  result = await scan(app);
  seconds = (performance.now() - started) / 1000;
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the scanner reads every file of the app (no parse errors) and runs its checks', () => {
  assert.deepEqual(result.errors.map((error) => `${error.file}: ${error.message}`), []);
  assert.ok(result.atomicChecks >= 30, `atomic checks loaded: ${result.atomicChecks}`);
  assert.ok(result.globalChecks >= 5, `global checks loaded: ${result.globalChecks}`);
  assert.ok(seconds < 60, `the scan took ${seconds.toFixed(1)} s`);
});

test('Electronegativity finds nothing that the allow-list does not explain', () => {
  const allow = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8')) as { allowed: AllowEntry[] };
  for (const entry of allow.allowed) {
    assert.ok(entry.reason.length > 40, `${entry.check}: a reason, in words`);
    assert.ok(entry.testedBy.length > 0, `${entry.check}: the tests that back the reason`);
    for (const reference of entry.testedBy) {
      const [file, name] = reference.split(': ');
      const text = readFileSync(join(root, file!), 'utf8');
      assert.ok(name === undefined || text.includes(name), `${entry.check}: ${file} has a test named "${name}"`);
    }
  }
  const unexplained = result.issues.filter((issue) => !allow.allowed.some((entry) => matches(entry, issue)));
  assert.deepEqual(unexplained.map(describeIssue), [], 'findings not in tests/electron/electronegativity-allow.json');
  const stale = allow.allowed.filter((entry) => !result.issues.some((issue) => matches(entry, issue)));
  assert.deepEqual(stale.map((entry) => `${entry.check} ${entry.file}: ${entry.sample}`), [], 'allow-list entries that match no finding (remove them)');
});

test('the scan does fail on a window with Node in the page, no isolation and no CSP', async () => {
  // A broken app of two files, to show the scan above could fail.
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'package.json'), JSON.stringify({ name: 'broken', main: 'main.js', devDependencies: { electron: '45.0.0' } }));
  writeFileSync(
    join(broken, 'main.js'),
    [
      "const { app, BrowserWindow, shell } = require('electron');",
      'app.whenReady().then(() => {',
      '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });',
      "  window.webContents.on('new-window', (event, url) => shell.openExternal(url));",
      "  window.loadURL('http://example.com/');",
      '});',
    ].join('\n'),
  );
  const found = new Set((await scan(broken)).issues.map((issue) => issue.id));
  for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']) {
    assert.ok(found.has(id), `${id} among ${[...found].join(', ')}`);
  }
});

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chooseRuntime, installFailureReason, nodeAtLeast, runElectronInstaller, type RuntimeOptions } from '../../../electron/launch/electron-binary.ts';

/** A stand-in `node_modules/electron` whose install.js runs `script`. */
function standInPackage(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-electron-'));
  writeFileSync(join(dir, 'install.js'), script);
  return dir;
}

/** An install.js that does what Electron's does on success: a binary in dist/ and its name in path.txt. */
const succeeding = `
const fs = require('node:fs'); const path = require('node:path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n');
fs.chmodSync(path.join(__dirname, 'dist', 'electron'), 0o755);
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;

/** An install.js that fails as Electron's does offline: a stack on stderr, exit 1. */
const failing = `
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async downloadArtifact (index.js:154:12)');
process.exit(1);
`;

function options(packageDir: string, overrides: Partial<RuntimeOptions> = {}): RuntimeOptions & { lines: string[] } {
  const lines: string[] = [];
  return { packageDir, browser: false, env: {}, nodeVersion: '22.12.0', log: (line) => lines.push(line), lines, ...overrides };
}

test('a missing binary is installed by Electron’s own install.js, then Electron runs', async () => {
  const dir = standInPackage(succeeding);
  const run = options(dir, { install: runElectronInstaller });
  const choice = await chooseRuntime(run);
  assert.deepEqual(choice, { kind: 'electron', binary: join(dir, 'dist', 'electron'), installed: true });
  assert.match(run.lines.join('\n'), /Downloading Electron/);
});

test('an installer that fails gives the browser host, with the installer’s reason', async () => {
  const dir = standInPackage(failing);
  const choice = await chooseRuntime(options(dir, { install: runElectronInstaller }));
  assert.deepEqual(choice, { kind: 'browser', reason: 'could not download Electron: TypeError: fetch failed' });
});

test('on a Node older than Electron’s tooling asks for, the failure says so', async () => {
  const dir = standInPackage(failing);
  const choice = await chooseRuntime(options(dir, { install: runElectronInstaller, nodeVersion: '20.19.0' }));
  assert.equal(choice.kind, 'browser');
  assert.match(choice.kind === 'browser' ? choice.reason : '', /asks for Node 22\.12\.0 or newer; this is Node 20\.19\.0/);
});

test('an installed binary is used without running the installer', async () => {
  const dir = standInPackage(failing);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'electron'), '');
  chmodSync(join(dir, 'dist', 'electron'), 0o755);
  writeFileSync(join(dir, 'path.txt'), 'electron');
  let ran = false;
  const choice = await chooseRuntime(options(dir, { install: async () => ((ran = true), { ok: true }) }));
  assert.deepEqual(choice, { kind: 'electron', binary: join(dir, 'dist', 'electron'), installed: false });
  assert.equal(ran, false);
});

test('--browser and ELECTRON_SKIP_BINARY_DOWNLOAD never run the installer', async () => {
  const dir = standInPackage(succeeding);
  let ran = 0;
  const install = async () => ((ran += 1), { ok: true as const });
  assert.deepEqual(await chooseRuntime(options(dir, { browser: true, install })), { kind: 'browser', reason: '--browser was given' });
  const skipped = await chooseRuntime(options(dir, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, install }));
  assert.equal(skipped.kind, 'browser');
  assert.match(skipped.kind === 'browser' ? skipped.reason : '', /ELECTRON_SKIP_BINARY_DOWNLOAD/);
  assert.equal(ran, 0);
  // "0" and "false" do not skip, as in Electron's own install script.
  const notSkipped = await chooseRuntime(options(dir, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '0' }, install: runElectronInstaller }));
  assert.equal(notSkipped.kind, 'electron');
});

test('an installer that succeeds but leaves no binary is a failure, not a crash', async () => {
  const dir = standInPackage('process.exit(0);');
  const choice = await chooseRuntime(options(dir, { install: runElectronInstaller }));
  assert.equal(choice.kind, 'browser');
  assert.match(choice.kind === 'browser' ? choice.reason : '', /left no binary/);
});

test('installFailureReason picks the error line, not stack frames', () => {
  assert.equal(installFailureReason('Error: connect ETIMEDOUT 1.2.3.4:443\n    at foo (x.js:1:1)\n', 1), 'Error: connect ETIMEDOUT 1.2.3.4:443');
  assert.equal(installFailureReason('', 3), 'its installer exited with code 3');
});

test('nodeAtLeast compares versions part by part', () => {
  assert.equal(nodeAtLeast('20.20.2', '22.12.0'), false);
  assert.equal(nodeAtLeast('22.12.0', '22.12.0'), true);
  assert.equal(nodeAtLeast('22.9.0', '22.12.0'), false);
  assert.equal(nodeAtLeast('24.0.0', '22.12.0'), true);
});

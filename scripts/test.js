#!/usr/bin/env node
// Runs every test: the type-check (tsx does not type-check), the build (the unit
// tests check the packaged bundles), the unit tests, then the end-to-end tests in Chromium. Node 20's `--test` takes no glob, so the files
// are listed here. `--unit` or `--e2e` runs one part.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const all = testFiles(join(root, 'tests'));
const e2e = all.filter((file) => file.startsWith('tests/e2e/'));
const unit = all.filter((file) => !file.startsWith('tests/e2e/'));

if (only !== '--e2e') {
  run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  // shared/ again with no DOM and no Node types: it may use only what both platforms have.
  run('type-check shared/ as portable code', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']);
  run('build the app', process.execPath, ['scripts/build.js']);
  run(`unit tests (${unit.length} files)`, process.execPath, ['--import', 'tsx', '--import', './tests/fast-check-seed.ts', '--test', ...unit]);
}
if (only !== '--unit' && e2e.length > 0) {
  if (only === '--e2e') run('build the renderer', process.execPath, ['scripts/build.js', '--renderer']);
  run(`end-to-end tests (${e2e.length} files)`, process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...e2e]);
}

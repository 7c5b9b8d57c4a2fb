/**
 * The layering rule, as VS Code's `code-layering` lint keeps it: `shared/` is
 * portable (no Node, no Electron, no DOM), `renderer/` and `electron/` never
 * import each other, and the renderer reaches Node only through the API in
 * `shared/api.ts`. This reads every import of every source file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function layerOf(path: string): string {
  return relative(root, path).split('/')[0]!;
}

function violations(layer: string, forbidden: (specifier: string, target: string | undefined) => string | undefined): string[] {
  const found: string[] = [];
  for (const file of sources(join(root, layer))) {
    for (const specifier of imports(file)) {
      const target = specifier.startsWith('.') ? layerOf(resolve(dirname(file), specifier)) : undefined;
      const reason = forbidden(specifier, target);
      if (reason) found.push(`${relative(root, file)} imports ${specifier}: ${reason}`);
    }
  }
  return found;
}

test('shared/ imports nothing from Node, Electron, the renderer or the main process', () => {
  const found = violations('shared', (specifier, target) => {
    if (nodeBuiltins.has(specifier)) return 'Node built-in';
    if (specifier === 'electron' || specifier.startsWith('electron/')) return 'Electron';
    if (target && target !== 'shared' && target !== 'schema') return `reaches into ${target}/`;
    return undefined;
  });
  assert.deepEqual(found, []);
});

test('renderer/ imports neither Node, Electron nor electron/', () => {
  const found = violations('renderer', (specifier, target) => {
    if (nodeBuiltins.has(specifier)) return 'Node built-in';
    if (specifier === 'electron') return 'Electron';
    if (target === 'electron') return 'the main process';
    return undefined;
  });
  assert.deepEqual(found, []);
});

test('electron/ never imports the renderer', () => {
  const found = violations('electron', (_specifier, target) => (target === 'renderer' ? 'the renderer' : undefined));
  assert.deepEqual(found, []);
});

test('the import scanner sees imports (so the rules above can fail)', () => {
  const found = imports(join(root, 'shared', 'pipeline.ts'));
  assert.ok(found.includes('./model/alignment.ts'), `found: ${found.join(', ')}`);
});

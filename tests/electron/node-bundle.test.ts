/**
 * The Node bundle (dist/node, built by scripts/build.js before the unit tests):
 * `bitext --help` must start without the code of the commands, and each command
 * must load from the bundle without TypeScript or tsx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commandInfo } from '../../electron/cli/commands.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Metafile {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta', 'node.json'), 'utf8')) as Metafile;

/** Every source file loaded when `output` is imported, following static imports only. */
function staticInputs(output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return new Set();
  seen.add(output);
  const entry = meta.outputs[output];
  assert.ok(entry, `no output ${output} in the metafile`);
  const inputs = new Set(Object.keys(entry.inputs));
  for (const imported of entry.imports) {
    if (imported.kind !== 'import-statement' || imported.external) continue;
    for (const input of staticInputs(imported.path, seen)) inputs.add(input);
  }
  return inputs;
}

test('bitext --help loads no command code: not franc, exceljs, the aligner or the services', () => {
  const inputs = [...staticInputs('dist/node/cli.mjs')];
  const heavy = inputs.filter((input) => /node_modules\/(franc|trigram|exceljs|ajv|diff|xmlbuilder2)\/|shared\/align\/|electron\/services\//.test(input));
  assert.deepEqual(heavy, []);
  assert.ok(inputs.includes('electron/cli/commands.ts'), 'the command table is in the entry');
});

test('each command is a chunk of its own, loaded on demand', () => {
  const entry = meta.outputs['dist/node/cli.mjs'];
  const dynamic = entry!.imports.filter((imported) => imported.kind === 'dynamic-import').length;
  assert.equal(dynamic, Object.keys(commandInfo).length);
});

test('the bundled CLI runs without tsx: --help and an unknown command', () => {
  const help = spawnSync(process.execPath, ['-e', "import('./dist/node/cli.mjs').then(async (m) => { process.exitCode = await m.main(['--help']); })"], { cwd: root, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: bitext <command>/);
  const unknown = spawnSync(process.execPath, [join(root, 'bin', 'bitext.js'), 'frobnicate'], { cwd: root, encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
});

test('bitext align finds its language detection worker beside the bundle, and it runs without tsx', () => {
  // Run from a plain Node process (no tsx): the worker the bundled align command starts for long pairs, asked to
  // read the target, then given a pair's job naming it: it answers with the target document, the target's evidence
  // features, then the paragraph languages.
  const folder = mkdtempSync(join(tmpdir(), 'bitext-worker-'));
  const targetPath = join(folder, 'th.txt');
  writeFileSync(targetPath, 'Nato 2023\n\nx\n');
  const script = `
    import { Worker } from 'node:worker_threads';
    const url = new URL(${JSON.stringify(pathToFileURL(join(root, 'dist', 'node', 'paragraph-languages-worker.mjs')).href)});
    const options = { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] };
    const source = { text: 'The quick brown fox jumps over the lazy dog.\\n\\n12', bounds: new Int32Array([0, 44, 46, 48]), options };
    const worker = new Worker(url, { execArgv: [] });
    const replies = [];
    worker.on('message', (reply) => {
      if (reply.kind === 'document') {
        replies.push({ kind: reply.kind, ok: reply.ok, bounds: [...reply.document.bounds] });
        worker.postMessage({ kind: 'job', job: { documents: [source, { held: true, options }], alignLanguages: ['eng', 'tha'] } });
        return;
      }
      replies.push(reply.kind === 'features' ? { kind: reply.kind, ok: reply.ok, labels: reply.features.labels } : reply);
      if (reply.kind === 'languages') console.log(JSON.stringify(replies));
    });
    worker.postMessage({ kind: 'load', request: { path: ${JSON.stringify(targetPath)} } });
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  rmSync(folder, { recursive: true, force: true });
  assert.equal(run.status, 0, run.stderr);
  type Replies = [{ kind: string; ok: boolean; bounds: number[] }, { kind: string; ok: boolean; labels: string[] }, { kind: string; ok: boolean; languages: { iso6393: string; reason: string }[][] }];
  const [document, features, reply] = JSON.parse(run.stdout) as Replies;
  assert.deepEqual(document, { kind: 'document', ok: true, bounds: [0, 9, 11, 12] });
  assert.deepEqual(features, { kind: 'features', ok: true, labels: ['number:2023'] });
  assert.equal(reply.ok, true);
  assert.deepEqual(reply.languages[0]!.map((language) => `${language.iso6393} ${language.reason}`), ['eng detected', 'und too-short']);
  const entry = meta.outputs['dist/node/paragraph-languages-worker.mjs'];
  assert.ok(entry && Object.keys(entry.inputs).includes('electron/services/paragraph-languages/worker.ts'));
});

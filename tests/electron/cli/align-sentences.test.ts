/**
 * `bitext align --sentences`: every link's sentence pairs stored in the file
 * with the rules that cut them, so a CLI user has sentence pairs without the
 * app; `--srx` recorded by name and hash; `bitext export --unit sentence`
 * warns when the rules in use differ from those that cut stored pairs.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run as align } from '../../../electron/cli/align.ts';
import { run as exportCommand } from '../../../electron/cli/export.ts';
import { parseAlignmentFile } from '../../../shared/formats/alignment-json.ts';
import { samplePair } from '../../../electron/services/workbench-service.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const srxFixture = join(root, 'tests', 'fixtures', 'srx', 'workbench-sample.srx');
let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'bitext-align-sentences-'));
});
after(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `bitext align` on the corpus pair with `extra`; the written file. */
async function alignCorpus(name: string, ...extra: string[]) {
  const output = join(folder, name);
  assert.equal(await align([join(root, samplePair.source), join(root, samplePair.target), '-o', output, ...extra]), 0);
  return { path: output, file: parseAlignmentFile(readFileSync(output, 'utf8'), output) };
}

/** Runs `bitext export` with `args`; what it wrote to stderr. */
async function exportCapturing(args: string[]): Promise<string> {
  const write = process.stderr.write.bind(process.stderr);
  let said = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    said += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    assert.equal(await exportCommand(args), 0);
  } finally {
    process.stderr.write = write;
  }
  return said;
}

test('--sentences stores the sentence pairs of every link with both sides, by the built-in rules, and exports give the same units', async () => {
  const plain = await alignCorpus('plain.bitext');
  const stored = await alignCorpus('stored.bitext', '--sentences');
  assert.equal(plain.file.segmentation, undefined);
  assert.ok(plain.file.links.every((link) => link.sentences === undefined));
  assert.deepEqual(stored.file.segmentation, { kind: 'built-in' });
  const paired = stored.file.links.filter((link) => link.source.length > 0 && link.target.length > 0);
  assert.ok(paired.length > 0 && paired.every((link) => link.sentences?.rules?.kind === 'built-in'));
  assert.ok(stored.file.links.every((link) => (link.source.length > 0 && link.target.length > 0) === (link.sentences !== undefined)));
  // The aligner's pairs, not a reviewer's: every one `auto`.
  assert.ok(paired.every((link) => link.sentences!.pairs.every((pair) => pair.status === 'auto')));
  const units = async (path: string, name: string) => {
    const output = join(folder, name);
    const said = await exportCapturing([path, '-o', output, '--unit', 'sentence']);
    return { tsv: readFileSync(output, 'utf8'), said };
  };
  const fromPlain = await units(plain.path, 'plain.tsv');
  const fromStored = await units(stored.path, 'stored.tsv');
  assert.equal(fromStored.tsv, fromPlain.tsv, 'the stored pairs are the ones an export computes');
  assert.doesNotMatch(fromStored.said, /warning/);
});

test('--srx is recorded by name and SHA-256; an export by other rules warns, naming the links, and keeps the stored pairs', async () => {
  const { path, file } = await alignCorpus('srx.bitext', '--sentences', '--srx', srxFixture);
  const sha256 = createHash('sha256').update(readFileSync(srxFixture, 'utf8').replace(/^\uFEFF/, ''), 'utf8').digest('hex');
  assert.deepEqual(file.segmentation, { kind: 'srx', name: 'workbench-sample.srx', sha256 });
  assert.ok(file.links.filter((link) => link.sentences).every((link) => link.sentences!.rules?.kind === 'srx'));
  const stored = file.links.filter((link) => link.sentences).length;
  const said = await exportCapturing([path, '-o', join(folder, 'srx-builtin.tsv'), '--unit', 'sentence']);
  assert.equal(
    said.split('\n').filter((line) => line.includes('warning')).join('\n'),
    `bitext export: warning: ${path}: the stored sentence pairs of all ${stored} links that store them were cut by the SRX file workbench-sample.srx (SHA-256 ${sha256.slice(0, 8)}…), not by the built-in rules in use now; they are kept as they are`,
  );
  // The same rules: no warning; paragraph units: sentence rules do not matter.
  assert.doesNotMatch(await exportCapturing([path, '-o', join(folder, 'srx-srx.tsv'), '--unit', 'sentence', '--srx', srxFixture]), /warning/);
  assert.doesNotMatch(await exportCapturing([path, '-o', join(folder, 'paragraphs.tsv')]), /warning/);
  // --srx alone (no stored pairs): the aligner's rules are recorded, and named when an export cuts by others.
  const aligned = await alignCorpus('srx-only.bitext', '--srx', srxFixture);
  assert.equal(aligned.file.segmentation?.kind, 'srx');
  assert.match(await exportCapturing([aligned.path, '-o', join(folder, 'srx-only.tsv'), '--unit', 'sentence']), /the links were aligned with sentences cut by the SRX file workbench-sample\.srx/);
});

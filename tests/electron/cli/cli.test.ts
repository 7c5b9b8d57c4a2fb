import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlignmentFile } from '../../../shared/formats/alignment-json.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';

const root = new URL('../../../', import.meta.url).pathname;
const english = join(root, 'corpus/nato-asia-2023.en.original-with-page-clutter.txt');
const thai = join(root, 'corpus/nato-asia-2023.th.translation.txt');

function bitext(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/bitext.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('bitext align prints the alignment JSON with each paragraph’s text', () => {
  const { code, stdout, stderr } = bitext('align', english, thai);
  assert.equal(code, 0, stderr);
  const file = parseAlignmentFile(stdout, 'stdout');
  assert.equal(file.source.paragraphs.length, 38);
  assert.equal(file.target.paragraphs.length, 10);
  assert.equal(file.source.paragraphs[11]!.text.slice(0, 24), 'Nato Secretary General J');
  assert.match(formatLinks(file.links), /(^| )11-0 12-1 13-2 /);
});

test('bitext align -o writes the file and refuses to overwrite it without --force', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-'));
  const output = join(dir, 'pair.bitext');
  assert.equal(bitext('align', english, thai, '-o', output).code, 0);
  const first = readFileSync(output, 'utf8');
  const again = bitext('align', english, thai, '-o', output);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /pair\.bitext/);
  assert.equal(readFileSync(output, 'utf8'), first);
  assert.equal(bitext('align', english, thai, '-o', output, '--force').code, 0);
});

test('bitext detect names each file’s language and flags paragraphs in another language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-'));
  const mixed = join(dir, 'mixed-th.txt');
  const thaiParagraph = readFileSync(thai, 'utf8').split('\n')[0]!;
  writeFileSync(mixed, `${thaiParagraph}\nThis English caption was left untranslated in the Thai text.\n`);
  const { code, stdout } = bitext('detect', '--json', english, mixed);
  assert.equal(code, 0);
  const [en, th] = JSON.parse(stdout);
  assert.equal(en.language.bcp47, 'en');
  assert.equal(th.language.bcp47, 'th');
  assert.deepEqual(th.paragraphs.map((paragraph: { language: string; mismatch: boolean }) => [paragraph.language, paragraph.mismatch]), [['tha', false], ['eng', true]]);
});

test('errors go to stderr with the file named and a non-zero exit', () => {
  const missing = bitext('align', join(root, 'no-such-file.txt'), thai);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no-such-file\.txt: cannot read the file \(ENOENT\)/);
  const noDictionary = bitext('align', english, thai, '--dictionary', join(root, 'no-such-dictionary.tsv'));
  assert.equal(noDictionary.code, 1);
  assert.match(noDictionary.stderr, /^bitext align: .*no-such-dictionary\.tsv: cannot read the file \(ENOENT\)\n$/);
  const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-'));
  const binary = join(dir, 'image.png');
  writeFileSync(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  const undecodable = bitext('detect', binary);
  assert.equal(undecodable.code, 1);
  assert.match(undecodable.stderr, /image\.png: the file looks binary/);
  const usage = bitext('align', english);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /Usage: bitext align/);
  assert.equal(bitext('frobnicate').code, 2);
});

test('bitext pair proposes the corpus pair', () => {
  const { code, stdout } = bitext('pair', '--json', join(root, 'corpus'));
  assert.equal(code, 0);
  const { proposals } = JSON.parse(stdout);
  assert.equal(proposals.length, 1);
  assert.match(proposals[0].source, /nato-asia-2023\.en/);
  assert.match(proposals[0].target, /nato-asia-2023\.th/);
});

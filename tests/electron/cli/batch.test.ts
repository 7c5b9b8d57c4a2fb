import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlignmentFile } from '../../../shared/formats/alignment-json.ts';
import { makeUdhrFolder } from '../../shared/corpus/udhr-folder.ts';

const root = new URL('../../../', import.meta.url).pathname;
const english = join(root, 'corpus/nato-asia-2023.en.original-with-page-clutter.txt');
const thai = join(root, 'corpus/nato-asia-2023.th.translation.txt');

function bitext(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin/bitext.js'), ...args], { cwd: options.cwd ?? root, encoding: 'utf8', input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('bitext batch MANIFEST: relative paths from the manifest’s folder, a failing pair named with its file, a summary, and a resume', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-cli-batch-'));
  mkdirSync(join(folder, 'docs'));
  copyFileSync(english, join(folder, 'docs/nato.en.txt'));
  copyFileSync(thai, join(folder, 'docs/nato.th.txt'));
  writeFileSync(join(folder, 'pairs.tsv'), '# source\ttarget\tname\ndocs/nato.en.txt\tdocs/nato.th.txt\ndocs/nato.en.txt\tdocs/gone.txt\tgone\n');
  const first = bitext(['batch', join(folder, 'pairs.tsv'), '--out', join(folder, 'out'), '--jobs', '2']);
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stderr, /gone: .*docs\/gone\.txt: cannot read the file \(ENOENT\)/);
  assert.match(first.stdout, /^nato\.en-th +36 /m);
  assert.match(first.stdout, /^gone +FAILED/m);
  assert.match(first.stdout, /total: 1 aligned, 0 up to date, 1 failed/);
  assert.deepEqual(readdirSync(join(folder, 'out')), ['nato.en-th.bitext']);
  const file = parseAlignmentFile(readFileSync(join(folder, 'out/nato.en-th.bitext'), 'utf8'), 'nato.en-th.bitext');
  assert.equal(file.source.path, '../docs/nato.en.txt');

  const again = bitext(['batch', 'pairs.tsv', '--out', 'out'], { cwd: folder });
  assert.match(again.stdout, /^nato\.en-th +up to date/m);
  assert.match(again.stderr, /skipped 1\/2 nato\.en-th: up to date/);
});

test('bitext batch --folder aligns one original with both its translations, and says which is the original', () => {
  const folder = makeUdhrFolder();
  const out = mkdtempSync(join(tmpdir(), 'bitext-cli-batch-out-'));
  const { code, stdout, stderr } = bitext(['batch', '--folder', folder, '--out', out]);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /declaration\.en\.txt is the original: the others are translated from its language \(2 translations\)/);
  assert.deepEqual(readdirSync(out).sort(), ['declaration.en-ja.bitext', 'declaration.en-ru.bitext']);
  assert.match(stdout, /total: 2 aligned/);
  const pair = bitext(['pair', folder]);
  assert.match(pair.stdout, /declaration\.en\.txt → declaration\.ja\.txt/);
  assert.match(pair.stdout, /declaration\.en\.txt → declaration\.ru\.txt/);
});

test('bitext batch --stdin-jsonl writes one record per input, in order, errors as records, exit 0', () => {
  const records = [
    { id: 'a', source_text: 'Hello world.\n\nThe meeting is on Monday 5 May 2024.', target_text: 'Bonjour le monde.\n\nLa réunion est le lundi 5 mai 2024.' },
    { id: 'b', source_text: 'One.' },
    { id: 'c', source_text: 'The price is 80 baht.', target_text: 'ราคา 80 บาท', target_lang: 'th' },
  ];
  const { code, stdout, stderr } = bitext(['batch', '--stdin-jsonl', '--jobs', '2'], { input: records.map((record) => JSON.stringify(record)).join('\n') });
  assert.equal(code, 0, stderr);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.id), ['a', 'b', 'c']);
  assert.equal(lines[0].links.length, 2);
  assert.equal(lines[1].error, '"target_text" must be a string');
  assert.equal(lines[2].target_lang, 'th');
  assert.match(stderr, /3 record\(s\), 1 error\(s\)/);
});

test('bitext export --from-batch writes one TMX of every pair that translate-toolkit reads', () => {
  const folder = makeUdhrFolder();
  const out = mkdtempSync(join(tmpdir(), 'bitext-cli-batch-out-'));
  assert.equal(bitext(['batch', '--folder', folder, '--out', out, '--jobs', '1']).code, 0);
  const tmx = join(out, 'corpus.tmx');
  const { code, stderr } = bitext(['export', '--from-batch', out, '-o', tmx, '--min-confidence', '0.5']);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /Wrote \d+ pairs from 2 alignments to .*corpus\.tmx \(TMX 1\.4b\); left out \d+ untranslated, \d+ below the minimum confidence/);
  const read = JSON.parse(spawnSync('/usr/bin/python3', [join(root, 'tests/reference/read-export.py'), 'tmx', tmx], { encoding: 'utf8' }).stdout);
  const languages = new Set(read.units.map((unit: { langs: string[] }) => unit.langs.join('-')));
  assert.deepEqual([...languages].sort(), ['en-ja', 'en-ru']);
  assert.ok(read.units.length > 150);
});

test('on a terminal, bitext batch redraws one progress line: a bar, pairs done, failures', { skip: spawnSync('script', ['--version']).status === 0 ? false : 'no script(1)' }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-cli-batch-'));
  writeFileSync(join(folder, 'pairs.tsv'), `${english}\t${thai}\tnato\n${english}\t${join(folder, 'gone.txt')}\tgone\n`);
  // script(1) runs the command on a pseudo-terminal, so stderr is a TTY.
  const command = `'${process.execPath}' '${join(root, 'bin/bitext.js')}' batch pairs.tsv --out out --jobs 1`;
  const result = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: folder, encoding: 'utf8' });
  const redraws = result.stdout.split('\r').filter((part) => part.startsWith('\x1b[2K['));
  assert.equal(redraws[0], '\x1b[2K[........................] 0/2 pairs');
  assert.match(redraws.at(-1)!, /^\x1b\[2K\[#{24}\] 2\/2 pairs · 1 failed$/);
  assert.ok(!result.stdout.includes('aligned 1/2'), 'no plain progress lines on a terminal');
});

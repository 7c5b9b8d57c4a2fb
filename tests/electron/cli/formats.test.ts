/**
 * Documents in other formats than plain text through the command line and the
 * alignment store: `bitext align a.docx b.html`, a bilingual file on its own,
 * `bitext detect`, the alignment file's format fields, reopening (unchanged,
 * and changed on disk: rebased through the format's reader), and bad input
 * refused with nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlignmentFile } from '../../../shared/formats/alignment-json.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { loadAlignment } from '../../../electron/services/alignment-store.ts';
import { rebaseOntoFile } from '../../../electron/services/document-changes.ts';

const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'tests/fixtures/documents', name);
const gold = readFileSync(join(root, 'tests/fixtures/gold/nato-asia-2023.en-th.gold.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join(' ')
  .trim();

function bitext(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/bitext.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('bitext align a.docx b.html: the gold links; the file records format, both hashes, and reopens unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));
  const output = join(dir, 'pair.bitext');
  const run = bitext('align', fixture('nato-asia-2023.en.docx'), fixture('nato-asia-2023.th.html'), '-o', output);
  assert.equal(run.code, 0, run.stderr);
  const file = parseAlignmentFile(readFileSync(output, 'utf8'), output);
  assert.equal(formatLinks(file.links), gold);
  assert.equal(file.source.format, 'docx');
  assert.equal(file.target.format, 'html');
  assert.match(file.source.textSha256 ?? '', /^[0-9a-f]{64}$/u);
  assert.notEqual(file.source.textSha256, file.source.sha256);

  const loaded = await loadAlignment(output);
  assert.equal(loaded.report.source.status, 'ok', loaded.report.source.message);
  assert.equal(loaded.report.target.status, 'ok', loaded.report.target.message);
  assert.equal(loaded.alignment.source.format, 'docx');
  assert.equal(loaded.alignment.source.text.slice(0, 28), 'Advertisement\n\nAdvertisement');
});

test('an HTML original changed on disk is reported changed and rebased through the HTML reader', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));
  const page = join(dir, 'en.html');
  copyFileSync(fixture('nato-asia-2023.en.html'), page);
  const output = join(dir, 'pair.bitext');
  assert.equal(bitext('align', page, fixture('nato-asia-2023.th.odt'), '-o', output).code, 0);
  // The editor of the page drops the two advertisements.
  writeFileSync(page, readFileSync(page, 'utf8').replace(/<p>Advertisement<\/p>\s*/gu, ''));
  const loaded = await loadAlignment(output);
  assert.equal(loaded.report.source.status, 'changed');
  const { alignment } = await rebaseOntoFile(loaded.alignment, 'source', page, '2026-01-01T00:00:00.000Z');
  assert.equal(alignment.source.paragraphs.length, 36);
  assert.equal(alignment.source.format, 'html');
  // The hashes are the new file's and its new extracted text's, so the next open sees it unchanged.
  assert.equal(alignment.source.sha256, createHash('sha256').update(readFileSync(page)).digest('hex'));
  assert.equal(alignment.source.textSha256, createHash('sha256').update(alignment.source.text).digest('hex'));
  assert.notEqual(alignment.source.textSha256, loaded.alignment.source.textSha256);
  const linked = alignment.links.filter((link) => link.source.length > 0 && link.target.length > 0);
  assert.equal(formatLinks(linked), '9-0 10-1 11-2 13-3 14-4 15,17-5 18,19-6 21-7 22-8 23-9');
});

test('bitext align FILE.tmx writes the pair the file holds, which reopens from the TMX', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));
  const output = join(dir, 'memory.bitext');
  const run = bitext('align', fixture('nato-asia-2023.en-th.tmx'), '-o', output);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /Wrote 9 links/u);
  const loaded = await loadAlignment(output);
  assert.equal(loaded.report.source.status, 'ok', loaded.report.source.message);
  assert.equal(loaded.report.target.status, 'ok', loaded.report.target.message);
  assert.equal(loaded.alignment.target.format, 'tmx');
  assert.equal(loaded.alignment.links.length, 9);
});

test('bitext detect names each file’s format and marks furniture', () => {
  const run = bitext('detect', fixture('nato-asia-2023.en.odt'), fixture('nato-asia-2023.en.furniture.html'));
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /nato-asia-2023\.en\.odt\n {2}eng \(en, Latn\), odt, utf-8, 38 paragraphs/u);
  assert.match(run.stdout, /nato-asia-2023\.en\.furniture\.html\n {2}eng \(en, Latn\), html, utf-8, 38 paragraphs/u);
  assert.match(run.stdout, /\[furniture\] Advertisement/u);
  const forced = bitext('detect', '--format', 'text', fixture('nato-asia-2023.en.html'));
  assert.match(forced.stdout, /, text, utf-8, /u);
});

test('an encrypted DOCX is refused by bitext align, naming the file, and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));
  const secret = join(dir, 'secret.docx');
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(secret, ole);
  const output = join(dir, 'pair.bitext');
  const run = bitext('align', secret, fixture('nato-asia-2023.th.docx'), '-o', output);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /secret\.docx: the file is a password-protected \(encrypted\) Office document/u);
  assert.equal(existsSync(output), false);
});

test('bitext pair finds the pair in a folder of mixed formats, and leaves the folder’s README out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));
  for (const name of ['nato-asia-2023.en.docx', 'nato-asia-2023.th.html', 'nato-asia-2023.en.pdf']) copyFileSync(fixture(name), join(dir, name));
  copyFileSync(join(root, 'corpus/related.en.russia-warns-japan-2024.txt'), join(dir, 'related.en.txt'));
  writeFileSync(join(dir, 'README.md'), '# About this folder\n\nNotes, not a document.\n');
  const run = bitext('pair', '--json', dir);
  assert.equal(run.code, 0, run.stderr);
  const { documents, proposals } = JSON.parse(run.stdout) as { documents: { path: string }[]; proposals: { source: string; target: string }[] };
  assert.deepEqual(documents.map((document) => document.path.split('/').pop()).sort(), ['nato-asia-2023.en.docx', 'nato-asia-2023.en.pdf', 'nato-asia-2023.th.html', 'related.en.txt']);
  assert.equal(proposals.length, 1);
  assert.match(proposals[0]!.source, /nato-asia-2023\.en\.(docx|pdf)$/u);
  assert.match(proposals[0]!.target, /nato-asia-2023\.th\.html$/u);
});

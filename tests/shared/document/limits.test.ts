/**
 * What a document may become (issue 13, finding 4): bytes alone did not bound
 * memory — 3 MB of one-character paragraphs took `bitext align` to 3.8 GB and
 * wrote an alignment file too large to open again. A document is refused, with
 * its name, when it has too many paragraphs or a paragraph too long.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocument } from '../../../shared/document/load.ts';
import { maxAlignmentFileBytes, maxDocumentBytes, maxParagraphCharacters, maxParagraphs } from '../../../shared/document/limits.ts';
import { isBitextError } from '../../../shared/errors.ts';

const root = new URL('../../../', import.meta.url).pathname;
const encode = (text: string) => new TextEncoder().encode(text);

test('a document of more paragraphs than the limit is refused, naming the file; one at the limit opens', async () => {
  await assert.rejects(loadDocument(encode('a\n\n'.repeat(maxParagraphs + 1)), 'many.txt', { detectParagraphs: false }), (error) => {
    assert.ok(isBitextError(error) && error.code === 'too-large');
    assert.match(error.message, /^many\.txt: the document has 100,001 paragraphs; the workbench opens documents of up to 100,000$/);
    return true;
  });
  const atLimit = await loadDocument(encode('a\n\n'.repeat(maxParagraphs)), 'limit.txt', { detectParagraphs: false });
  assert.equal(atLimit.paragraphs.length, maxParagraphs);
});

test('a paragraph longer than the limit is refused, naming the file, the paragraph and its line', async () => {
  const text = `First paragraph.\n\nSecond.\n\n${'x'.repeat(maxParagraphCharacters + 1)}\n`;
  await assert.rejects(loadDocument(encode(text), 'long.txt', { detectParagraphs: false }), (error) => {
    assert.ok(isBitextError(error) && error.code === 'too-large');
    assert.match(error.message, /^long\.txt:5: paragraph 3 is 100,001 characters long; the workbench opens paragraphs of up to 100,000$/);
    return true;
  });
  const atLimit = await loadDocument(encode(`${'x'.repeat(maxParagraphCharacters)}\n`), 'limit.txt', { detectParagraphs: false });
  assert.equal(atLimit.paragraphs.length, 1);
});

test('the limits leave the alignment file of the largest document pair under the alignment file limit', () => {
  // Measured: two documents of 200,000 one-character paragraphs, aligned 1:1, made a 110,407,909-byte file,
  // 276 bytes a paragraph with its share of the links; 400 leaves room for longer language records and notes.
  // Texts take at most twice their bytes once JSON-escaped (the binary check keeps control characters rare).
  const perParagraph = 400;
  const bound = 2 * (2 * maxDocumentBytes + maxParagraphs * perParagraph) + 64 * 1024;
  assert.ok(bound < maxAlignmentFileBytes, `${bound} ≥ ${maxAlignmentFileBytes}`);
});

test('bitext align refuses 3 MB of one-character paragraphs at once, naming the file, instead of running out of memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-limits-'));
  try {
    const many = join(dir, 'million.txt');
    writeFileSync(many, 'a\n\n'.repeat(1_000_000));
    const result = spawnSync(process.execPath, [join(root, 'bin/bitext.js'), 'align', many, many], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /million\.txt: the document has 1,000,000 paragraphs; the workbench opens documents of up to 100,000/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bitext align reads a UTF-8 file with a bad byte as UTF-8 and warns on stderr, naming the file, line and count (issue 13, finding 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-warn-'));
  try {
    const original = join(dir, 'original.txt');
    const translation = join(dir, 'translation.txt');
    const english = 'It’s “quoted” – and • listed.\n\nA second paragraph — with ’ more.\n\nThe third ’ one.\n';
    const bytes = Buffer.from(english);
    const cut = bytes.indexOf('A second');
    writeFileSync(original, Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xff]), bytes.subarray(cut)]));
    writeFileSync(translation, 'C’est « cité » – et • listé.\n\nUn deuxième paragraphe — avec plus.\n\nLe troisième.\n');
    const result = spawnSync(process.execPath, [join(root, 'bin/bitext.js'), 'align', original, translation], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: .*original\.txt: 1 invalid UTF-8 byte sequence replaced with U\+FFFD \(line 3\)/);
    const file = JSON.parse(result.stdout) as { source: { encoding: { name: string }; paragraphs: { text: string }[] } };
    assert.equal(file.source.encoding.name, 'utf-8');
    assert.equal(file.source.paragraphs[0]!.text, 'It’s “quoted” – and • listed.', 'not read as Windows-874');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

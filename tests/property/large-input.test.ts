/**
 * Large inputs: a document over the size limit is refused at once with a
 * message naming the file and the limit; one under it loads and aligns, and
 * the time each stage takes is printed (as a test diagnostic, not asserted:
 * it depends on the machine).
 *
 * The realistic document is the corpus pair repeated up to a size: 0.5 MiB by
 * default, so the suite stays fast; `BITEXT_LARGE_INPUT=15` (MiB) measures a
 * document near the largest the limits accept (some 95,000 paragraphs, under
 * the 100,000-paragraph limit of shared/document/limits.ts), which takes
 * minutes today: see the figures in the diagnostics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxDocumentBytes, readDocument } from '../../electron/services/documents.ts';
import { isBitextError } from '../../shared/errors.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { findLinkProblems } from '../../shared/model/invariants.ts';

const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url)), 'utf8');

/** Size of the realistic documents, in MiB. */
const documentMiB = Number(process.env['BITEXT_LARGE_INPUT'] ?? 0.5);

let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'bitext-large-'));
});
after(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A sparse file of `size` bytes (all zeros; the disk holds almost nothing). */
function sparseFile(name: string, size: number): string {
  const path = join(folder, name);
  const descriptor = openSync(path, 'w');
  try {
    ftruncateSync(descriptor, size);
  } finally {
    closeSync(descriptor);
  }
  return path;
}

/** The text repeated, whole, as often as fits in `bytes` of UTF-8 (each copy ending in a line break). */
function repeatTo(text: string, bytes: number): { text: string; copies: number } {
  const unit = text.endsWith('\n') ? text : `${text}\n`;
  const copies = Math.max(1, Math.floor(bytes / Buffer.byteLength(unit)));
  return { text: unit.repeat(copies), copies };
}

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(2)} s`;
const rss = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB RSS`;

describe('documents over the size limit', () => {
  it('a 50 MB document is refused at once with too-large, naming the file and the limit', async (t) => {
    const path = sparseFile('fifty-megabytes.txt', 50 * 1000 * 1000);
    const start = performance.now();
    await assert.rejects(readDocument(path), (error) => {
      assert.ok(isBitextError(error), String(error));
      assert.equal(error.code, 'too-large');
      assert.equal(error.location.file, path);
      assert.ok(error.message.includes(path), error.message);
      assert.match(error.message, /47\.7 MiB/, 'says how large the document is');
      assert.match(error.message, new RegExp(`${maxDocumentBytes / 1024 / 1024} MiB`), 'says what the limit is');
      return true;
    });
    t.diagnostic(`refused in ${seconds(start)}, ${rss()}`);
  });

  it('the limit is exact: one byte over is refused, the limit itself is read', async () => {
    await assert.rejects(readDocument(sparseFile('over.txt', maxDocumentBytes + 1)), (error) => isBitextError(error) && error.code === 'too-large');
    // Zeros are not text, so the document at the limit is refused too, but as undecodable: it was read.
    await assert.rejects(readDocument(sparseFile('at.txt', maxDocumentBytes)), (error) => isBitextError(error) && error.code !== 'too-large');
  });
});

describe(`a realistic document of ${documentMiB} MiB`, () => {
  it('loads and aligns; the time of each stage is printed', { timeout: 60 * 60 * 1000 }, async (t) => {
    const english = repeatTo(corpus('nato-asia-2023.en.original-with-page-clutter.txt'), documentMiB * 1024 * 1024);
    const thai = repeatTo(corpus('nato-asia-2023.th.translation.txt'), documentMiB * 1024 * 1024);
    const sourcePath = join(folder, 'large.en.txt');
    const targetPath = join(folder, 'large.th.txt');
    writeFileSync(sourcePath, english.text);
    writeFileSync(targetPath, thai.text);
    assert.ok(statSync(sourcePath).size <= maxDocumentBytes && statSync(targetPath).size <= maxDocumentBytes);

    let start = performance.now();
    const source = await readDocument(sourcePath);
    t.diagnostic(`readDocument English: ${(statSync(sourcePath).size / 1024 / 1024).toFixed(1)} MiB, ${source.paragraphs.length} paragraphs in ${seconds(start)}, ${rss()}`);
    assert.equal(source.paragraphs.length, 38 * english.copies);

    start = performance.now();
    const target = await readDocument(targetPath);
    t.diagnostic(`readDocument Thai: ${(statSync(targetPath).size / 1024 / 1024).toFixed(1)} MiB, ${target.paragraphs.length} paragraphs in ${seconds(start)}, ${rss()}`);
    assert.equal(target.paragraphs.length, 10 * thai.copies);

    start = performance.now();
    const alignment = alignDocuments(source, target, { now: '2024-01-01T00:00:00.000Z' });
    t.diagnostic(`alignDocuments (pair language detection + aligner): ${alignment.links.length} links in ${seconds(start)}, ${rss()}`);
    assert.deepEqual(findLinkProblems(alignment.links, source.paragraphs.length, target.paragraphs.length), []);
    const held = (side: 'source' | 'target') => alignment.links.reduce((count, link) => count + link[side].length, 0);
    assert.equal(held('source'), source.paragraphs.length);
    assert.equal(held('target'), target.paragraphs.length);
  });
});

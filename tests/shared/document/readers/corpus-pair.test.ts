/**
 * The corpus English–Thai pair in each format (tests/fixtures/documents/, made
 * by pandoc, Chromium, aeidon and translate-toolkit; make.sh there) reads as the same paragraphs
 * as the plain-text pair, aligns to the same links as the text pair and the
 * gold, and exports pairs that translate-toolkit reads back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocument } from '../../../../shared/document/load.ts';
import { openBilingualFile } from '../../../../shared/document/open-bilingual.ts';
import { alignDocuments } from '../../../../shared/pipeline.ts';
import { formatLinks, parseLinks } from '../../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../../shared/model/document.ts';
import { foldWhitespace } from '../../../../shared/text/paragraphs.ts';
import { toTmx } from '../../../../shared/formats/tmx.ts';
import { toXliff } from '../../../../shared/formats/xliff.ts';
import { readBack } from '../../../reference/read-back.ts';

const root = new URL('../../../../', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const fixture = (name: string) => `tests/fixtures/documents/${name}`;
const englishText = 'corpus/nato-asia-2023.en.original-with-page-clutter.txt';
const thaiText = 'corpus/nato-asia-2023.th.translation.txt';
const gold = readFileSync(new URL('tests/fixtures/gold/nato-asia-2023.en-th.gold.txt', root), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join(' ')
  .trim();

const load = (path: string) => loadDocument(bytes(path), path, { detectParagraphs: false });
const texts = (document: BitextDocument) => document.paragraphs.map((paragraph) => foldWhitespace(document.text.slice(paragraph.start, paragraph.end)));
const now = '2026-01-01T00:00:00.000Z';

const textPair = (async () => {
  const [english, thai] = await Promise.all([load(englishText), load(thaiText)]);
  return { english, thai, links: formatLinks(alignDocuments(english, thai, { now }).links) };
})();

test('the plain-text pair aligns as the gold (the baseline the formats are held to)', async () => {
  assert.equal((await textPair).links, formatLinks(parseLinks(gold)));
});

const combinations: readonly [string, string][] = [
  ['docx', 'docx'],
  ['html', 'odt'],
  ['odt', 'html'],
  ['md', 'docx'],
  ['epub', 'epub'],
  ['odt', 'odt'],
  ['pdf', 'docx'],
  ['pdf', 'pdf'],
  ['html', 'html'],
  ['md', 'md'],
  ['srt', 'vtt'],
  ['vtt', 'srt'],
];

/** The format a fixture's extension names. */
const formatOf = (extension: string) => ({ md: 'markdown', vtt: 'webvtt' })[extension] ?? extension;

/**
 * A paragraph as a format can give it back. A PDF keeps no space where a line broke: between two Thai words (Thai
 * lines break between words with or without a space) the space is not known, so it is left out of the comparison.
 */
const comparable = (format: string, paragraphs: readonly string[]) =>
  format === 'pdf' ? paragraphs.map((text) => text.replace(/(?<=\p{Script=Thai}) (?=\p{Script=Thai})/gu, '')) : paragraphs;

for (const [sourceFormat, targetFormat] of combinations) {
  test(`the corpus pair as ${sourceFormat} ↔ ${targetFormat} reads and aligns as the text pair`, async () => {
    const baseline = await textPair;
    const source = await load(fixture(`nato-asia-2023.en.${sourceFormat}`));
    const target = await load(fixture(`nato-asia-2023.th.${targetFormat}`));
    assert.equal(source.format, formatOf(sourceFormat));
    assert.equal(target.format, formatOf(targetFormat));
    assert.deepEqual(comparable(sourceFormat, texts(source)), comparable(sourceFormat, texts(baseline.english)));
    assert.deepEqual(comparable(targetFormat, texts(target)), comparable(targetFormat, texts(baseline.thai)));
    const alignment = alignDocuments(source, target, { now });
    assert.equal(formatLinks(alignment.links), baseline.links);

    // The pairs export, and translate-toolkit reads the same pairs back.
    const { xml, extracted } = toTmx(alignment);
    const read = readBack<{ units: { source: string; target: string }[] }>('tmx', xml);
    assert.equal(read.units.length, extracted.pairs.length);
    assert.deepEqual(
      read.units.map((unit) => [unit.source, unit.target]),
      extracted.pairs.map((pair) => [pair.source, pair.target]),
    );
  });
}

test('a TMX file made by translate-toolkit opens as its pairs, one link a unit', async () => {
  const alignment = await openBilingualFile(bytes(fixture('nato-asia-2023.en-th.tmx')), 'nato-asia-2023.en-th.tmx', now);
  assert.equal(alignment.source.format, 'tmx');
  assert.equal(alignment.source.language.detected.iso6393, 'eng');
  assert.equal(alignment.target.language.detected.iso6393, 'tha');
  // po2tmx leaves the fuzzy (last) pair out; the gold's other nine 1:1 and n:m pairs are there, in order.
  assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8');
  assert.ok(alignment.links.every((link) => link.status === 'auto'), 'TMX records no status');
  const thai = (await textPair).thai;
  assert.deepEqual(texts(alignment.target), texts(thai).slice(0, 9));
});

test('an XLIFF 1.2 file made by translate-toolkit opens as its pairs, approved units confirmed', async () => {
  const alignment = await openBilingualFile(bytes(fixture('nato-asia-2023.en-th.xlf')), 'nato-asia-2023.en-th.xlf', now);
  assert.equal(alignment.source.format, 'xliff');
  assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8 9-9');
  assert.deepEqual(
    alignment.links.map((link) => link.status),
    [...Array<string>(9).fill('confirmed'), 'auto'],
  );
  const english = (await textPair).english;
  // The gold joins English paragraphs 17 and 19, and 20 and 21, into one unit each.
  assert.equal(texts(alignment.source)[5], `${texts(english)[17]} ${texts(english)[19]}`);
});

test('an alignment exported as XLIFF 2 opens back as the same pair and statuses', async () => {
  const baseline = await textPair;
  const alignment = alignDocuments(baseline.english, baseline.thai, { now });
  const confirmed = { ...alignment, links: alignment.links.map((link, index) => (index === 11 ? { ...link, status: 'confirmed' as const } : link)) };
  const { xml } = toXliff(confirmed);
  const reopened = await openBilingualFile(new TextEncoder().encode(xml), 'pair.xlf', now);
  const linked = confirmed.links.filter((link) => link.source.length > 0 && link.target.length > 0);
  assert.equal(reopened.links.filter((link) => link.source.length > 0 && link.target.length > 0).length, linked.length);
  assert.deepEqual(
    texts(reopened.target),
    linked.map((link) => link.target.map((index) => texts(baseline.thai)[index]).join(' ')),
  );
  assert.equal(reopened.links.filter((link) => link.status === 'confirmed').length, 1);
});

test('the English page with its furniture (nav, header, asides, footer, hidden and script parts) aligns as the text pair', async () => {
  const baseline = await textPair;
  const page = await load(fixture('nato-asia-2023.en.furniture.html'));
  // The page draws the summary's bullets with CSS; the text file has them as characters.
  assert.deepEqual(texts(page), texts(baseline.english).map((text) => text.replace(/^• /u, '')));
  const furniture = page.paragraphs.flatMap((paragraph, index) => (paragraph.mark === 'furniture' ? [index] : []));
  assert.deepEqual(furniture, [0, 1, 2, 3, 4, 5, 18, 26, 30, 31, 32, 37]);
  const alignment = alignDocuments(page, await load(fixture('nato-asia-2023.th.docx')), { now });
  assert.equal(formatLinks(alignment.links), baseline.links);
  assert.ok(furniture.every((index) => alignment.links.some((link) => link.source.length === 1 && link.source[0] === index && link.target.length === 0)), 'furniture left 1:0');
});

test('DOCX and ODT made afresh by pandoc from the corpus texts align as the text pair', { skip: pandocMissing() }, async () => {
  const baseline = await textPair;
  const dir = mkdtempSync(join(tmpdir(), 'bitext-pandoc-'));
  try {
    const made = (corpusPath: string, language: string, format: 'docx' | 'odt') => {
      const page = join(dir, `${language}.html`);
      writeFileSync(page, `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"></head><body>${readFileSync(new URL(corpusPath, root), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => `<p>${line.trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`)
        .join('\n')}</body></html>`);
      const output = join(dir, `${language}.${format}`);
      execFileSync('pandoc', ['-f', 'html', '-t', format, '-o', output, page]);
      return loadDocument(new Uint8Array(readFileSync(output)), output, { detectParagraphs: false });
    };
    const source = await made(englishText, 'en', 'docx');
    const target = await made(thaiText, 'th', 'odt');
    assert.deepEqual(texts(source), texts(baseline.english));
    assert.equal(formatLinks(alignDocuments(source, target, { now }).links), baseline.links);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function pandocMissing(): string | false {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'pandoc is not installed (Debian package pandoc; .ci/run installs it)';
  }
}

/**
 * Page furniture is more willing to stay unlinked: the prior of mark-priors.ts,
 * on the evidence and on a news page where a teaser naming the article's
 * people sits between two body paragraphs that together translate one Thai
 * paragraph and, without the mark, is glued onto the first in place of the second.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { furnitureUnlinkedLogOdds, withMarkPriors } from '../../../shared/align/mark-priors.ts';
import { loadDocument } from '../../../shared/document/load.ts';
import { sortLinks } from '../../../shared/edits/sort-links.ts';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { alignDocuments } from '../../../shared/pipeline.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));
const now = '2026-12-06T00:00:00.000Z';

test('furniture on one side only raises its unlinked log-odds by the prior; on both sides, or with no marks, nothing changes', () => {
  const sides = (marks?: ('furniture' | 'footnote' | undefined)[]) => ({ texts: ['Home', 'Body text here.', 'A note.'], language: 'eng', ...(marks ? { marks } : {}) });
  const evidence = buildEvidence(sides(), { texts: ['Texte.', 'Note.'], language: 'fra' });
  const marked = withMarkPriors(evidence, ['furniture', undefined, 'footnote'], undefined);
  assert.deepEqual(
    Array.from(marked.unlinked.source, (value, index) => value - evidence.unlinked.source[index]!),
    [furnitureUnlinkedLogOdds, 0, 0],
  );
  assert.equal(marked.unlinked.target, evidence.unlinked.target);
  assert.equal(withMarkPriors(evidence, ['furniture', undefined, undefined], ['furniture', undefined]), evidence, 'a translated page keeps its furniture');
  assert.equal(withMarkPriors(evidence, [undefined, undefined, 'footnote'], undefined), evidence, 'footnotes are text');
  assert.equal(withMarkPriors(evidence, undefined, undefined), evidence);
});

test('a teaser marked as furniture inside a 2:1 link stays 1:0 instead of being glued to its neighbour', async () => {
  const teaser = 'Nato chief Jens Stoltenberg in Seoul and Tokyo: all our coverage of the alliance’s push into East Asia, with analysis from Japan and South Korea';
  const lines = read('tests/fixtures/documents/nato-asia-2023.en.furniture.html').toString('utf8').split('\n');
  // After "Nato, Japan and South Korea are acutely aware…" (paragraph 21 of the page), which with the next one is Thai paragraph 7.
  lines.splice(33, 0, `      <aside class="related"><a href="/news/nato-asia">${teaser}</a></aside>`);
  const page = await loadDocument(new TextEncoder().encode(lines.join('\n')), 'page.html', { detectParagraphs: false });
  const thai = await loadDocument(new Uint8Array(read('tests/fixtures/documents/nato-asia-2023.th.docx')), 'th.docx', { detectParagraphs: false });
  const at = page.paragraphs.findIndex((paragraph) => page.text.slice(paragraph.start, paragraph.end) === teaser);
  assert.equal(at, 21);
  assert.equal(page.paragraphs[at]!.mark, 'furniture');

  // What the page should give: the links of the page without the teaser, shifted past it, and the teaser 1:0.
  const plain = await loadDocument(new Uint8Array(read('tests/fixtures/documents/nato-asia-2023.en.furniture.html')), 'plain.html', { detectParagraphs: false });
  const shifted = parseLinks(formatLinks(alignDocuments(plain, thai, { now }).links)).map((link) => ({ ...link, source: link.source.map((index) => (index >= at ? index + 1 : index)) }));
  const expected = formatLinks(sortLinks([...shifted, { source: [at], target: [] }]));
  assert.match(expected, / 20,22-6 21-∅ /u);
  assert.equal(formatLinks(alignDocuments(page, thai, { now }).links), expected);

  // Without its marks the same text glues the teaser onto the paragraph above, and the paragraph after it is left unlinked.
  const unmarked: BitextDocument = { ...page, paragraphs: page.paragraphs.map(({ mark: _mark, ...paragraph }) => paragraph) };
  assert.match(formatLinks(alignDocuments(unmarked, thai, { now }).links), / 20,21-6 22-∅ /u);
});

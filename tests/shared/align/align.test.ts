import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignParagraphs, alignParagraphsDetailed, alignRange } from '../../../shared/align/align.ts';
import { scoreAlignment } from '../../../shared/align/metrics.ts';
import { formatLinks, parseLinks, type Link } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { BitextError } from '../../../shared/errors.ts';
import { corpusCase } from '../../../bench/cases.ts';
import { syntheticCase, udhrCase } from '../../../bench/udhr-cases.ts';

/** Every paragraph of both sides in exactly one link, nothing broken. */
function assertSound(links: readonly Link[], sourceCount: number, targetCount: number): void {
  assert.deepEqual(findLinkProblems(links, sourceCount, targetCount), []);
  const sources = links.flatMap((link) => link.source);
  const targets = links.flatMap((link) => link.target);
  assert.equal(sources.length, sourceCount);
  assert.equal(targets.length, targetCount);
  for (const link of links) {
    assert.equal(link.status, 'auto');
    assert.ok(link.confidence >= 0 && link.confidence <= 1, `confidence ${link.confidence}`);
    assert.ok(Number.isFinite(link.score), `score ${link.score}`);
  }
}

const corpus = corpusCase();
const corpusLinks = alignParagraphs(corpus.source, corpus.target);

test('corpus pair: pairwise F1 ≥ 0.95 and ≥ 0.9 of the untranslated paragraphs left unlinked', () => {
  const scores = scoreAlignment(corpusLinks, parseLinks(corpus.gold));
  assert.ok(scores.f1 >= 0.95, `F1 ${scores.f1.toFixed(3)}: ${formatLinks(corpusLinks)}`);
  assert.ok(scores.untranslatedShare >= 0.9, `untranslated left unlinked ${scores.untranslatedShare.toFixed(3)}`);
  assertSound(corpusLinks, corpus.source.texts.length, corpus.target.texts.length);
});

test('corpus pair: the merge across a headline comes out as a skip group (17,19-5 with 18-∅)', () => {
  const compact = formatLinks(corpusLinks);
  assert.match(compact, /(^| )17,19-5 18-∅( |$)/u, compact);
});

test('corpus pair: right links are more confident than wrong ones would be; untranslated clutter is sure', () => {
  const clutter = corpusLinks.filter((link) => link.target.length === 0 && link.source[0]! <= 10);
  assert.equal(clutter.length, 11);
  for (const link of clutter) assert.ok(link.confidence > 0.9, `${formatLinks([link])} ${link.confidence}`);
});

test('aligning is deterministic', () => {
  assert.deepEqual(alignParagraphs(corpus.source, corpus.target), corpusLinks);
  const bitext = udhrCase('jpn');
  assert.deepEqual(alignParagraphs(bitext.source, bitext.target), alignParagraphs(bitext.source, bitext.target));
});

for (const code of ['tha', 'jpn', 'arb', 'deu_1996']) {
  test(`perturbed UDHR English–${code}: F1 ≥ 0.9, sound links`, () => {
    const bitext = udhrCase(code);
    const links = alignParagraphs(bitext.source, bitext.target);
    const scores = scoreAlignment(links, parseLinks(bitext.gold));
    assert.ok(scores.f1 >= 0.9, `F1 ${scores.f1.toFixed(3)}`);
    assertSound(links, bitext.source.texts.length, bitext.target.texts.length);
  });
}

test('alignRange re-aligns only between two links and returns absolute indices', () => {
  // Between the confirmed links 16-4 and 23-7 of the corpus gold.
  const range = { sourceStart: 17, sourceEnd: 23, targetStart: 5, targetEnd: 7 };
  const links = alignRange(corpus.source, corpus.target, range);
  const sources = links.flatMap((link) => link.source).sort((a, b) => a - b);
  const targets = links.flatMap((link) => link.target).sort((a, b) => a - b);
  assert.deepEqual(sources, [17, 18, 19, 20, 21, 22]);
  assert.deepEqual(targets, [5, 6]);
  assert.deepEqual(findLinkProblems(links, corpus.source.texts.length, corpus.target.texts.length), []);
  assert.equal(formatLinks(links), '17,19-5 18-∅ 20,21-6 22-∅');
});

test('alignRange: an empty side gives unlinked paragraphs; a range outside the documents is refused', () => {
  assert.equal(formatLinks(alignRange(corpus.source, corpus.target, { sourceStart: 0, sourceEnd: 3, targetStart: 0, targetEnd: 0 })), '0-∅ 1-∅ 2-∅');
  assert.throws(
    () => alignRange(corpus.source, corpus.target, { sourceStart: 5, sourceEnd: 40, targetStart: 0, targetEnd: 1 }),
    (error: unknown) => error instanceof BitextError && error.code === 'invalid-argument',
  );
});

test('empty documents', () => {
  assert.deepEqual(alignParagraphs({ texts: [], language: 'eng' }, { texts: [], language: 'tha' }), []);
  assert.equal(formatLinks(alignParagraphs({ texts: ['Advertisement'], language: 'eng' }, { texts: [], language: 'tha' })), '0-∅');
});

test('the search is linear: DP cells grow with the document, not its square', () => {
  const small = syntheticCase(1000);
  const large = syntheticCase(4000);
  const cellsSmall = alignParagraphsDetailed(small.source, small.target).stats.cells;
  const cellsLarge = alignParagraphsDetailed(large.source, large.target).stats.cells;
  const paragraphsSmall = small.source.texts.length + small.target.texts.length;
  const paragraphsLarge = large.source.texts.length + large.target.texts.length;
  const growth = cellsLarge / cellsSmall;
  // Quadratic would be 16×; linear is about 4× (allow for band widening).
  assert.ok(growth < 5, `cells grew ${growth.toFixed(2)}× for 4× the paragraphs`);
  assert.ok(cellsLarge / paragraphsLarge < 60, `${(cellsLarge / paragraphsLarge).toFixed(1)} cells per paragraph`);
  assert.ok(cellsLarge < (paragraphsLarge * paragraphsLarge) / 20, 'far below the full grid');
  assert.ok(cellsSmall / paragraphsSmall < 60);
});

test('the band loses nothing: the same links as a search over the whole grid', () => {
  for (const bitext of [corpus, udhrCase('tha'), udhrCase('heb')]) {
    const banded = alignParagraphs(bitext.source, bitext.target);
    const whole = alignParagraphs(bitext.source, bitext.target, { bandWidth: 10_000 });
    assert.equal(formatLinks(banded), formatLinks(whole), bitext.name);
  }
});

test('confidence is a posterior: it is high where the evidence is clear and the alternatives share the rest', () => {
  // A 1:0 link's confidence is the probability that the paragraph is unlinked; an ad line is surely so.
  const advertisement = corpusLinks.find((link) => link.source[0] === 0)!;
  assert.equal(formatLinks([advertisement]), '0-∅');
  assert.ok(advertisement.confidence > 0.99);
  // Softer scores (temperature above 1) spread the probability: the unsure links fall, and a paragraph the spread
  // makes more likely unlinked than linked leaves its link (confidence.ts), so the soft links' pairs are a subset.
  const soft = alignParagraphs(corpus.source, corpus.target, { temperature: 3 });
  const pairs = (links: readonly Link[]) => links.flatMap((link) => link.source.flatMap((source) => link.target.map((target) => `${source}-${target}`)));
  const sharp = new Set(pairs(corpusLinks));
  assert.ok(pairs(soft).every((pair) => sharp.has(pair)), formatLinks(soft));
  const mean = (links: readonly Link[]) => links.reduce((sum, link) => sum + link.confidence, 0) / links.length;
  assert.ok(mean(soft) < mean(corpusLinks), `${mean(soft)} < ${mean(corpusLinks)}`);
});

test('options: without skips no group jumps a paragraph', () => {
  const links = alignParagraphs(corpus.source, corpus.target, { allowSkips: false });
  assertSound(links, corpus.source.texts.length, corpus.target.texts.length);
  for (const link of links) {
    for (const side of [link.source, link.target]) {
      for (let index = 1; index < side.length; index++) assert.equal(side[index]! - side[index - 1]!, 1, formatLinks([link]));
    }
  }
});

test('a paragraph the posteriors find more likely unlinked than linked is left out of the best path\'s link', () => {
  // The corpus's "17,19-5" joins a Thai paragraph to two English ones around a caption; under softer scores the first
  // English paragraph is more likely unlinked than linked, and comes out as a 1:0 link of its own.
  const soft = alignParagraphs(corpus.source, corpus.target, { temperature: 3 });
  assert.match(formatLinks(corpusLinks), / 17,19-5 18-∅ /u);
  assert.match(formatLinks(soft), / 17-∅ 18-∅ 19-5 /u);
  assertSound(soft, corpus.source.texts.length, corpus.target.texts.length);
  assert.ok(soft.find((link) => formatLinks([link]) === '17-∅')!.confidence > 0.5);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignParagraphs } from '../../../shared/align/align.ts';
import { balanceUnits, joinShortUnits, paragraphLinksFromSentences, paragraphingDiffers, sentenceUnits } from '../../../shared/align/any-width.ts';
import { scoreAlignment } from '../../../shared/align/metrics.ts';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';
import { seededRandom, udhrCleanCase } from '../../../bench/udhr-cases.ts';

/** Sentence links in compact form with confidence 0.9 and score 1 each. */
function sentenceLinks(compact: string) {
  return parseLinks(compact).map((link) => ({ ...link, confidence: 0.9, score: 1 }));
}

const paragraphOf = (list: readonly number[]) => ({ paragraphOf: Int32Array.from(list) });

test('sentenceUnits: each paragraph cut into sentences, with the paragraph each is in', () => {
  const units = sentenceUnits(['One here. Two here.', 'Three.', ''], 'eng');
  assert.deepEqual(units.texts, ['One here.', 'Two here.', 'Three.']);
  assert.deepEqual([...units.paragraphOf], [0, 0, 1]);
});

test('sentenceUnits: a language code ICU does not know is read as und, not an error', () => {
  assert.deepEqual(sentenceUnits(['One here. Two here.'], 'x').texts, ['One here.', 'Two here.']);
});

test('joinShortUnits: units joined within a paragraph until long enough, never across paragraphs', () => {
  const joined = joinShortUnits({ texts: ['aa', 'bb', 'cc', 'dd', 'ee'], paragraphOf: Int32Array.from([0, 0, 0, 1, 1]) }, 4, ' ');
  assert.deepEqual(joined.texts, ['aa bb', 'cc', 'dd ee']);
  assert.deepEqual([...joined.paragraphOf], [0, 0, 1]);
});

test('balanceUnits: Thai clauses are joined towards English sentences; sentences on both sides are left alone', () => {
  const english = sentenceUnits(['Everyone has the right to life, liberty and security of person. No one shall be held in slavery or servitude.'], 'eng');
  const thai = sentenceUnits(['บุคคลมีสิทธิในการดำรงชีวิต เสรีภาพ และความมั่นคงแห่งร่างกาย บุคคลใดจะถูกยึดตัวเป็นทาส หรือตกอยู่ในภาวะจำยอมไม่ได้'], 'tha');
  assert.ok(thai.texts.length > english.texts.length, thai.texts.join(' | '));
  const balanced = balanceUnits(english, thai);
  assert.deepEqual(balanced.source, english);
  assert.ok(balanced.target.texts.length <= english.texts.length, balanced.target.texts.join(' | '));
  const spanish = sentenceUnits(['Todo individuo tiene derecho a la vida, a la libertad y a la seguridad de su persona. Nadie estará sometido a esclavitud ni a servidumbre.'], 'spa');
  assert.deepEqual(balanceUnits(english, spanish), { source: english, target: spanish });
});

test('paragraph links: sentence links within one paragraph each give 1:1 links', () => {
  // Sentences: source 0,1 in paragraph 0, 2 in 1; target 0 in 0, 1,2 in 1.
  const links = paragraphLinksFromSentences(sentenceLinks('0-0 1-0 2-1,2'), paragraphOf([0, 0, 1]), paragraphOf([0, 1, 1]), 2, 2);
  assert.equal(formatLinks(links), '0-0 1-1');
});

test('paragraph links: a sentence link crossing a paragraph edge joins the paragraphs on both sides', () => {
  // Source paragraphs: [0,1] [2] [3]; target: [0] [1,2] [3]. Sentence 1-1 joins source 0 with target 1, and 2-2 source 1 with target 1.
  const links = paragraphLinksFromSentences(sentenceLinks('0-0 1-1 2-2 3-3'), paragraphOf([0, 0, 1, 2]), paragraphOf([0, 1, 1, 2]), 3, 3);
  assert.equal(formatLinks(links), '0,1-0,1 2-2');
});

test('paragraph links: a wide group comes out as one link (4:3)', () => {
  const source = paragraphOf([0, 1, 2, 3]);
  const target = paragraphOf([0, 0, 1, 2]);
  const links = paragraphLinksFromSentences(sentenceLinks('0-0 1-1 2,3-2,3'), source, target, 4, 3);
  assert.equal(formatLinks(links), '0,1-0 2,3-1,2');
});

test('paragraph links: a paragraph of unlinked sentences between groups is unlinked; inside a group it belongs to it', () => {
  // Source paragraphs 0..3, one sentence each; target 0..2. Source 1 is untranslated (between groups),
  // source 3 is untranslated but target paragraph 2 holds sentences linked on both sides of it.
  const links = paragraphLinksFromSentences(
    parseLinks('0-0 1-∅ 2-1 3-∅ 4-2').map((link, index) => ({ ...link, confidence: index === 1 ? 0.7 : 0.9, score: 1 })),
    paragraphOf([0, 1, 2, 3, 4]),
    paragraphOf([0, 1, 2]),
    5,
    3,
  );
  assert.equal(formatLinks(links), '0-0 1-∅ 2-1 3-∅ 4-2');
  assert.equal(links[1]!.confidence, 0.7, 'an unlinked paragraph is as sure as its least sure unlinked sentence');
  const inside = paragraphLinksFromSentences(sentenceLinks('0-0 1-∅ 2-0'), paragraphOf([0, 1, 2]), paragraphOf([0]), 3, 1);
  assert.equal(formatLinks(inside), '0,1,2-0');
});

test('paragraph links: a group is as sure as its least sure sentence link, and scores add up', () => {
  const links = paragraphLinksFromSentences(
    [
      { source: [0], target: [0], confidence: 0.95, score: 2 },
      { source: [1], target: [1], confidence: 0.6, score: 1.5 },
    ],
    paragraphOf([0, 0]),
    paragraphOf([0, 1]),
    1,
    2,
  );
  assert.equal(formatLinks(links), '0-0,1');
  assert.equal(links[0]!.confidence, 0.6);
  assert.equal(links[0]!.score, 3.5);
});

test('paragraphingDiffers: a few merges are a translation that keeps its paragraphs; most of them joined, one paragraphed anew', () => {
  const lengths = new Array<number>(10).fill(100);
  assert.equal(paragraphingDiffers(parseLinks('0-0 1-1 2,3-2 4-3 5-∅ 6-4 7-5 8-6'), lengths, lengths), false);
  assert.equal(paragraphingDiffers(parseLinks('0,1-0 2-1,2 3,4,5-3 6-4 7,8-5,6'), lengths, lengths), true);
});

test('paragraphingDiffers: nothing linked at all, whole paragraphs on both sides (a translation pasted as one paragraph) is paragraphed differently', () => {
  const source = [120, 90, 110, 100, 95, 12, 8];
  assert.equal(paragraphingDiffers(parseLinks('0-∅ 1-∅ 2-∅ 3-∅ 4-∅ 5-∅ 6-∅ ∅-0'), source, [600]), true);
});

test('paragraphingDiffers: whole paragraphs left out count, short clutter left out does not', () => {
  const links = parseLinks('0-0 1-∅ 2-∅ 3-1 4-∅ 5-2');
  const long = [100, 100, 100, 100, 100, 100];
  const clutter = [100, 10, 12, 100, 9, 100];
  assert.equal(paragraphingDiffers(links, long, long), true);
  assert.equal(paragraphingDiffers(links, clutter, long), false);
});

/**
 * The clean English–Spanish declaration with each side's paragraphs joined in
 * groups of 1 to 4, sized at random on each side independently (seeded), and
 * the gold: the smallest groups of paragraphs sharing paragraphs of the declaration.
 */
function regrouped(seed: number) {
  const clean = udhrCleanCase('spa');
  // Only 1:1 links of the clean gold, so each unit has one paragraph a side.
  const pairs = parseLinks(clean.gold).filter((link) => link.source.length === 1 && link.target.length === 1);
  const random = seededRandom(seed);
  const group = (texts: readonly string[]) => {
    const paragraphs: string[] = [];
    const paragraphOfUnit: number[] = [];
    for (let start = 0; start < texts.length; ) {
      const size = 1 + Math.floor(random() * 4);
      texts.slice(start, start + size).forEach(() => paragraphOfUnit.push(paragraphs.length));
      paragraphs.push(texts.slice(start, start + size).join(' '));
      start += size;
    }
    return { paragraphs, paragraphOfUnit };
  };
  const source = group(pairs.map((link) => clean.source.texts[link.source[0]!]!));
  const target = group(pairs.map((link) => clean.target.texts[link.target[0]!]!));
  // The smallest groups of paragraphs sharing units: the derivation tested above, with the units as sentences linked 1:1.
  const unitLinks = pairs.map((_, unit) => ({ source: [unit], target: [unit], confidence: 1, score: 0 }));
  const units = (side: typeof source) => ({ paragraphOf: Int32Array.from(side.paragraphOfUnit) });
  const gold = paragraphLinksFromSentences(unitLinks, units(source), units(target), source.paragraphs.length, target.paragraphs.length);
  return { source: { texts: source.paragraphs, language: 'eng' }, target: { texts: target.paragraphs, language: 'spa' }, gold };
}

test('alignParagraphs: two documents paragraphed independently get links wider than 3 a side, where the previous aligner cannot follow', () => {
  const pair = regrouped(7);
  const links = alignParagraphs(pair.source, pair.target);
  const scores = scoreAlignment(links, pair.gold);
  assert.ok(scores.precision >= 0.9, `precision ${scores.precision.toFixed(3)}: ${formatLinks(links)}`);
  assert.ok(scores.f1 >= 0.9, `F1 ${scores.f1.toFixed(3)}: ${formatLinks(links)}`);
  assert.ok(links.some((link) => link.source.length > 3 || link.target.length > 3), formatLinks(links));
  const previous = alignParagraphs(pair.source, pair.target, { anyWidth: false });
  assert.ok(previous.every((link) => link.source.length <= 3 && link.target.length <= 3));
  assert.ok(scoreAlignment(previous, pair.gold).f1 < scores.f1 - 0.2, `previous F1 ${scoreAlignment(previous, pair.gold).f1.toFixed(3)} against ${scores.f1.toFixed(3)}`);
});

test('sentenceUnits: SRX rules replace the built-in segmenter; the aligner option is checked', async () => {
  const { parseSrx } = await import('../../../shared/text/srx.ts');
  const { readFileSync } = await import('node:fs');
  const rules = parseSrx(readFileSync(new URL('../../fixtures/srx/no-breaks.srx', import.meta.url), 'utf8'), 'no-breaks.srx');
  assert.deepEqual(sentenceUnits(['One here. Two here.'], 'eng', rules).texts, ['One here. Two here.']);
  assert.throws(() => alignParagraphs({ texts: ['a'], language: 'eng' }, { texts: ['b'], language: 'eng' }, { segmentation: {} as never }), /segmentation/);
});

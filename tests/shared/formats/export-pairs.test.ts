import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBitextError } from '../../../shared/errors.ts';
import { extractPairs, formatConfidence, joinerFor, joinParagraphs } from '../../../shared/formats/export-pairs.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';

const shapes = (pairs: readonly { sourceParagraphs: readonly number[]; targetParagraphs: readonly number[] }[]) =>
  formatLinks(pairs.map((pair) => ({ source: pair.sourceParagraphs, target: pair.targetParagraphs })));

describe('joinerFor', () => {
  it('joins with nothing for Thai, Chinese, Japanese and with a space otherwise', () => {
    assert.equal(joinerFor(thai), '');
    assert.equal(joinerFor({ bcp47: 'zh-Hant', script: 'Hant' }), '');
    assert.equal(joinerFor({ bcp47: 'ja', script: 'Jpan' }), '');
    // A language known by its code even when the script is not recorded.
    assert.equal(joinerFor({ bcp47: 'th', script: 'Zyyy' }), '');
    assert.equal(joinerFor({ bcp47: 'und', script: 'Zyyy', iso6393: 'cmn' }), '');
    assert.equal(joinerFor(english), ' ');
    assert.equal(joinerFor({ bcp47: 'ru', script: 'Cyrl' }), ' ');
    assert.equal(joinerFor({ bcp47: 'und', script: 'Zyyy' }), ' ');
  });

  it('uses the document language override, not the detected language', () => {
    const document = { ...makeDocument(['ab', 'cd'], english), language: { detected: english, override: thai } };
    assert.equal(joinParagraphs(document, [0, 1]), 'abcd');
  });
});

describe('extractPairs', () => {
  const source = makeDocument(['  One.  ', 'Two.', 'Ad', 'Three.\r\nStill three.', 'Four.'], english);
  const target = makeDocument(['หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า'], thai);

  it('joins an n:m link by each side’s language: a space in English, nothing in Thai', () => {
    const alignment = makeAlignment(source, target, [{ source: [0, 1], target: [0, 1] }]);
    const [pair] = extractPairs(alignment).pairs;
    assert.equal(pair?.source, 'One. Two.');
    assert.equal(pair?.target, 'หนึ่งสอง');
  });

  it('trims each paragraph and writes line ends inside one as LF', () => {
    const alignment = makeAlignment(source, target, [{ source: [3], target: [2], note: 'a\r\nb' }]);
    const [pair] = extractPairs(alignment).pairs;
    assert.equal(pair?.source, 'Three.\nStill three.');
    assert.equal(pair?.note, 'a\nb');
  });

  const links = makeAlignment(source, target, [
    { source: [0], target: [0], status: 'confirmed', confidence: 0.95 },
    { source: [1], target: [1], status: 'auto', confidence: 0.5 },
    { source: [2], target: [] },
    { source: [3], target: [2], status: 'rejected' },
    { source: [], target: [3] },
    { source: [4], target: [4], status: 'auto', confidence: 0.8 },
  ]);

  it('keeps translated, non-rejected links by default and counts what it left out', () => {
    const result = extractPairs(links);
    assert.equal(shapes(result.pairs), '0-0 1-1 4-4');
    assert.deepEqual(result.skipped, { untranslated: 2, rejected: 1, unconfirmed: 0, lowConfidence: 0, duplicate: 0 });
    assert.equal(result.sourceLanguage, 'en');
    assert.equal(result.targetLanguage, 'th');
  });

  it('filters by status and confidence', () => {
    assert.equal(shapes(extractPairs(links, { confirmedOnly: true }).pairs), '0-0');
    const min = extractPairs(links, { minConfidence: 0.8 });
    assert.equal(shapes(min.pairs), '0-0 4-4');
    assert.equal(min.skipped.lowConfidence, 1);
    assert.equal(shapes(extractPairs(links, { includeRejected: true }).pairs), '0-0 1-1 3-2 4-4');
  });

  it('includes untranslated paragraphs only where the format can hold them', () => {
    const filters = { includeUntranslated: true };
    assert.equal(shapes(extractPairs(links, filters, 'both').pairs), '0-0 1-1 2-∅ ∅-3 4-4');
    assert.equal(shapes(extractPairs(links, filters, 'source-only').pairs), '0-0 1-1 2-∅ 4-4');
    assert.equal(shapes(extractPairs(links, filters, 'none').pairs), '0-0 1-1 4-4');
    const [untranslated] = extractPairs(links, filters).pairs.filter((pair) => pair.targetParagraphs.length === 0);
    assert.equal(untranslated?.source, 'Ad');
    assert.equal(untranslated?.target, '');
  });

  it('deduplicates identical pairs, keeping the first', () => {
    const repeated = makeAlignment(makeDocument(['Photo', 'Text', 'Photo'], english), makeDocument(['ภาพ', 'ข้อความ', 'ภาพ'], thai), [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [2] },
    ]);
    assert.equal(extractPairs(repeated).pairs.length, 3);
    const result = extractPairs(repeated, { deduplicate: true });
    assert.equal(shapes(result.pairs), '0-0 1-1');
    assert.equal(result.skipped.duplicate, 1);
    // Same source, different target: not a duplicate.
    const different = makeAlignment(makeDocument(['A', 'A'], english), makeDocument(['ก', 'ข'], thai), [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
    ]);
    assert.equal(extractPairs(different, { deduplicate: true }).pairs.length, 2);
  });

  it('rejects a minimum confidence outside [0, 1] and a link to a missing paragraph', () => {
    assert.throws(() => extractPairs(links, { minConfidence: 1.5 }), (error) => isBitextError(error) && error.code === 'invalid-argument');
    assert.throws(() => extractPairs(links, { minConfidence: Number.NaN }), (error) => isBitextError(error) && error.code === 'invalid-argument');
    const broken = makeAlignment(source, target, [{ source: [9], target: [0] }]);
    assert.throws(
      () => extractPairs(broken),
      (error) => isBitextError(error) && error.code === 'invalid-alignment' && error.location.link === 0,
    );
  });

  it('writes a malformed language tag as und', () => {
    const odd = { ...makeDocument(['x'], english), language: { detected: english, override: { bcp47: 'en"><x', iso6393: 'eng', script: 'Latn' } } };
    assert.equal(extractPairs(makeAlignment(odd, target, [{ source: [0], target: [0] }])).sourceLanguage, 'und');
  });

  it('formats confidence with at most three decimals', () => {
    assert.equal(formatConfidence(0.87349), '0.873');
    assert.equal(formatConfidence(1), '1');
    assert.equal(formatConfidence(0), '0');
  });
});

describe('extractPairs on the corpus pair', () => {
  it('exports the ten translated links of the gold alignment, the merged one joined with a space', async () => {
    const alignment = await corpusAlignment();
    const result = extractPairs(alignment);
    assert.equal(shapes(result.pairs), '11-0 12-1 13-2 15-3 16-4 17,19-5 20,21-6 23-7 24-8 25-9');
    assert.equal(result.skipped.untranslated, 26);
    const merged = result.pairs.find((pair) => pair.sourceParagraphs.length === 2 && pair.sourceParagraphs[0] === 17);
    // 17 and 19 joined by one space; the headline 18 between them stays out.
    assert.ok(merged?.source.startsWith('“Nato has in recent months'));
    assert.match(merged?.source ?? '', /in Tokyo\. “The clear intention/);
    assert.ok(!merged?.source.includes('Kishida tells G7'));
    assert.equal(extractPairs(alignment, { includeUntranslated: true }).pairs.length, 36);
    assert.equal(extractPairs(alignment, { confirmedOnly: true }).pairs.length, 5);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignParagraphs, alignParagraphsDetailed } from '../../../shared/align/align.ts';
import { defaultAlignOptions, resolveOptions, type AlignOptions } from '../../../shared/align/options.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { corpusCase } from '../../../bench/cases.ts';

/** The message resolveOptions refuses `options` with (fails if it accepts them or throws anything else). */
function refusal(options: unknown): string {
  try {
    resolveOptions(options as AlignOptions);
  } catch (error) {
    assert.ok(isBitextError(error), `not a BitextError: ${String(error)}`);
    assert.equal(error.code, 'invalid-argument');
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(options)}`);
}

test('resolveOptions fills in the defaults and ignores what is not an aligner option', () => {
  assert.deepEqual(resolveOptions(), defaultAlignOptions);
  assert.deepEqual(resolveOptions({}), defaultAlignOptions);
  // The pipeline passes its own options (`now`) through to the aligner.
  assert.deepEqual(resolveOptions({ now: '2024-01-01T00:00:00.000Z', bandWidth: undefined } as AlignOptions), defaultAlignOptions);
});

test('resolveOptions keeps values at the edges of their documented ranges', () => {
  const edges: AlignOptions[] = [
    { bandWidth: 1, passes: 2, temperature: 0.01, lengthWeight: 0, anchorWeight: 0, maximumAnchorReward: 0, priorStrength: 0, unlinkedLengthWeight: 0, allowSkips: false, learnLexicon: false, doubtLinks: false, anyWidth: false },
    { bandWidth: Number.MAX_SAFE_INTEGER, passes: 10, temperature: 100, lengthWeight: 100, anchorWeight: 100, maximumAnchorReward: 1e300, priorStrength: 1e300, unlinkedLengthWeight: 100 },
  ];
  for (const options of edges) assert.deepEqual(resolveOptions(options), { ...defaultAlignOptions, ...options });
  const shapePriors = { unlinkedSource: 0.3, unlinkedTarget: 0.6, linked: { '1:1': 0, '2:1': 1 } };
  assert.equal(resolveOptions({ shapePriors }).shapePriors, shapePriors);
});

test('resolveOptions names the option and the value it refuses', () => {
  assert.equal(refusal({ temperature: 0 }), 'aligner option temperature must be a number from 0.01 to 100, got 0');
  assert.equal(refusal({ bandWidth: Number.NaN }), 'aligner option bandWidth must be a whole number ≥ 1, got NaN');
  assert.equal(refusal({ bandWidth: 2.5 }), 'aligner option bandWidth must be a whole number ≥ 1, got 2.5');
  assert.equal(refusal({ anchorWeight: Number.POSITIVE_INFINITY }), 'aligner option anchorWeight must be a number from 0 to 100, got Infinity');
  assert.equal(refusal({ passes: 1 }), 'aligner option passes must be a whole number from 2 to 10, got 1');
  assert.equal(refusal({ lengthWeight: '2' }), 'aligner option lengthWeight must be a number from 0 to 100, got "2"');
  assert.equal(refusal({ priorStrength: -1 }), 'aligner option priorStrength must be a finite number ≥ 0, got -1');
  assert.equal(refusal({ allowSkips: 'no' }), 'aligner option allowSkips must be true or false, got "no"');
  assert.equal(refusal({ learnLexicon: 1 }), 'aligner option learnLexicon must be true or false, got 1');
  assert.equal(refusal({ doubtLinks: 'yes' }), 'aligner option doubtLinks must be true or false, got "yes"');
  assert.equal(refusal({ anyWidth: null }), 'aligner option anyWidth must be true or false, got null');
  assert.equal(refusal({ shapePriors: { unlinkedSource: 0 } }), 'aligner option shapePriors.unlinkedSource must be a probability above 0 and below 1, got 0');
  assert.equal(
    refusal({ shapePriors: { unlinkedSource: 0.5, unlinkedTarget: 0.5 } }),
    'aligner option shapePriors.unlinkedSource + shapePriors.unlinkedTarget must be below 1, got 1',
  );
  assert.equal(refusal({ shapePriors: { linked: { '2:1': -1 } } }), 'aligner option shapePriors.linked["2:1"] must be a finite number ≥ 0, got -1');
  assert.match(refusal({ shapePriors: { linked: { '4:1': 0.1 } } }), /^aligner option shapePriors\.linked has no shape "4:1"/u);
  assert.match(refusal({ shapePriors: { odds: 2 } }), /^aligner option shapePriors\.odds does not exist/u);
  assert.match(refusal({ shapePriors: { linked: { '1:1': 0, '2:1': 0, '1:2': 0, '2:2': 0, '3:1': 0, '1:3': 0 } } }), /^aligner option shapePriors\.linked must be weights that add up/u);
  assert.equal(refusal({ lexicon: 'dictionary.tsv' }), 'aligner option lexicon must be a dictionary from parseLexicon, got "dictionary.tsv"');
  assert.equal(refusal(null), 'aligner options must be an object, got null');
  // A long value is cut short in the message.
  assert.ok(refusal({ lexicon: { entries: 'x'.repeat(500) } }).length < 200);
});

const corpus = corpusCase();

test('alignParagraphs refuses what broke the search before, with a BitextError', () => {
  // bandWidth NaN threw a TypeError, temperature 0 gave every confidence 0, anchorWeight Infinity NaN scores.
  for (const options of [{ bandWidth: Number.NaN }, { temperature: 0 }, { anchorWeight: Number.POSITIVE_INFINITY }]) {
    assert.throws(() => alignParagraphs(corpus.source, corpus.target, options), (error) => isBitextError(error) && error.code === 'invalid-argument');
  }
});

test('a band wider than the documents is the whole grid, not an allocation error', () => {
  // A billion paragraphs either side of the path made trackPath allocate for it (a RangeError).
  const whole = alignParagraphs(corpus.source, corpus.target, { bandWidth: 10_000 });
  for (const bandWidth of [1_000_000_000, Number.MAX_SAFE_INTEGER]) {
    assert.equal(formatLinks(alignParagraphs(corpus.source, corpus.target, { bandWidth })), formatLinks(whole));
  }
});

test('priorStrength 0 with no linked paragraph on the first path leaves the linked shape priors as they were', () => {
  // Each side only in the other's script: both paragraphs come out unlinked, and refitting the linked
  // shapes to no linked link with no prior weight was 0 / 0.
  const source = { texts: ['เลขาธิการนาโต มีกำหนดจะเยือน เกาหลีใต้และญี่ปุ่น'], language: 'eng' };
  const target = { texts: ['Advertisement Read more: Kishida to attend'], language: 'tha' };
  const { links, stats } = alignParagraphsDetailed(source, target, { priorStrength: 0 });
  assert.equal(formatLinks(links), '0-∅ ∅-0');
  for (const [kind, probability] of Object.entries(stats.shapeModel.linked)) assert.ok(Number.isFinite(probability), `${kind}: ${probability}`);
  for (const link of links) assert.ok(Number.isFinite(link.score) && link.confidence >= 0 && link.confidence <= 1);
});

/**
 * Property-based tests of the aligner: random paragraph lists in many scripts
 * (and none), random language codes, random sub-ranges. Whatever the input,
 * the links cover every paragraph exactly once, keep the invariants, come in
 * document order, use only the shapes the search knows, and the same input
 * gives the same links. Nothing throws but a BitextError.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignParagraphs, alignRange, type AlignOptions, type AlignRange, type AlignSide } from '../../shared/align/align.ts';
import { isBitextError } from '../../shared/errors.ts';
import { formatLinks, type Link } from '../../shared/model/alignment.ts';
import { findLinkProblems } from '../../shared/model/invariants.ts';
import { sortLinks } from '../../shared/edits/sort-links.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import type { BitextDocument } from '../../shared/model/document.ts';

// The aligner costs a few milliseconds per pair of short documents; these
// counts keep this file near ten seconds on the two-core test machine.
const numRuns = 120;

// The failing assertion's message in the report, beside the counterexample and its seed.
fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true });

// ---------------------------------------------------------------- generators

/** Paragraphs in many scripts, with numbers and names the anchor finder can pair up. */
const samples: Readonly<Record<string, readonly string[]>> = {
  latin: [
    'NATO Secretary General Jens Stoltenberg will visit South Korea and Japan from 29 January.',
    'The war in Ukraine will also be high on the agenda, officials said on Sunday.',
    'Le secrétaire général de l’OTAN se rendra en Corée du Sud et au Japon.',
    'Advertisement',
    'Read more: Kishida to attend the summit in Vilnius',
  ],
  thai: [
    'เลขาธิการนาโต มีกำหนดจะเยือน เกาหลีใต้และญี่ปุ่น ตั้งแต่วันที่ 29 มกราคม',
    'สงครามในยูเครนจะเป็นวาระสำคัญของการหารือ',
    'นายเยนส์ สโตลเทนเบิร์ก (Jens Stoltenberg) กล่าวเมื่อวันอาทิตย์',
  ],
  cjk: ['すべての人間は、生まれながらにして自由であり、2023年に', '人人生而自由，在尊严和权利上一律平等。北约秘书长', '모든 인간은 태어날 때부터 자유로우며 29일'],
  hebrew: ['כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. 2023', 'נאט"ו'],
  arabic: ['جميع الناس يولدون أحرارًا متساوين في الكرامة والحقوق. ٢٠٢٣', 'الأمين العام لحلف الناتو'],
  cyrillic: ['Все люди рождаются свободными и равными в своем достоинстве. 29 января', 'Генеральный секретарь НАТО'],
  digits: ['03:33', '66', '2023', '1,000,000', '12.5%', '٢٩', '๒๙'],
  empty: ['', ' ', '\u200b', '.', '…', '\u00a0\t', '—'],
  emoji: ['😀', '🇹🇭🇯🇵', '👩‍👩‍👧‍👦 family', '❤️❤️❤️'],
};
const allSamples = Object.values(samples).flat();

/** One paragraph: a sample, random text of any kind, or something very long. */
const paragraphArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...allSamples) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...allSamples), fc.integer({ min: 20, max: 300 })).map(([text, times]) => `${text} `.repeat(times)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...allSamples), fc.nat(999)).map(([text, number]) => `${text} ${number}`) },
);

/** A language code: known ones, `und`, unknown three-letter codes, and junk. */
const languageArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('eng', 'tha', 'cmn', 'jpn', 'kor', 'heb', 'arb', 'rus', 'fra', 'deu', 'und') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{3}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', 'en-US', 'zh-Hant', 'x', '123', 'th_TH') },
);

/** Paragraph lists of 0 to `max` paragraphs. */
const textsArbitrary = (max: number) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant<string[]>([]) }, { weight: 8, arbitrary: fc.array(paragraphArbitrary, { maxLength: max }) });

const sideArbitrary = (max: number): fc.Arbitrary<AlignSide> => fc.record({ texts: textsArbitrary(max), language: languageArbitrary });

/**
 * A pair that looks like a translation with clutter: a walk that emits groups
 * of paragraphs sharing a number on both sides, plus paragraphs on one side
 * only, so the search has anchors to follow and merges to find.
 */
const translationPairArbitrary: fc.Arbitrary<[AlignSide, AlignSide]> = fc
  .record({
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom('pair', 'pair', 'pair', 'source-only', 'target-only'),
        sourceCount: fc.integer({ min: 1, max: 3 }),
        targetCount: fc.integer({ min: 1, max: 3 }),
        source: fc.constantFrom(...samples['latin']!, ...samples['cyrillic']!),
        target: fc.constantFrom(...samples['thai']!, ...samples['cjk']!, ...samples['arabic']!),
      }),
      { maxLength: 40 },
    ),
    sourceLanguage: languageArbitrary,
    targetLanguage: languageArbitrary,
  })
  .map(({ steps, sourceLanguage, targetLanguage }) => {
    const source: string[] = [];
    const target: string[] = [];
    steps.forEach((step, index) => {
      const number = 1000 + index * 7;
      if (step.kind !== 'target-only') {
        for (let i = 0; i < (step.kind === 'pair' ? step.sourceCount : 1); i++) source.push(`${step.source} ${number}`);
      }
      if (step.kind !== 'source-only') {
        for (let i = 0; i < (step.kind === 'pair' ? step.targetCount : 1); i++) target.push(`${step.target} ${number}`);
      }
    });
    return [
      { texts: source, language: sourceLanguage },
      { texts: target, language: targetLanguage },
    ];
  });

const anyPairArbitrary: fc.Arbitrary<[AlignSide, AlignSide]> = fc.oneof(
  fc.tuple(sideArbitrary(30), sideArbitrary(30)),
  translationPairArbitrary,
);

/** A document whose paragraphs are `side.texts`, one per line, in `side.language`. */
function asDocument(path: string, side: AlignSide): BitextDocument {
  let offset = 0;
  const paragraphs = side.texts.map((text) => {
    const paragraph = { start: offset, end: offset + text.length };
    offset += text.length + 1;
    return paragraph;
  });
  const iso6393 = /^[a-z]{3}$/.test(side.language) ? side.language : 'und';
  return {
    path,
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: { iso6393, bcp47: 'und', script: 'Zyyy' } },
    text: side.texts.join('\n'),
    paragraphs,
  };
}

// ---------------------------------------------------------------- checks

/**
 * The checks every aligner output passes, for documents of `sourceCount` and
 * `targetCount` paragraphs restricted to `range`: every paragraph of the range
 * in exactly one link and none outside it, the invariants, order on each side,
 * finite scores, confidences in [0, 1], status `auto`, and known shapes only.
 */
function assertAlignerOutput(links: readonly Link[], sourceCount: number, targetCount: number, range?: AlignRange, anyWidth = true): void {
  const { sourceStart, sourceEnd, targetStart, targetEnd } = range ?? { sourceStart: 0, sourceEnd: sourceCount, targetStart: 0, targetEnd: targetCount };
  const compact = formatLinks(links);
  assert.deepEqual(findLinkProblems(links, sourceCount, targetCount), [], compact);

  for (const [side, start, end] of [
    ['source', sourceStart, sourceEnd],
    ['target', targetStart, targetEnd],
  ] as const) {
    const seen = links.flatMap((link) => link[side]).sort((a, b) => a - b);
    const expected = Array.from({ length: end - start }, (_, i) => start + i);
    assert.deepEqual(seen, expected, `${side} paragraphs ${start}–${end} each in exactly one link: ${compact}`);
  }

  // Links are ordered by their paragraphs on both sides; one-sided links may sit between (exact order: see the next check).
  const twoSided = links.filter((link) => link.source.length > 0 && link.target.length > 0);
  twoSided.slice(1).forEach((link, i) => assert.ok(link.source[0]! > twoSided[i]!.source[0]!, `two-sided links out of order: ${compact}`));
  for (const side of ['source', 'target'] as const) {
    const firsts = links.filter((link) => link[side].length > 0).map((link) => link[side][0]!);
    firsts.slice(1).forEach((first, i) => assert.ok(first > firsts[i]!, `${side} paragraphs out of order: ${compact}`));
  }

  const unlinkedSource = new Set(links.filter((link) => link.target.length === 0).flatMap((link) => link.source));
  const unlinkedTarget = new Set(links.filter((link) => link.source.length === 0).flatMap((link) => link.target));
  for (const link of links) {
    assert.ok(Number.isFinite(link.score), `score ${link.score} of ${formatLinks([link])}`);
    assert.ok(link.confidence >= 0 && link.confidence <= 1, `confidence ${link.confidence} of ${formatLinks([link])}`);
    assert.equal(link.status, 'auto');
    assert.equal(link.note, undefined);
    assert.equal(link.tags, undefined);
    assertKnownShape(link, unlinkedSource, unlinkedTarget, anyWidth);
  }
}

/**
 * The shapes the search places: 1:1, 1:0, 0:1, 2:1, 1:2, 2:2, 3:1, 1:3 over
 * consecutive paragraphs, and 2:1 / 1:2 groups skipping exactly one paragraph
 * that is then a one-sided link of its own; and, from the sentence-level
 * route of documents paragraphed differently (any-width.ts), groups of
 * consecutive paragraphs of any width on both sides.
 */
function assertKnownShape(link: Link, unlinkedSource: ReadonlySet<number>, unlinkedTarget: ReadonlySet<number>, anyWidth = true): void {
  const shape = `${link.source.length}:${link.target.length}`;
  const name = formatLinks([link]);
  const searched = ['1:1', '1:0', '0:1', '2:1', '1:2', '2:2', '3:1', '1:3'].includes(shape);
  assert.ok(searched || (anyWidth && link.source.length > 0 && link.target.length > 0), `shape ${shape} of ${name}`);
  const gaps = (indices: readonly number[]) => indices.slice(1).map((index, i) => index - indices[i]!);
  const sourceGaps = gaps(link.source);
  const targetGaps = gaps(link.target);
  if (shape === '2:1' && sourceGaps[0] === 2) {
    assert.ok(unlinkedSource.has(link.source[0]! + 1), `${name} skips a source paragraph that is not 1:0`);
    return;
  }
  if (shape === '1:2' && targetGaps[0] === 2) {
    assert.ok(unlinkedTarget.has(link.target[0]! + 1), `${name} skips a target paragraph that is not 0:1`);
    return;
  }
  assert.ok(sourceGaps.every((gap) => gap === 1) && targetGaps.every((gap) => gap === 1), `${name} is not contiguous`);
}

/** Runs `run`; a BitextError is allowed (and returned), anything else fails the test. */
function onlyBitextErrors<T>(run: () => T): T | Error {
  try {
    return run();
  } catch (error) {
    assert.ok(isBitextError(error), `threw a non-BitextError: ${error instanceof Error ? error.stack : String(error)}`);
    return error;
  }
}

// ---------------------------------------------------------------- properties

describe('properties of alignParagraphs', () => {
  it('covers every paragraph exactly once, in document order, with known shapes, finite scores and confidences in [0, 1]', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const links = onlyBitextErrors(() => alignParagraphs(source, target));
        // No input here is invalid: a BitextError would be a bug too.
        assert.ok(Array.isArray(links), `threw ${String(links)}`);
        assertAlignerOutput(links, source.texts.length, target.texts.length);
      }),
      { numRuns },
    );
  });

  it('with anyWidth off, places only the shapes the paragraph search knows', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        assertAlignerOutput(alignParagraphs(source, target, { anyWidth: false }), source.texts.length, target.texts.length, undefined, false);
      }),
      { numRuns },
    );
  });

  // Found by this test: the search emitted a gap's 0:1 link before its 1:0 one (`∅-0 0-∅`), where
  // sortLinks puts the 1:0 first. The order matters beyond looks: the first edit re-sorts the links, and
  // a link's index is its identity in the review queue, the UI's selection and the exports' unit ids.
  it('gives links in the canonical document order (sortLinks, the order every edit leaves)', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const links = alignParagraphs(source, target);
        assert.equal(formatLinks(sortLinks(links)), formatLinks(links));
      }),
      { numRuns },
    );
  });

  it('alignDocuments gives a sound alignment in sortLinks order, whatever the documents', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const alignment = alignDocuments(asDocument('source.txt', source), asDocument('target.txt', target), { now: '2024-01-01T00:00:00.000Z' });
        assertAlignerOutput(alignment.links, source.texts.length, target.texts.length);
        assert.equal(formatLinks(sortLinks(alignment.links)), formatLinks(alignment.links));
      }),
      { numRuns: numRuns / 3 },
    );
  });

  it('is deterministic: the same input twice gives the same links', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const first = alignParagraphs(source, target);
        // Copies, so that nothing cached on the input arrays' identity can make the second run agree.
        const second = alignParagraphs({ ...source, texts: [...source.texts] }, { ...target, texts: [...target.texts] });
        assert.deepEqual(second, first);
      }),
      { numRuns: numRuns / 2 },
    );
  });

  it('does not change its input', () => {
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const frozen = (side: AlignSide): AlignSide => Object.freeze({ ...side, texts: Object.freeze([...side.texts]) });
        alignParagraphs(frozen(source), frozen(target));
      }),
      { numRuns: numRuns / 4 },
    );
  });

  it('with one side empty, gives one 1:0 or 0:1 link per paragraph', () => {
    fc.assert(
      fc.property(sideArbitrary(20), languageArbitrary, fc.boolean(), (side, language, sourceEmpty) => {
        const empty: AlignSide = { texts: [], language };
        const [source, target] = sourceEmpty ? [empty, side] : [side, empty];
        const links = alignParagraphs(source, target);
        assertAlignerOutput(links, source.texts.length, target.texts.length);
        assert.ok(links.every((link) => link.source.length + link.target.length === 1));
      }),
      { numRuns },
    );
  });
});

/** Options anywhere in the ranges their documentation allows. */
const optionsArbitrary: fc.Arbitrary<AlignOptions> = fc.record(
  {
    // Wider than any document here too: the band is then the whole grid.
    bandWidth: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constantFrom(1_000_000_000, Number.MAX_SAFE_INTEGER)),
    passes: fc.integer({ min: 2, max: 4 }),
    temperature: fc.oneof(fc.double({ min: 0.25, max: 4, noNaN: true }), fc.constantFrom(0.01, 100)),
    lengthWeight: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constant(100)),
    anchorWeight: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constant(100)),
    maximumAnchorReward: fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constant(1e300)),
    priorStrength: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(1e300)),
    allowSkips: fc.boolean(),
    unlinkedLengthWeight: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constant(100)),
    shapePriors: fc.record(
      {
        unlinkedSource: fc.double({ min: 0.01, max: 0.45, noNaN: true }),
        unlinkedTarget: fc.double({ min: 0.01, max: 0.45, noNaN: true }),
        linked: fc.record({ '1:1': fc.double({ min: 0.01, max: 1, noNaN: true }), '2:1': fc.double({ min: 0.01, max: 1, noNaN: true }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('properties of the aligner options', () => {
  it('any options within their documented ranges keep every guarantee', () => {
    fc.assert(
      fc.property(anyPairArbitrary, optionsArbitrary, ([source, target], options) => {
        const links = onlyBitextErrors(() => alignParagraphs(source, target, options));
        assert.ok(Array.isArray(links), `threw ${String(links)}`);
        assertAlignerOutput(links, source.texts.length, target.texts.length);
        if (options.allowSkips === false) {
          assert.ok(links.every((link) => [link.source, link.target].every((side) => side.every((index, i) => i === 0 || index === side[i - 1]! + 1))));
        }
      }),
      { numRuns: numRuns / 2 },
    );
  });

  // Found by this test: bandWidth NaN threw a TypeError, temperature 0 gave every confidence 0 and
  // anchorWeight Infinity NaN scores; resolveOptions now holds every option to its documented range.
  it('options that would break the search are refused with a BitextError', () => {
    // [the option the message must name, options holding a value outside its documented range]
    type Broken = [string, Record<string, unknown>];
    const bad = (name: string, values: readonly unknown[], wrap: (value: unknown) => Record<string, unknown> = (value) => ({ [name]: value })) =>
      fc.constantFrom(...values).map((value): Broken => [name, wrap(value)]);
    const notNumbers = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', null];
    const broken: fc.Arbitrary<Broken> = fc.oneof(
      bad('passes', [0, -1, 1, 1.5, 11, ...notNumbers]),
      bad('bandWidth', [0, -1, 2.5, ...notNumbers]),
      bad('temperature', [0, -1, 1e-320, 0.001, 1000, ...notNumbers]),
      bad('lengthWeight', [-1, 1e40, ...notNumbers]),
      bad('anchorWeight', [-1, 1e40, ...notNumbers]),
      bad('unlinkedLengthWeight', [-1e-9, 1e40, ...notNumbers]),
      bad('maximumAnchorReward', [-1, ...notNumbers]),
      bad('priorStrength', [-1, ...notNumbers]),
      bad('allowSkips', ['false', 0, 1, null]),
      bad('shapePriors.unlinkedSource', [-0.5, 0, 1, 1.5, ...notNumbers], (unlinkedSource) => ({ shapePriors: { unlinkedSource } })),
      bad('shapePriors.unlinkedTarget', [-0.5, 0, 1, 1.5, ...notNumbers], (unlinkedTarget) => ({ shapePriors: { unlinkedTarget } })),
      bad('shapePriors.unlinkedSource + shapePriors.unlinkedTarget', [0.5, 0.9], (share) => ({ shapePriors: { unlinkedSource: share, unlinkedTarget: share } })),
      bad('shapePriors.linked["2:1"]', [-1, ...notNumbers], (weight) => ({ shapePriors: { linked: { '2:1': weight } } })),
      bad('shapePriors.linked', [0], (weight) => ({ shapePriors: { linked: { '1:1': weight, '2:1': weight, '1:2': weight, '2:2': weight, '3:1': weight, '1:3': weight } } })),
      bad('shapePriors.linked', ['4:1', '1:0'], (kind) => ({ shapePriors: { linked: { [String(kind)]: 0.1 } } })),
      bad('shapePriors.odds', [2], (odds) => ({ shapePriors: { odds } })),
      bad('lexicon', [null, 'dictionary.tsv', { entries: 'x' }]),
    );
    fc.assert(
      fc.property(anyPairArbitrary, broken, optionsArbitrary, ([source, target], [name, bad], good) => {
        // One bad option among good ones: every option is checked, not only the first.
        const options = { ...good, ...bad } as AlignOptions;
        assert.throws(
          () => alignParagraphs(source, target, options),
          (error) => isBitextError(error) && error.code === 'invalid-argument' && error.message.includes(`option ${name} `),
        );
        assert.throws(() => alignRange(source, target, { sourceStart: 0, sourceEnd: 0, targetStart: 0, targetEnd: 0 }, options), (error) => isBitextError(error) && error.code === 'invalid-argument');
      }),
      { numRuns },
    );
  });
});

/** A pair and a valid range inside it. */
const pairWithRangeArbitrary: fc.Arbitrary<[AlignSide, AlignSide, AlignRange]> = anyPairArbitrary.chain(([source, target]) => {
  const bounds = (count: number) => fc.tuple(fc.nat(count), fc.nat(count)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  return fc
    .tuple(bounds(source.texts.length), bounds(target.texts.length))
    .map(([[sourceStart, sourceEnd], [targetStart, targetEnd]]) => [source, target, { sourceStart, sourceEnd, targetStart, targetEnd }]);
});

describe('properties of alignRange', () => {
  it('links exactly the paragraphs of the range, with the same guarantees as a whole alignment', () => {
    fc.assert(
      fc.property(pairWithRangeArbitrary, ([source, target, range]) => {
        const links = onlyBitextErrors(() => alignRange(source, target, range));
        assert.ok(Array.isArray(links), `threw ${String(links)}`);
        assertAlignerOutput(links, source.texts.length, target.texts.length, range);
      }),
      { numRuns },
    );
  });

  it('over the whole documents is the whole alignment when the length ratio is the same', () => {
    // alignRange takes its first length ratio from the whole pair, as alignParagraphs does; over the
    // whole pair the two must agree.
    fc.assert(
      fc.property(anyPairArbitrary, ([source, target]) => {
        const whole = { sourceStart: 0, sourceEnd: source.texts.length, targetStart: 0, targetEnd: target.texts.length };
        assert.equal(formatLinks(alignRange(source, target, whole)), formatLinks(alignParagraphs(source, target)));
      }),
      { numRuns: numRuns / 4 },
    );
  });

  it('refuses a range outside the documents with a BitextError', () => {
    const bad = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom(Number.NaN, 1.5, Number.POSITIVE_INFINITY, -0.5));
    fc.assert(
      fc.property(sideArbitrary(8), sideArbitrary(8), fc.tuple(bad, bad, bad, bad), (source, target, [a, b, c, d]) => {
        const range = { sourceStart: a, sourceEnd: b, targetStart: c, targetEnd: d };
        const valid = (start: number, end: number, count: number) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= count;
        fc.pre(!valid(a, b, source.texts.length) || !valid(c, d, target.texts.length));
        assert.throws(() => alignRange(source, target, range), (error) => isBitextError(error) && error.code === 'invalid-argument');
      }),
      { numRuns },
    );
  });
});

/**
 * Random alignments for the property tests: documents whose paragraphs hold
 * text hostile to every export format, links made by a random walk down both
 * documents (n:m groups, groups skipping a paragraph, untranslated paragraphs,
 * paragraphs in no link), random review data and languages.
 */
import fc from 'fast-check';
import type { Alignment, Link, LinkStatus } from '../../shared/model/alignment.ts';
import type { BitextDocument, LanguageTag, Paragraph } from '../../shared/model/document.ts';

/**
 * Pieces of text that break formats: markup and references, a CDATA end,
 * quotes, delimiters, line ends of every kind, characters XML forbids, lone
 * surrogates, formula starters, Thai and CJK, joiners and combining marks.
 */
export const hostilePieces: readonly string[] = [
  '<', '>', '&', '&amp;', '&foo;', '&#38;', '&#x0;', '&lt;', ']]>', '<![CDATA[x]]>', '<!--', '-->', '<?pi?>', '<seg>', '</seg>',
  '"', "'", '""', ',', ';', '\t', '\r', '\n', '\r\n', '\n\r', ' ', '\u00a0', '\u3000', '\ufeff',
  '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffe', '\uffff',
  '\ud800', '\udfff', '\ud83d\ude00', '\ud83c\uddf9\ud83c\udded',
  '=', '+', '-', '@', '=SUM(A1:A9)', '=HYPERLINK("http://x")', '+1', '-2', '@cmd', '\\', '\\n', '\\u2028',
  'เลขาธิการนาโต', 'สงครามในยูเครน', 'ที่', '北约秘书长', '。', 'すべての', 'NATO', 'AT&T', 'Jens Stoltenberg',
  'e\u0301', '\u200b', '\u200d', '\u202e', 'Ω', 'ﬁ',
];

/** Text made of hostile pieces and random code units (lone surrogates included). */
export const hostileTextArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...hostilePieces) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

/** Records with Object's prototype: the model's values are plain objects, and `deepStrictEqual` compares prototypes. */
const plain = { noNullPrototype: true } as const;

/** Languages as documents carry them: real ones, `und`, and tags a user could type in an override. */
export const languageTagArbitrary: fc.Arbitrary<LanguageTag> = fc.oneof(
  fc.constantFrom<LanguageTag>(
    { iso6393: 'eng', bcp47: 'en', script: 'Latn' },
    { iso6393: 'tha', bcp47: 'th', script: 'Thai' },
    { iso6393: 'cmn', bcp47: 'zh', script: 'Hani' },
    { iso6393: 'jpn', bcp47: 'ja', script: 'Jpan' },
    { iso6393: 'rus', bcp47: 'ru', script: 'Cyrl' },
    { iso6393: 'und', bcp47: 'und', script: 'Zyyy' },
    { iso6393: 'und', bcp47: 'und', script: 'Thai' },
    { iso6393: 'cmn', bcp47: 'zh-Hant', script: 'Hant' },
    { iso6393: 'eng', bcp47: 'en-US', script: 'Latn' },
  ),
  fc.record({
    iso6393: fc.constantFrom('eng', 'tha', 'und', 'lao', 'khm'),
    bcp47: fc.constantFrom('TH', 'lo', 'km-KH', 'my', 'x-bad tag', '', 'en"><x', 'zz-ZZZZZZZZZ'),
    script: fc.constantFrom('Latn', 'Thai', 'Zyyy', 'Laoo', 'Mymr', 'Kana'),
  }, plain),
);

/** One step of the walk down both documents that makes the links. */
type Step =
  | { kind: 'pair'; source: number; target: number }
  | { kind: 'source-only' }
  | { kind: 'target-only' }
  | { kind: 'skip-source' }
  | { kind: 'skip-target' }
  | { kind: 'unlinked-source' }
  | { kind: 'unlinked-target' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('pair' as const), source: fc.integer({ min: 1, max: 3 }), target: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'source-only' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'target-only' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'skip-source' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'skip-target' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unlinked-source' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unlinked-target' as const }) },
);

/** Link index lists (without review data) from a walk, and the paragraph counts it consumed. */
export function walkLinks(steps: readonly Step[]): { links: { source: number[]; target: number[] }[]; sourceCount: number; targetCount: number } {
  const links: { source: number[]; target: number[] }[] = [];
  let s = 0;
  let t = 0;
  const take = (count: number, from: number) => Array.from({ length: count }, (_, i) => from + i);
  for (const step of steps) {
    switch (step.kind) {
      case 'pair':
        links.push({ source: take(step.source, s), target: take(step.target, t) });
        s += step.source;
        t += step.target;
        break;
      case 'source-only':
        links.push({ source: [s++], target: [] });
        break;
      case 'target-only':
        links.push({ source: [], target: [t++] });
        break;
      case 'skip-source':
        links.push({ source: [s, s + 2], target: [t] }, { source: [s + 1], target: [] });
        s += 3;
        t += 1;
        break;
      case 'skip-target':
        links.push({ source: [s], target: [t, t + 2] }, { source: [], target: [t + 1] });
        s += 1;
        t += 3;
        break;
      case 'unlinked-source':
        s++;
        break;
      case 'unlinked-target':
        t++;
        break;
    }
  }
  return { links, sourceCount: s, targetCount: t };
}

/** How paragraphs are separated in a generated document's text. */
const separatorArbitrary = fc.constantFrom('\n', '\r\n', '\n\n', '\r', '', ' ', '\u2029', '\n \t\n', 'x');

/** A document holding `texts` as its paragraphs, with random separators (the offsets say where each paragraph is). */
function documentArbitrary(path: string, texts: readonly string[]): fc.Arbitrary<BitextDocument> {
  return fc
    .record({
      separators: fc.array(separatorArbitrary, { minLength: texts.length + 1, maxLength: texts.length + 1 }),
      detected: languageTagArbitrary,
      override: fc.option(languageTagArbitrary, { nil: undefined }),
      sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
      encoding: fc.record({
        name: fc.constantFrom('utf-8' as const, 'utf-16le' as const, 'utf-16be' as const, 'windows-874' as const, 'windows-1252' as const),
        bom: fc.boolean(),
        forced: fc.boolean(),
      }, plain),
      paragraphLanguage: fc.option(
        fc.record({ iso6393: fc.constantFrom('eng', 'tha', 'und'), reason: fc.constantFrom('detected' as const, 'too-short' as const, 'uncertain' as const), mismatch: fc.boolean() }, plain),
        { nil: undefined },
      ),
    })
    .map(({ separators, detected, override, sha256, encoding, paragraphLanguage }) => {
      let text = separators[0]!;
      const paragraphs: Paragraph[] = [];
      texts.forEach((paragraph, index) => {
        paragraphs.push({ start: text.length, end: text.length + paragraph.length, ...(paragraphLanguage ? { language: paragraphLanguage } : {}) });
        text += paragraph + separators[index + 1]!;
      });
      return { path, sha256, encoding, language: override ? { detected, override } : { detected }, text, paragraphs };
    });
}

/** A random UTC time in the form alignment files hold. */
export const utcTimeArbitrary: fc.Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const statusArbitrary = fc.constantFrom<LinkStatus>('auto', 'confirmed', 'rejected');

/** Review data of one link: status, confidence, score, maybe a note and tags. */
const reviewArbitrary = fc.record({
  status: statusArbitrary,
  // -0 is left out: JSON writes it as 0, which is the same score.
  score: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
  confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }).map((value) => (Object.is(value, -0) ? 0 : value)), fc.constantFrom(0, 1, 0.5, 0.0005, 0.9995)),
  note: fc.option(hostileTextArbitrary, { nil: undefined, freq: 3 }),
  tags: fc.option(fc.uniqueArray(fc.oneof(fc.constantFrom('caption', 'ad', 'check-names'), hostileTextArbitrary.filter((tag) => tag.length > 0)), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
    freq: 3,
  }),
});

/** Options of {@link alignmentArbitrary}. */
export interface AlignmentArbitraryOptions {
  /** Paragraph texts; default hostile text. */
  readonly paragraph?: fc.Arbitrary<string>;
  /** Longest walk. Default 16. */
  readonly maxSteps?: number;
}

/** A random sound alignment: links that keep every invariant over documents of hostile text. */
export function alignmentArbitrary(options: AlignmentArbitraryOptions = {}): fc.Arbitrary<Alignment> {
  const paragraph = options.paragraph ?? hostileTextArbitrary;
  return fc.array(stepArbitrary, { maxLength: options.maxSteps ?? 16 }).chain((steps) => {
    const walk = walkLinks(steps);
    return fc
      .record({
        sourceTexts: fc.array(paragraph, { minLength: walk.sourceCount, maxLength: walk.sourceCount }),
        targetTexts: fc.array(paragraph, { minLength: walk.targetCount, maxLength: walk.targetCount }),
        reviews: fc.array(reviewArbitrary, { minLength: walk.links.length, maxLength: walk.links.length }),
        created: utcTimeArbitrary,
        modified: utcTimeArbitrary,
        sourcePath: fc.constantFrom('news.en.txt', '/home/me/docs/ข่าว.th.txt', 'C:\\Users\\me\\a&b <c>.txt', 'dir/sub\tname\n.txt', 'x'),
        targetPath: fc.constantFrom('news.th.txt', 'แปล.txt', '"quoted".txt', 'a/b/c.txt'),
      })
      .chain(({ sourceTexts, targetTexts, reviews, created, modified, sourcePath, targetPath }) =>
        fc.record({
          source: documentArbitrary(sourcePath, sourceTexts),
          target: documentArbitrary(targetPath, targetTexts),
        }).map(({ source, target }): Alignment => {
          const links: Link[] = walk.links.map((link, index) => {
            const { status, score, confidence, note, tags } = reviews[index]!;
            return { ...link, status, score, confidence, ...(note !== undefined ? { note } : {}), ...(tags !== undefined ? { tags } : {}) };
          });
          return { schemaVersion: 3, tool: { name: 'Bitext Workbench', version: '0.1.0' }, created, modified, source, target, links };
        }),
      );
  });
}

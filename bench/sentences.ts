/**
 * Sentence-level benchmark: the sentence aligner inside paragraph links,
 * scored against a verse gold. Books of the King James Bible and the Spanish
 * Reina-Valera 1909 (SWORD modules read with `diatheke`; Debian packages
 * diatheke, sword-text-kjv, sword-text-sparv) have the same verses, so verse i
 * of one is the gold partner of verse i of the other. Verses are grouped into
 * paragraphs (seeded groups of 1–6, the same on both sides), a share of the
 * Spanish verses is dropped (their English verse is then gold-unlinked), and
 * each paragraph is one running text: the segmenter has to find the sentences
 * (a verse may hold several, or a sentence run over two verses), and the
 * aligner to pair them.
 *
 * The sentence gold comes from the verse gold: inside a paragraph link, a
 * source and a target sentence belong together when they share a verse, and
 * the gold sentence links are the smallest groups closed under that (a
 * sentence running over verses 3 and 4 joins whatever holds them on the other
 * side); a sentence sharing no verse with the other side is gold-unlinked.
 * The verses cannot say which sentence of a group goes with which, so scores
 * are at the gold's grain: a sentence link stands for the pairs of the groups
 * its sentences are in, scored pairwise against each group with itself
 * (several links inside one group are as right as one; a link across two
 * groups is wrong). Beside them: Gale–Church on the same sentences of each
 * paragraph link, the sentence aligner with the paragraph links found by the
 * paragraph aligner instead of the gold ones, and a verse-level score (every
 * pair of a verse of a link's source sentences with one of its target
 * sentences, against verse i ↔ verse i), which also charges the segmenter for
 * sentences that run over a verse boundary.
 *
 * Chapters the two modules number differently (bible-corpus.ts:
 * renumberedChapters; here Jonah 1 and 2) are left out.
 *
 * Run alone: `node --import tsx bench/sentences.ts [--markdown]`.
 */
import { spawnSync } from 'node:child_process';
import { alignParagraphs } from '../shared/align/align.ts';
import { galeChurchAlign } from '../shared/align/gale-church.ts';
import { linkKey, scoreAlignment, type AlignmentScores } from '../shared/align/metrics.ts';
import { alignSentences, type LinkSentences, type SentenceRef } from '../shared/align/sentence-align.ts';
import type { Link } from '../shared/model/alignment.ts';
import { renumberedChapters } from './bible-corpus.ts';
import { seededRandom } from './udhr-cases.ts';

/** The books measured: short and long, narrative and letters (997 verses). */
const books = ['Ruth', 'Jonah', 'Mark', 'Philippians', 'James'];
/** Share of Spanish verses dropped, so the gold has untranslated verses. */
const dropShare = 0.03;

type Verse = { readonly key: string; readonly text: string };

/** The verses of a book in a SWORD module, keyed `Ruth 1:1`, Strong's markup removed by `-f plain`. */
function readBook(module: string, book: string): Verse[] {
  const result = spawnSync('diatheke', ['-b', module, '-f', 'plain', '-k', book], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 || result.error) throw new Error(`diatheke -b ${module} -k ${book} failed: ${result.stderr || result.error?.message}`);
  const verses: Verse[] = [];
  for (const line of result.stdout.split('\n')) {
    const match = /^(.+? \d+:\d+): (.*)$/u.exec(line);
    if (match) verses.push({ key: match[1]!, text: match[2]!.trim() });
  }
  return verses;
}


/** One side of a case: paragraph texts, and for each paragraph the verses in it with their offsets. */
interface Side {
  readonly texts: string[];
  readonly verses: { readonly verse: number; readonly start: number; readonly end: number }[][];
}

interface SentenceCase {
  readonly name: string;
  readonly source: Side;
  readonly target: Side;
  /** Verse-level gold: `i-i`, or `i-∅` for a dropped Spanish verse. */
  readonly gold: Link[];
  /** The paragraph links (1:1, paragraph i with paragraph i). */
  readonly paragraphLinks: Link[];
}

function buildCase(book: string, seed: number): SentenceCase {
  const englishVerses = readBook('engKJV2006eb', book);
  const spanishVerses = readBook('spaRV1909eb', book);
  if (englishVerses.length !== spanishVerses.length || englishVerses.some((verse, index) => verse.key !== spanishVerses[index]!.key)) {
    throw new Error(`${book}: the two modules' verses differ`);
  }
  // Chapters the modules number differently (the Spanish Jonah 2:1 is the KJV's 1:17) would pair verses that are not translations.
  const renumbered = renumberedChapters(new Map(englishVerses.map((verse) => [verse.key, verse.text])), new Map(spanishVerses.map((verse) => [verse.key, verse.text])));
  const numberedAlike = (verse: Verse) => !renumbered.has(verse.key.slice(0, verse.key.lastIndexOf(':')));
  const english = englishVerses.filter(numberedAlike);
  const spanish = spanishVerses.filter(numberedAlike);
  const next = seededRandom(seed);
  const source: Side = { texts: [], verses: [] };
  const target: Side = { texts: [], verses: [] };
  const gold: Link[] = [];
  const link = (s: number[], t: number[]): Link => ({ source: s, target: t, score: 0, confidence: 1, status: 'auto' });
  let verse = 0;
  while (verse < english.length) {
    const size = Math.min(1 + Math.floor(next() * 6), english.length - verse);
    const sourceParts: string[] = [];
    const targetParts: string[] = [];
    const sourceVerses: Side['verses'][number] = [];
    const targetVerses: Side['verses'][number] = [];
    let sourceLength = 0;
    let targetLength = 0;
    for (let index = verse; index < verse + size; index++) {
      const text = english[index]!.text;
      sourceVerses.push({ verse: index, start: sourceLength, end: sourceLength + text.length });
      sourceParts.push(text);
      sourceLength += text.length + 1;
      // A dropped verse is left out of the Spanish paragraph, unless it is the paragraph's only one.
      if (size > 1 && next() < dropShare) {
        gold.push(link([index], []));
        continue;
      }
      const spanishText = spanish[index]!.text;
      targetVerses.push({ verse: index, start: targetLength, end: targetLength + spanishText.length });
      targetParts.push(spanishText);
      targetLength += spanishText.length + 1;
      gold.push(link([index], [index]));
    }
    source.texts.push(sourceParts.join(' '));
    target.texts.push(targetParts.join(' '));
    source.verses.push(sourceVerses);
    target.verses.push(targetVerses);
    verse += size;
  }
  const paragraphLinks = source.texts.map((_, index) => link([index], [index]));
  return { name: book, source, target, gold, paragraphLinks };
}

/** The verses a sentence overlaps. */
function versesOf(side: Side, ref: SentenceRef): number[] {
  return side.verses[ref.paragraph]!.filter((verse) => verse.start < ref.end && ref.start < verse.end).map((verse) => verse.verse);
}

/** Sentence links as verse-level links: each side the verses its sentences overlap. */
function verseLinks(testCase: SentenceCase, blocks: readonly LinkSentences[]): Link[] {
  const links: Link[] = [];
  for (const block of blocks) {
    for (const sentenceLink of block.links) {
      const source = [...new Set(sentenceLink.source.flatMap((index) => versesOf(testCase.source, block.sourceSentences[index]!)))].sort((a, b) => a - b);
      const target = [...new Set(sentenceLink.target.flatMap((index) => versesOf(testCase.target, block.targetSentences[index]!)))].sort((a, b) => a - b);
      links.push({ source, target, score: sentenceLink.score, confidence: sentenceLink.confidence, status: 'auto' });
    }
  }
  return links;
}

/** The gold groups of the blocks' sentences: a group number for every sentence, counted across all blocks. */
interface SentenceGroups {
  readonly source: number[];
  readonly target: number[];
  /** Groups with sentences on both sides; every other group is one gold-unlinked sentence. */
  readonly linked: ReadonlySet<number>;
}

/**
 * The sentence gold of the blocks: the components of "shares a verse" (see
 * the module comment), numbered across blocks.
 */
function sentenceGroups(testCase: SentenceCase, blocks: readonly LinkSentences[]): SentenceGroups {
  const source: number[] = [];
  const target: number[] = [];
  const linked = new Set<number>();
  let groupCount = 0;
  for (const block of blocks) {
    const n = block.sourceSentences.length;
    const parent = Array.from({ length: n + block.targetSentences.length }, (_, index) => index);
    const find = (node: number): number => (parent[node] === node ? node : (parent[node] = find(parent[node]!)));
    const byVerse = new Map<number, number>();
    const join = (node: number, verses: readonly number[]) => {
      for (const verse of verses) {
        const other = byVerse.get(verse);
        if (other === undefined) byVerse.set(verse, node);
        else parent[find(node)] = find(other);
      }
    };
    block.sourceSentences.forEach((ref, index) => join(index, versesOf(testCase.source, ref)));
    block.targetSentences.forEach((ref, index) => join(n + index, versesOf(testCase.target, ref)));
    const numbers = new Map<number, number>();
    const sides = new Map<number, number>();
    for (let node = 0; node < parent.length; node++) {
      const root = find(node);
      if (!numbers.has(root)) numbers.set(root, groupCount++);
      sides.set(root, (sides.get(root) ?? 0) | (node < n ? 1 : 2));
      (node < n ? source : target).push(numbers.get(root)!);
    }
    for (const [root, side] of sides) if (side === 3) linked.add(numbers.get(root)!);
  }
  return { source, target, linked };
}

/** Links between gold groups: each sentence link (over sentences counted across blocks) as the groups its sentences are in. */
function groupLinks(links: readonly Pick<Link, 'source' | 'target' | 'confidence'>[], groups: SentenceGroups): Link[] {
  const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  return links.map((link) => ({
    source: unique(link.source.map((index) => groups.source[index]!)),
    target: unique(link.target.map((index) => groups.target[index]!)),
    score: 0,
    confidence: link.confidence,
    status: 'auto',
  }));
}

/** The gold as links between groups: each linked group with itself, each other group unlinked on its side. */
function goldGroupLinks(groups: SentenceGroups): Link[] {
  const links: Link[] = [];
  const seen = new Set<number>();
  const add = (group: number, side: 'source' | 'target') => {
    if (seen.has(group) && groups.linked.has(group)) return;
    seen.add(group);
    if (groups.linked.has(group)) links.push({ source: [group], target: [group], score: 0, confidence: 1, status: 'auto' });
    else links.push({ source: side === 'source' ? [group] : [], target: side === 'target' ? [group] : [], score: 0, confidence: 1, status: 'auto' });
  };
  for (const group of groups.source) add(group, 'source');
  for (const group of groups.target) add(group, 'target');
  return links;
}

/** The sentence links of the blocks over sentence indices counted across all blocks. */
function globalSentenceLinks(blocks: readonly LinkSentences[]): Link[] {
  const links: Link[] = [];
  let sourceOffset = 0;
  let targetOffset = 0;
  for (const block of blocks) {
    for (const link of block.links) {
      links.push({ source: link.source.map((i) => i + sourceOffset), target: link.target.map((i) => i + targetOffset), score: link.score, confidence: link.confidence, status: 'auto' });
    }
    sourceOffset += block.sourceSentences.length;
    targetOffset += block.targetSentences.length;
  }
  return links;
}

/** Gale–Church on the same sentences, block by block. */
function galeChurchBlocks(testCase: SentenceCase, blocks: readonly LinkSentences[]): LinkSentences[] {
  const text = (side: Side, ref: SentenceRef) => side.texts[ref.paragraph]!.slice(ref.start, ref.end);
  return blocks.map((block) => ({
    ...block,
    links: galeChurchAlign(
      block.sourceSentences.map((ref) => text(testCase.source, ref)),
      block.targetSentences.map((ref) => text(testCase.target, ref)),
    ).map((link) => ({ source: link.source, target: link.target, score: link.score, confidence: link.confidence })),
  }));
}

interface Row {
  readonly name: string;
  readonly verseCount: number;
  readonly sentences: string;
  /** Against the sentence gold. */
  readonly workbench: AlignmentScores;
  readonly galeChurch: AlignmentScores;
  /** Against the verse gold. */
  readonly verses: AlignmentScores;
  readonly endToEnd: AlignmentScores;
  readonly milliseconds: number;
  /** Mean confidence of the sentence links inside one gold group (or rightly unlinked), and of the others. */
  readonly confidence: { right: number; wrong: number; wrongCount: number };
}

function measure(testCase: SentenceCase): Row {
  const source = { texts: testCase.source.texts, language: 'eng' };
  const target = { texts: testCase.target.texts, language: 'spa' };
  const started = performance.now();
  const blocks = alignSentences(source, target, testCase.paragraphLinks);
  const milliseconds = performance.now() - started;
  const groups = sentenceGroups(testCase, blocks);
  const predicted = groupLinks(globalSentenceLinks(blocks), groups);
  const gold = goldGroupLinks(groups);
  const goldKeys = new Set(gold.map(linkKey));
  const right: number[] = [];
  const wrong: number[] = [];
  for (const link of predicted) (goldKeys.has(linkKey(link)) ? right : wrong).push(link.confidence);
  const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);
  const paragraphLinks = alignParagraphs(source, target);
  const endToEnd = verseLinks(testCase, alignSentences(source, target, paragraphLinks));
  return {
    name: testCase.name,
    verseCount: testCase.gold.length,
    sentences: `${blocks.reduce((sum, block) => sum + block.sourceSentences.length, 0)} × ${blocks.reduce((sum, block) => sum + block.targetSentences.length, 0)}`,
    workbench: scoreAlignment(predicted, gold),
    galeChurch: scoreAlignment(groupLinks(globalSentenceLinks(galeChurchBlocks(testCase, blocks)), groups), gold),
    verses: scoreAlignment(verseLinks(testCase, blocks), testCase.gold),
    endToEnd: scoreAlignment(endToEnd, testCase.gold),
    milliseconds,
    confidence: { right: mean(right), wrong: mean(wrong), wrongCount: wrong.length },
  };
}

function main(): void {
  const version = spawnSync('diatheke', ['-b', 'engKJV2006eb', '-k', 'Ruth 1:1'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.log('Sentence benchmark skipped: diatheke with sword-text-kjv and sword-text-sparv is not installed.');
    return;
  }
  const rows = books.map((book, index) => measure(buildCase(book, index + 1)));
  const f = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
  const header = ['book', 'verses', 'sentences en × es', 'P', 'R', 'F1', 'U', 'GC P', 'GC R', 'GC F1', 'verse F1', 'end-to-end verse F1', 'conf right', 'conf wrong (n)', 'ms'];
  const lines = [
    '#### Sentence alignment inside paragraph links (KJV ↔ Reina-Valera 1909; sentence gold from the verses, scored pairwise over its groups)',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
  ];
  for (const row of rows) {
    lines.push(
      `| ${[
        row.name,
        row.verseCount,
        row.sentences,
        f(row.workbench.precision),
        f(row.workbench.recall),
        f(row.workbench.f1),
        row.workbench.untranslatedShare.toFixed(2),
        f(row.galeChurch.precision),
        f(row.galeChurch.recall),
        f(row.galeChurch.f1),
        f(row.verses.f1),
        f(row.endToEnd.f1),
        f(row.confidence.right),
        `${f(row.confidence.wrong)} (${row.confidence.wrongCount})`,
        row.milliseconds.toFixed(0),
      ].join(' | ')} |`,
    );
  }
  const meanOf = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
  lines.push(
    `| mean | | | ${f(meanOf((row) => row.workbench.precision))} | ${f(meanOf((row) => row.workbench.recall))} | ${f(meanOf((row) => row.workbench.f1))} | ` +
      `${meanOf((row) => row.workbench.untranslatedShare).toFixed(2)} | ${f(meanOf((row) => row.galeChurch.precision))} | ${f(meanOf((row) => row.galeChurch.recall))} | ` +
      `${f(meanOf((row) => row.galeChurch.f1))} | ${f(meanOf((row) => row.verses.f1))} | ${f(meanOf((row) => row.endToEnd.f1))} | | | |`,
  );
  console.log(lines.join('\n'));
}

main();

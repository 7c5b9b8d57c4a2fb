/**
 * Real translated text at scale: the King James Bible (English) against the
 * Reina-Valera 1909 (Spanish), from Debian's SWORD packages (`sword-text-kjv`,
 * `sword-text-sparv`) read through `diatheke`. Verses are the ground truth:
 * both modules number them by the same scheme, so any paragraphing of the two
 * texts has a gold alignment read off the verse numbers — except in the few
 * chapters where the Spanish text is numbered differently (its Numbers 13:1 is
 * the KJV's 12:16, and its 12:16 is empty). Those chapters are left out of both
 * sides ({@link renumberedChapters}), so the gold never pairs two verses that
 * are not translations of each other.
 *
 * Two kinds of case:
 * - {@link bibleCase}: one verse per paragraph, some verses dropped on one
 *   side (untranslated) and some merged with the next on one side (1:2, 2:1);
 * - {@link bibleParagraphCase}: each side grouped into paragraphs of random
 *   sizes independently, the gold linking the paragraph groups that share
 *   verses (n:m links of any width).
 * Both carry a verse-level gold (one sentence per verse) for sentence aligners.
 *
 * A whole dump takes diatheke about 6 s per Bible; it is cached under
 * `node_modules/.cache/bitext-bench/` (git-ignored), so later runs read it at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { formatLinks } from '../shared/model/alignment.ts';
import type { BitextCase } from './cases.ts';
import { seededRandom } from './udhr-cases.ts';

/** One of the two translations: its SWORD module and its ISO 639-3 code. */
interface BibleModule {
  readonly module: string;
  readonly language: string;
  readonly debianPackage: string;
}

const english: BibleModule = { module: 'engKJV2006eb', language: 'eng', debianPackage: 'sword-text-kjv' };
const spanish: BibleModule = { module: 'spaRV1909eb', language: 'spa', debianPackage: 'sword-text-sparv' };

/** The verses both translations have, in canonical order: `keys[i]` is the reference of `source[i]` and `target[i]`. */
export interface BibleVerses {
  /** `Genesis 1:1` … `Revelation of John 22:21`. */
  readonly keys: readonly string[];
  /** Chapters left out because the two modules number their verses differently (`Numbers 13`), and their verses. */
  readonly renumbered: { readonly chapters: readonly string[]; readonly verses: number };
  /** English (KJV). */
  readonly source: readonly string[];
  /** Spanish (Reina-Valera 1909). */
  readonly target: readonly string[];
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** A sentence (a verse) of a case: the paragraph it is in (0-based) and its text. */
export interface CaseSentence {
  readonly paragraph: number;
  readonly text: string;
}

/** A paragraph case with its verse-level gold. */
export interface BibleCase extends BitextCase {
  readonly sentences: {
    readonly source: readonly CaseSentence[];
    readonly target: readonly CaseSentence[];
    /** Links between sentence indices (0-based, counted over each whole side) in the compact form of `formatLinks`. */
    readonly gold: string;
  };
}

const cacheDirectory = new URL('../node_modules/.cache/bitext-bench/', import.meta.url);
/** Every verse, in the locale-independent English book names diatheke prints by default. */
const wholeBible = 'Genesis 1:1-Revelation 22:21';
/** `Genesis 1:1: text` — diatheke's plain output puts each verse on one line; other lines are repeated headings. */
const verseLine = /^\s*(.+? \d+:\d+): ?(.*)$/u;

function dumpModule(bible: BibleModule): string | undefined {
  const cached = new URL(`${bible.module}.txt`, cacheDirectory);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const run = spawnSync('diatheke', ['-b', bible.module, '-f', 'plain', '-k', wholeBible], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0 || !verseLine.test(run.stdout.slice(0, run.stdout.indexOf('\n')))) {
    const why = run.error ? run.error.message : (run.stderr || run.stdout).trim().split('\n')[0] || `exit ${run.status}`;
    console.error(
      `The Bible benchmark cases need diatheke and the ${bible.module} module (${why}). ` +
        `Install them with: sudo apt-get install diatheke ${english.debianPackage} ${spanish.debianPackage}`,
    );
    return undefined;
  }
  mkdirSync(cacheDirectory, { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves half a Bible in the cache.
  const partial = new URL(`${bible.module}.txt.${process.pid}`, cacheDirectory);
  writeFileSync(partial, run.stdout);
  renameSync(partial, cached);
  return run.stdout;
}

/** The verses of one dump by reference, their text cleaned of the KJV's paragraph marks (¶); a verse the module leaves empty is `''`. */
function parseDump(dump: string): Map<string, string> {
  const verses = new Map<string, string>();
  for (const line of dump.split('\n')) {
    const match = verseLine.exec(line);
    if (!match) continue;
    verses.set(match[1]!, match[2]!.replace(/¶/gu, ' ').replace(/\s+/gu, ' ').trim());
  }
  return verses;
}

/** `Numbers 13` of `Numbers 13:1`. */
const chapterOf = (key: string): string => key.slice(0, key.lastIndexOf(':'));

/** Verse offsets tried when testing whether a chapter is numbered differently (the shifts seen are 1 to 3 verses). */
const shifts = [-3, -2, -1, 1, 2, 3];
/** A shift fits a chapter's verse lengths "clearly better" when its misfit is below this share of the unshifted one. */
const clearlyBetter = 0.6;
/** A verse misfits when its log length ratio is this far from the Bibles' median (about 35%); the typical verse is within 0.1. */
const verseMisfit = 0.3;
/** Consecutive misfitting verses that fit twice as well shifted by one: a verse split or joined inside a chapter. */
const shiftedRun = 3;

/**
 * The chapters whose verses the two modules number differently. Where one
 * module moves a verse into the next or the previous chapter, it leaves the
 * verse number empty (the Spanish Numbers 12:16, Job 38:39–41, Jonah 1:17…):
 * such a chapter is renumbered, and so is a chapter beside it whose verse
 * lengths fit the other module's better when shifted by one to three verses
 * (the Spanish Numbers 13, whose verse n is the KJV's n − 1). Inside a
 * chapter, a module may split one verse and join two further on with no verse
 * left empty (the Spanish 1 Kings 22:43–44 are the KJV's 22:43): a chapter
 * with {@link shiftedRun} consecutive verses that misfit unshifted and fit
 * twice as well shifted by one is renumbered too. The chapter-wide length test
 * alone is not used: in short chapters of even verses (Psalms) some shift fits
 * as well by chance.
 */
export function renumberedChapters(source: ReadonlyMap<string, string>, target: ReadonlyMap<string, string>): Set<string> {
  const chapters = new Map<string, string[]>();
  for (const key of source.keys()) {
    const chapter = chapterOf(key);
    chapters.set(chapter, [...(chapters.get(chapter) ?? []), key]);
  }
  const length = (text: string) => text.replace(/\s+/gu, '').length;
  const logRatios: number[] = [];
  for (const [key, text] of source) {
    const translation = target.get(key);
    if (text && translation) logRatios.push(Math.log(length(translation) / length(text)));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  const center = median(logRatios);
  /** Median misfit of the chapter's verse lengths with the target's verses shifted by `shift`, or undefined with under three pairs. */
  const misfit = (chapter: string, keys: readonly string[], shift: number) => {
    const misfits: number[] = [];
    for (const key of keys) {
      const verse = Number(key.slice(key.lastIndexOf(':') + 1));
      const text = source.get(key);
      const translation = target.get(`${chapter}:${verse + shift}`);
      if (text && translation) misfits.push(Math.abs(Math.log(length(translation) / length(text)) - center));
    }
    return misfits.length >= 3 ? median(misfits) : undefined;
  };
  /** Whether the chapter has a run of verses that fit better shifted by one. */
  const shiftedInside = (chapter: string, keys: readonly string[]) => {
    const verseMisfitAt = (key: string, shift: number) => {
      const verse = Number(key.slice(key.lastIndexOf(':') + 1));
      const text = source.get(key);
      const translation = target.get(`${chapter}:${verse + shift}`);
      return text && translation ? Math.abs(Math.log(length(translation) / length(text)) - center) : Number.POSITIVE_INFINITY;
    };
    let run = 0;
    for (const key of keys) {
      const unshifted = verseMisfitAt(key, 0);
      const fitsShifted = unshifted > verseMisfit && unshifted < Number.POSITIVE_INFINITY && [-1, 1].some((shift) => verseMisfitAt(key, shift) < 0.5 * unshifted);
      run = fitsShifted ? run + 1 : 0;
      if (run >= shiftedRun) return true;
    }
    return false;
  };
  const withEmptyVerse = new Set<string>();
  for (const [chapter, keys] of chapters) if (keys.some((key) => !source.get(key) || !target.get(key))) withEmptyVerse.add(chapter);
  const names = [...chapters.keys()];
  const renumbered = new Set(withEmptyVerse);
  names.forEach((chapter, index) => {
    const keys = chapters.get(chapter)!;
    if (shiftedInside(chapter, keys)) renumbered.add(chapter);
    if (!withEmptyVerse.has(names[index - 1] ?? '') && !withEmptyVerse.has(names[index + 1] ?? '')) return;
    const unshifted = misfit(chapter, keys, 0);
    const shifted = shifts.map((shift) => misfit(chapter, keys, shift)).filter((value) => value !== undefined);
    if (unshifted !== undefined && shifted.some((value) => value < clearlyBetter * unshifted)) renumbered.add(chapter);
  });
  return renumbered;
}

let loaded: BibleVerses | undefined;

/**
 * The verses present (and not empty) in both translations, or undefined when
 * diatheke or a module is missing (after printing how to install them).
 */
export function loadBibleVerses(): BibleVerses | undefined {
  if (loaded) return loaded;
  const sourceDump = dumpModule(english);
  const targetDump = sourceDump === undefined ? undefined : dumpModule(spanish);
  if (sourceDump === undefined || targetDump === undefined) return undefined;
  const source = parseDump(sourceDump);
  const target = parseDump(targetDump);
  const renumbered = renumberedChapters(source, target);
  const keys: string[] = [];
  const sourceTexts: string[] = [];
  const targetTexts: string[] = [];
  let left = 0;
  for (const [key, text] of source) {
    const translation = target.get(key);
    if (!text || !translation) continue;
    if (renumbered.has(chapterOf(key))) {
      left++;
      continue;
    }
    keys.push(key);
    sourceTexts.push(text);
    targetTexts.push(translation);
  }
  loaded = {
    keys,
    renumbered: { chapters: [...renumbered], verses: left },
    source: sourceTexts,
    target: targetTexts,
    sourceLanguage: english.language,
    targetLanguage: spanish.language,
  };
  return loaded;
}

/** How a verse-per-paragraph case is perturbed. */
export interface BibleCaseOptions {
  /** Verses taken from Genesis on: about the paragraphs per side (drops and merges make a side a little shorter). */
  readonly paragraphs: number;
  /** Seed of the perturbation (default 1). */
  readonly seed?: number;
  /** Share of verses left out of one side, chosen at random (default 0.01): the other side's verse is untranslated. */
  readonly dropRate?: number;
  /** Share of verses merged with the next verse on one side, chosen at random (default 0.03): a 2:1 or 1:2 link. */
  readonly mergeRate?: number;
}

function versesFor(count: number): BibleVerses {
  const verses = loadBibleVerses();
  if (!verses) throw new Error('The Bible is not available: install diatheke, sword-text-kjv and sword-text-sparv');
  if (count > verses.keys.length) throw new Error(`The Bible has ${verses.keys.length} verses in both translations, not ${count}`);
  return verses;
}

/** Collects one side's paragraphs and sentences as verses are laid out. */
class SideBuilder {
  readonly paragraphs: string[] = [];
  readonly sentences: CaseSentence[] = [];
  /** Sentence index of each verse on this side, or -1 where the side lacks the verse. */
  readonly sentenceOfVerse: number[];

  constructor(verseCount: number) {
    this.sentenceOfVerse = new Array<number>(verseCount).fill(-1);
  }

  /** Adds a paragraph made of `verses` (indices), returning its index. */
  addParagraph(verses: readonly number[], texts: readonly string[]): number {
    const paragraph = this.paragraphs.length;
    this.paragraphs.push(verses.map((verse) => texts[verse]!).join(' '));
    for (const verse of verses) {
      this.sentenceOfVerse[verse] = this.sentences.length;
      this.sentences.push({ paragraph, text: texts[verse]! });
    }
    return paragraph;
  }
}

/** The verse-level gold: verses both sides have are 1:1, the others untranslated. */
function sentenceGold(source: SideBuilder, target: SideBuilder, verseCount: number): string {
  const links: { source: number[]; target: number[] }[] = [];
  for (let verse = 0; verse < verseCount; verse++) {
    const s = source.sentenceOfVerse[verse]!;
    const t = target.sentenceOfVerse[verse]!;
    if (s >= 0 || t >= 0) links.push({ source: s >= 0 ? [s] : [], target: t >= 0 ? [t] : [] });
  }
  return formatLinks(links);
}

/**
 * English against Spanish, one verse per paragraph, from Genesis 1:1 on:
 * `paragraphs` verses, some dropped from one side and some merged with the
 * next on one side, reproducibly from `seed`.
 */
export function bibleCase(options: BibleCaseOptions): BibleCase {
  const { paragraphs: count, seed = 1, dropRate = 0.01, mergeRate = 0.03 } = options;
  const verses = versesFor(count);
  const random = seededRandom(0x6b6a76 ^ seed);
  const source = new SideBuilder(count);
  const target = new SideBuilder(count);
  const links: { source: number[]; target: number[] }[] = [];
  for (let verse = 0; verse < count; verse++) {
    const roll = random();
    const onSource = random() < 0.5;
    if (roll < dropRate) {
      if (onSource) links.push({ source: [], target: [target.addParagraph([verse], verses.target)] });
      else links.push({ source: [source.addParagraph([verse], verses.source)], target: [] });
    } else if (roll < dropRate + mergeRate && verse + 1 < count) {
      const pair = [verse, verse + 1];
      if (onSource) {
        const s = source.addParagraph(pair, verses.source);
        links.push({ source: [s], target: [target.addParagraph([verse], verses.target), target.addParagraph([verse + 1], verses.target)] });
      } else {
        const t = target.addParagraph(pair, verses.target);
        links.push({ source: [source.addParagraph([verse], verses.source), source.addParagraph([verse + 1], verses.source)], target: [t] });
      }
      verse++;
    } else {
      links.push({ source: [source.addParagraph([verse], verses.source)], target: [target.addParagraph([verse], verses.target)] });
    }
  }
  return {
    name: `bible eng–spa ×${count}`,
    source: { texts: source.paragraphs, language: verses.sourceLanguage },
    target: { texts: target.paragraphs, language: verses.targetLanguage },
    gold: formatLinks(links),
    sentences: { source: source.sentences, target: target.sentences, gold: sentenceGold(source, target, count) },
  };
}

/** How an independently paragraphed case is built. */
export interface BibleParagraphCaseOptions {
  /** Verses taken from Genesis on. */
  readonly verses: number;
  /** Seed of the grouping and the drops (default 1). */
  readonly seed?: number;
  /** Each side's paragraphs hold 1 to this many verses, uniformly (default 5). */
  readonly maxVerses?: number;
  /** Share of verses left out of one side, chosen at random (default 0.01). */
  readonly dropRate?: number;
}

/** Groups `kept` verses into paragraphs of 1 to `maxVerses` verses; returns each verse's paragraph (-1 when not kept). */
function groupVerses(side: SideBuilder, kept: readonly number[], texts: readonly string[], maxVerses: number, random: () => number, count: number): number[] {
  const paragraphOf = new Array<number>(count).fill(-1);
  for (let start = 0; start < kept.length; ) {
    const size = 1 + Math.floor(random() * maxVerses);
    const group = kept.slice(start, start + size);
    const paragraph = side.addParagraph(group, texts);
    for (const verse of group) paragraphOf[verse] = paragraph;
    start += size;
  }
  return paragraphOf;
}

/**
 * English against Spanish with each side paragraphed independently: the
 * verses (some dropped from one side) are grouped into paragraphs of random
 * sizes on each side, and the gold links the smallest groups of paragraphs
 * that share verses only with each other (a paragraph of verses the other side
 * lacks, lying inside such a group, belongs to it; between groups, it is
 * untranslated).
 */
export function bibleParagraphCase(options: BibleParagraphCaseOptions): BibleCase {
  const { verses: count, seed = 1, maxVerses = 5, dropRate = 0.01 } = options;
  const verses = versesFor(count);
  const random = seededRandom(0x706172 ^ seed);
  const sourceKept: number[] = [];
  const targetKept: number[] = [];
  for (let verse = 0; verse < count; verse++) {
    const dropped = random() < dropRate;
    const onSource = random() < 0.5;
    if (!dropped || !onSource) sourceKept.push(verse);
    if (!dropped || onSource) targetKept.push(verse);
  }
  const source = new SideBuilder(count);
  const target = new SideBuilder(count);
  const sourceParagraph = groupVerses(source, sourceKept, verses.source, maxVerses, random, count);
  const targetParagraph = groupVerses(target, targetKept, verses.target, maxVerses, random, count);

  // Both sides keep verse order, so linked groups are runs of verses: a link
  // ends at a boundary between verses that no paragraph of either side spans.
  const spans = (paragraphOf: readonly number[]): boolean[] => {
    const spanned = new Array<boolean>(count + 1).fill(false);
    let previous = -1;
    const next = new Array<number>(count + 1).fill(-1);
    for (let verse = count - 1; verse >= 0; verse--) next[verse] = paragraphOf[verse]! >= 0 ? paragraphOf[verse]! : next[verse + 1]!;
    for (let verse = 0; verse < count; verse++) {
      spanned[verse] = previous >= 0 && previous === next[verse];
      if (paragraphOf[verse]! >= 0) previous = paragraphOf[verse]!;
    }
    return spanned;
  };
  const sourceSpans = spans(sourceParagraph);
  const targetSpans = spans(targetParagraph);
  const links: { source: number[]; target: number[] }[] = [];
  let open: { source: number[]; target: number[] } = { source: [], target: [] };
  const add = (list: number[], paragraph: number) => {
    if (paragraph >= 0 && list[list.length - 1] !== paragraph) list.push(paragraph);
  };
  for (let verse = 0; verse < count; verse++) {
    if (verse > 0 && !sourceSpans[verse] && !targetSpans[verse]) {
      links.push(open);
      open = { source: [], target: [] };
    }
    add(open.source, sourceParagraph[verse]!);
    add(open.target, targetParagraph[verse]!);
  }
  links.push(open);
  // A link with one side empty that holds several paragraphs is several untranslated paragraphs.
  const gold = links.flatMap((link) =>
    link.source.length === 0 ? link.target.map((t) => ({ source: [], target: [t] })) : link.target.length === 0 ? link.source.map((s) => ({ source: [s], target: [] })) : [link],
  );
  return {
    name: `bible eng–spa paragraphed ×${count}`,
    source: { texts: source.paragraphs, language: verses.sourceLanguage },
    target: { texts: target.paragraphs, language: verses.targetLanguage },
    gold: formatLinks(gold),
    sentences: { source: source.sentences, target: target.sentences, gold: sentenceGold(source, target, count) },
  };
}

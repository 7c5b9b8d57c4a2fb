/**
 * From links to the pairs an export writes: the texts of each link's paragraphs,
 * joined, with the filters every export format offers (confirmed only, minimum
 * confidence, untranslated paragraphs, duplicates).
 *
 * Every format (TMX, XLIFF, TSV/CSV, XLSX, JSONL) goes through {@link extractPairs},
 * so a filter means the same thing in all of them, and the counts of what was left
 * out can be shown to the user after any export.
 */
import type { Alignment, Link, LinkStatus } from '../model/alignment.ts';
import { effectiveLanguage, paragraphText, type BitextDocument, type LanguageTag } from '../model/document.ts';
import { BitextError } from '../errors.ts';
import type { LinkSentences, SentenceRef } from '../align/sentence-align.ts';
import { sentencesOfLinks } from '../align/link-sentences.ts';
import { mergeUnsureBoundaries } from './sentence-units.ts';
import type { SegmentationRules } from '../text/sentences.ts';

/** What one exported pair is: a paragraph link, or a sentence link inside one. */
export type ExportUnit = 'paragraph' | 'sentence';

/** The export units, the default first. */
export const exportUnits: readonly ExportUnit[] = ['paragraph', 'sentence'];

/** What an export keeps. Every field is optional; the defaults keep every translated, non-rejected link once. */
export interface ExportFilters {
  /** Keep only links a reviewer confirmed. Default `false`. */
  readonly confirmedOnly?: boolean;
  /** Keep only links whose confidence is at least this, in [0, 1]. Default `0` (all). */
  readonly minConfidence?: number;
  /**
   * Keep 1:0 and 0:1 links (a paragraph with no counterpart) as pairs with an
   * empty side. Only formats that can hold an empty side honour it (see
   * `untranslated` in export-format.ts); TMX never does. Default `false`.
   */
  readonly includeUntranslated?: boolean;
  /** Keep only the first of pairs whose source and target texts are both identical. Default `false`. */
  readonly deduplicate?: boolean;
  /**
   * With `deduplicate`: the keys of pairs exported already, shared by the
   * exports of a corpus so that duplicates are dropped across its files; the
   * export adds the keys of its own pairs. Default: a new set (one file).
   * Made by the host, never taken from the API.
   */
  readonly seenPairs?: Set<string>;
  /**
   * Keep links a reviewer rejected. A rejected link says "these paragraphs are
   * not translations of each other", so it is left out unless asked for (for
   * example to export negative examples). Default `false`.
   */
  readonly includeRejected?: boolean;
  /**
   * `paragraph`: one pair per link. `sentence`: one pair per sentence link
   * inside each link (shared/align/sentence-align.ts), which is what a
   * translation memory reuses; the other filters judge the paragraph link, and
   * a sentence left without a counterpart inside a link is untranslated (kept
   * only with `includeUntranslated`). Default `paragraph`.
   */
  readonly unit?: ExportUnit;
  /** SRX rules for sentence units (shared/text/srx.ts). Default: the built-in segmenter. */
  readonly segmentation?: SegmentationRules;
  /**
   * Sentence units: `merge` exports two pairs the aligner is unsure of the
   * boundary between as one (sentence-units.ts), so no unit is cut at a wrong
   * boundary; `keep` exports every pair as the aligner made it. Default `merge`.
   */
  readonly unsureBoundaries?: 'merge' | 'keep';
}

/** Which empty sides a format can hold: both (a row with an empty cell), only an empty target (XLIFF), or none (TMX). */
export type UntranslatedSupport = 'both' | 'source-only' | 'none';

/** One pair of texts to export, with where it came from. */
export interface ExportPair {
  /** Index of the link in `alignment.links`. */
  readonly link: number;
  readonly sourceParagraphs: readonly number[];
  readonly targetParagraphs: readonly number[];
  /** The source paragraphs' texts, each trimmed, joined by the source language's joiner; `''` for an empty side. */
  readonly source: string;
  readonly target: string;
  readonly status: LinkStatus;
  readonly confidence: number;
  readonly note?: string;
  readonly tags: readonly string[];
  /**
   * For sentence units: the sentence link's place in its paragraph link
   * (`index`, from 0) and its sentences, as indices (from 0) among the link's
   * sentences of each side. `link` is then the paragraph link it belongs to,
   * and `confidence` the paragraph link's confidence times the sentence link's.
   */
  readonly sentence?: { readonly index: number; readonly source: readonly number[]; readonly target: readonly number[] };
}

/** How many links a filter left out, by reason (each link is counted under the first reason that applies). */
export interface ExportSkipped {
  /** 1:0 or 0:1 links, when untranslated paragraphs are not included or the format cannot hold them. */
  readonly untranslated: number;
  readonly rejected: number;
  /** Links not confirmed, when `confirmedOnly` is set. */
  readonly unconfirmed: number;
  /** Links below `minConfidence`. */
  readonly lowConfidence: number;
  /** Pairs identical to an earlier one, when `deduplicate` is set. */
  readonly duplicate: number;
}

/** The pairs of an alignment an export writes, with the pair's languages and what was left out. */
export interface ExportPairs {
  /** BCP-47 tags of the documents' effective languages (the user's override, else the detected one). */
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly pairs: readonly ExportPair[];
  readonly skipped: ExportSkipped;
}

/**
 * Scripts written without spaces between words or sentences: the texts of a
 * group's paragraphs are joined with nothing between them. Thai, Lao, Khmer and
 * Burmese separate words by nothing; Chinese and Japanese end sentences with
 * their own full stops (。) that need no space after them.
 */
const unspacedScripts = new Set(['Thai', 'Laoo', 'Khmr', 'Mymr', 'Hani', 'Hans', 'Hant', 'Hira', 'Kana', 'Jpan']);
const unspacedLanguages = new Set(['th', 'lo', 'km', 'my', 'zh', 'ja', 'tha', 'lao', 'khm', 'mya', 'cmn', 'zho', 'jpn']);

/**
 * The string that joins the paragraphs of one side of an n:m link: a space,
 * or nothing for Thai, Chinese, Japanese (and the other scripts written without
 * spaces between words). Judged by the tag's script, else its primary language.
 */
export function joinerFor(language: Pick<LanguageTag, 'bcp47' | 'script'> & Partial<Pick<LanguageTag, 'iso6393'>>): string {
  if (unspacedScripts.has(language.script)) return '';
  const primary = language.bcp47.split('-')[0]?.toLowerCase() ?? '';
  if (unspacedLanguages.has(primary)) return '';
  if (language.iso6393 !== undefined && unspacedLanguages.has(language.iso6393)) return '';
  return ' ';
}

/**
 * The text of some paragraphs of a document as one export cell: each paragraph
 * trimmed (indentation and line ends are layout, not content) and made
 * {@link exportText}, joined by the document's joiner.
 */
export function joinParagraphs(document: BitextDocument, indices: readonly number[]): string {
  const joiner = joinerFor(effectiveLanguage(document.language));
  return indices
    .map((index) => exportText(paragraphText(document, index).trim()))
    .join(joiner);
}

/**
 * Text as every export writes it: CRLF and CR made LF (XML parsers turn a raw
 * CR into LF anyway, so doing it first makes every format agree), and a lone
 * UTF-16 surrogate made U+FFFD. Decoded documents never hold a lone surrogate,
 * but a hand-edited alignment file can (`"\ud800"`), and no UTF-8 file can
 * encode one: JSON readers such as serde or Python's encoder reject it.
 */
export function exportText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The file name at the end of a path, for either separator (shared/ has no node:path). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

/**
 * Paragraph (or sentence) indices as exports write them for people (TMX props,
 * XLIFF metadata, JSONL provenance): numbered from 1, as the app shows them,
 * comma-separated (`12,13`). The alignment file keeps 0-based indices.
 */
export function paragraphNumbers(indices: readonly number[]): string {
  return indices.map((index) => index + 1).join(',');
}

/** A link's id in an export: its number from 1, as the app shows it. */
export function linkNumber(link: number): string {
  return String(link + 1);
}

/** A confidence as exports write it: at most three decimals (`0.873`), no trailing zeros. */
export function formatConfidence(confidence: number): string {
  return String(Math.round(confidence * 1000) / 1000);
}

/**
 * The pairs an export of `alignment` writes, in link order.
 *
 * `untranslated` says which empty sides the target format can hold; an
 * untranslated link is kept only when the filters ask for it and the format can
 * hold its empty side. A link with both sides empty is never exported.
 *
 * Throws `invalid-argument` when `minConfidence` is not a number in [0, 1], and
 * `invalid-alignment` (naming the link) when a link names a paragraph the
 * document does not have.
 */
export function extractPairs(
  alignment: Alignment,
  filters: ExportFilters = {},
  untranslated: UntranslatedSupport = 'both',
): ExportPairs {
  const minConfidence = filters.minConfidence ?? 0;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new BitextError('invalid-argument', `minimum confidence must be a number in [0, 1], got ${String(minConfidence)}`, {
      field: 'minConfidence',
    });
  }
  const skipped = { untranslated: 0, rejected: 0, unconfirmed: 0, lowConfidence: 0, duplicate: 0 };
  const seen = filters.seenPairs ?? new Set<string>();
  const pairs: ExportPair[] = [];
  const add = (pair: ExportPair) => {
    if (filters.deduplicate) {
      // JSON of the two texts: a key no pair of different texts can share.
      const key = JSON.stringify([pair.source, pair.target]);
      if (seen.has(key)) {
        skipped.duplicate++;
        return;
      }
      seen.add(key);
    }
    pairs.push(pair);
  };
  const sentences = filters.unit === 'sentence' ? sentencesByLink(alignment, filters.segmentation) : undefined;
  alignment.links.forEach((link, index) => {
    const reason = skipReason(link, filters, minConfidence, untranslated);
    if (reason !== undefined) {
      skipped[reason]++;
      return;
    }
    // The paragraph pair is made in sentence mode too: it checks that the link's paragraphs exist.
    const pair = toPair(alignment, link, index);
    const computed = sentences?.get(index);
    const block = computed && filters.unsureBoundaries !== 'keep' ? mergeUnsureBoundaries(computed) : computed;
    if (!block) {
      add(pair);
      return;
    }
    block.links.forEach((sentenceLink, sentenceIndex) => {
      // A sentence pair the reviewer rejected inside a kept link is left out as a rejected link is.
      if (sentenceLink.status === 'rejected' && !filters.includeRejected) {
        skipped.rejected++;
        return;
      }
      if (sentenceLink.source.length === 0 || sentenceLink.target.length === 0) {
        const kept = filters.includeUntranslated && (untranslated === 'both' || (untranslated === 'source-only' && sentenceLink.source.length > 0));
        if (!kept) {
          skipped.untranslated++;
          return;
        }
      }
      try {
        add(toSentencePair(alignment, link, index, block, sentenceIndex));
      } catch (error) {
        if (error instanceof RangeError) throw new BitextError('invalid-alignment', error.message, { link: index }, { cause: error });
        throw error;
      }
    });
  });
  return {
    sourceLanguage: wellFormedTag(effectiveLanguage(alignment.source.language).bcp47),
    targetLanguage: wellFormedTag(effectiveLanguage(alignment.target.language).bcp47),
    pairs,
    skipped,
  };
}

/**
 * The tag when it has the shape of a BCP-47 tag, else `und`: a tag typed in an
 * override ends up in `xml:lang` attributes and file headers, where only a
 * well-formed tag belongs.
 */
function wellFormedTag(tag: string): string {
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'und';
}

function skipReason(
  link: Link,
  filters: ExportFilters,
  minConfidence: number,
  untranslated: UntranslatedSupport,
): Exclude<keyof ExportSkipped, 'duplicate'> | undefined {
  const noSource = link.source.length === 0;
  const noTarget = link.target.length === 0;
  if (noSource && noTarget) return 'untranslated';
  if (noSource || noTarget) {
    if (!filters.includeUntranslated) return 'untranslated';
    if (untranslated === 'none') return 'untranslated';
    if (untranslated === 'source-only' && noSource) return 'untranslated';
  }
  if (link.status === 'rejected' && !filters.includeRejected) return 'rejected';
  if (filters.confirmedOnly && link.status !== 'confirmed') return 'unconfirmed';
  if (link.confidence < minConfidence) return 'lowConfidence';
  return undefined;
}

/**
 * A pair's identifier in formats that give each unit one: the link's number
 * from 1, and for a sentence unit the sentence link's place in it from 1 (`12.1`, `12.2`).
 */
export function pairId(pair: Pick<ExportPair, 'link' | 'sentence'>): string {
  return pair.sentence ? `${linkNumber(pair.link)}.${pair.sentence.index + 1}` : linkNumber(pair.link);
}

/**
 * Sentence alignments already computed, by alignment and rules: the Export…
 * dialog extracts pairs again at every change of a filter, and an alignment
 * value never changes (edits make new ones), so the cache cannot go stale.
 */
const sentenceCache = new WeakMap<Alignment, Map<SegmentationRules | undefined, Map<number, LinkSentences>>>();

/** The sentence alignment of every link with both sides, by link index. */
function sentencesByLink(alignment: Alignment, segmentation: SegmentationRules | undefined): Map<number, LinkSentences> {
  const cached = sentenceCache.get(alignment)?.get(segmentation);
  if (cached) return cached;
  const computed = sentencesOfLinks(alignment, segmentation);
  const byRules = sentenceCache.get(alignment) ?? new Map<SegmentationRules | undefined, Map<number, LinkSentences>>();
  byRules.set(segmentation, computed);
  sentenceCache.set(alignment, byRules);
  return computed;
}

/**
 * The text of some consecutive sentences of one side: each paragraph's run
 * taken whole from its text (so the spaces between Thai clauses stay), runs of
 * different paragraphs joined by the document's joiner.
 */
function sentencesText(document: BitextDocument, refs: readonly SentenceRef[], indices: readonly number[]): string {
  const runs: { paragraph: number; start: number; end: number }[] = [];
  for (const index of indices) {
    const ref = refs[index]!;
    const last = runs.at(-1);
    if (last && last.paragraph === ref.paragraph) last.end = ref.end;
    else runs.push({ ...ref });
  }
  const joiner = joinerFor(effectiveLanguage(document.language));
  return runs.map((run) => exportText(paragraphText(document, run.paragraph).slice(run.start, run.end))).join(joiner);
}

function toSentencePair(alignment: Alignment, link: Link, index: number, block: LinkSentences, sentenceIndex: number): ExportPair {
  const sentenceLink = block.links[sentenceIndex]!;
  const paragraphs = (refs: readonly SentenceRef[], indices: readonly number[]) => [...new Set(indices.map((at) => refs[at]!.paragraph))];
  return {
    link: index,
    sourceParagraphs: paragraphs(block.sourceSentences, sentenceLink.source),
    targetParagraphs: paragraphs(block.targetSentences, sentenceLink.target),
    source: sentencesText(alignment.source, block.sourceSentences, sentenceLink.source),
    target: sentencesText(alignment.target, block.targetSentences, sentenceLink.target),
    status: sentenceLink.status === 'rejected' ? 'rejected' : link.status,
    confidence: link.confidence * sentenceLink.confidence,
    ...(link.note !== undefined && link.note.trim() !== '' ? { note: exportText(link.note) } : {}),
    tags: (link.tags ?? []).map(exportText),
    sentence: { index: sentenceIndex, source: sentenceLink.source, target: sentenceLink.target },
  };
}

function toPair(alignment: Alignment, link: Link, index: number): ExportPair {
  try {
    return {
      link: index,
      sourceParagraphs: link.source,
      targetParagraphs: link.target,
      source: joinParagraphs(alignment.source, link.source),
      target: joinParagraphs(alignment.target, link.target),
      status: link.status,
      confidence: link.confidence,
      ...(link.note !== undefined && link.note.trim() !== '' ? { note: exportText(link.note) } : {}),
      tags: (link.tags ?? []).map(exportText),
    };
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BitextError('invalid-alignment', error.message, { link: index }, { cause: error });
    }
    throw error;
  }
}

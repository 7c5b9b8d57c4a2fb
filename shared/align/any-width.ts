/**
 * Paragraph links of any width, for two documents paragraphed differently: a
 * translation that re-paragraphs its original joins 12 paragraphs into 15
 * others, and no paragraph-level search with shapes of up to three a side can
 * link them. Instead both documents are cut into sentences
 * (shared/text/sentences.ts), the sentences are aligned with the same
 * aligner (banded, linear, sentence units taking the place of paragraphs),
 * and the paragraph links are derived from the sentence links as the smallest
 * groups of paragraphs that no sentence link crosses: a sentence link touching
 * paragraphs of two groups joins them.
 *
 * Whether a pair needs it is judged from a paragraph-level alignment
 * ({@link paragraphingDiffers}): when many of its links join paragraphs, the
 * two documents were paragraphed differently.
 */
import type { Link } from '../model/alignment.ts';
import { splitSentences, type SegmentationRules } from '../text/sentences.ts';
import { localeOf } from './language-profile.ts';

/** Sentences of one document: their texts and the paragraph each is in. */
export interface SentenceUnits {
  readonly texts: string[];
  readonly paragraphOf: Int32Array;
}

/**
 * Cuts each paragraph of `texts` into sentences; a paragraph with no sentence
 * (white space) gives none. `rules` (an SRX file) replace the built-in
 * segmenter. A language code ICU does not know (`x`, `123`) is
 * read as `und`: the aligner takes any code, the segmenter only valid ones.
 */
export function sentenceUnits(texts: readonly string[], language: string, rules?: SegmentationRules): SentenceUnits {
  const sentences: string[] = [];
  const paragraphs: number[] = [];
  const known = localeOf(language) === undefined ? 'und' : language;
  texts.forEach((text, paragraph) => {
    for (const span of splitSentences(text, known, rules)) {
      sentences.push(text.slice(span.start, span.end));
      paragraphs.push(paragraph);
    }
  });
  return { texts: sentences, paragraphOf: Int32Array.from(paragraphs) };
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

/** A side's units are clauses of the other's sentences when their mean length is below this share of the other's. */
const clauseShare = 0.7;

/**
 * The units of one side joined, within each paragraph, into runs of at least
 * `minimum` characters (the last run of a paragraph may stay shorter).
 */
export function joinShortUnits(units: SentenceUnits, minimum: number, joiner: string): SentenceUnits {
  const texts: string[] = [];
  const paragraphs: number[] = [];
  units.texts.forEach((text, index) => {
    const paragraph = units.paragraphOf[index]!;
    const last = texts.length - 1;
    if (last >= 0 && paragraphs[last] === paragraph && texts[last]!.length < minimum) texts[last] += joiner + text;
    else {
      texts.push(text);
      paragraphs.push(paragraph);
    }
  });
  return { texts, paragraphOf: Int32Array.from(paragraphs) };
}

/**
 * The two sides' units made comparable: where one side's segmenter gives
 * clauses (Thai, Lao, Khmer and Burmese are cut at spaces) and the other
 * sentences, a sentence is four or five clauses, more than a link of the
 * search may take on a side. The side whose mean unit is shorter than
 * {@link clauseShare} of the other's (in the other's characters, by the pair's
 * length ratio) has its units joined up to that length.
 */
export function balanceUnits(source: SentenceUnits, target: SentenceUnits): { source: SentenceUnits; target: SentenceUnits } {
  const total = (units: SentenceUnits) => units.texts.reduce((sum, text) => sum + text.length, 0);
  const ratio = total(target) / Math.max(total(source), 1);
  const sourceMean = mean(source.texts.map((text) => text.length)) * ratio;
  const targetMean = mean(target.texts.map((text) => text.length));
  if (sourceMean < clauseShare * targetMean) return { source: joinShortUnits(source, targetMean / ratio, ' '), target };
  if (targetMean < clauseShare * sourceMean) return { source, target: joinShortUnits(target, sourceMean, ' ') };
  return { source, target };
}

type Linkish = Pick<Link, 'source' | 'target' | 'confidence' | 'score'>;

/**
 * Paragraph links from sentence links. Sentence links are taken in document
 * order; each with both sides joins the paragraphs of its sentences, and
 * groups sharing a paragraph on either side become one, spanning every
 * paragraph between its first and last on each side. Paragraphs no group
 * holds are left unlinked (1:0, 0:1). A group's confidence is its least
 * sure sentence link's; its score, their sum.
 */
export function paragraphLinksFromSentences(
  sentenceLinks: readonly Linkish[],
  sourceUnits: Pick<SentenceUnits, 'paragraphOf'>,
  targetUnits: Pick<SentenceUnits, 'paragraphOf'>,
  sourceCount: number,
  targetCount: number,
): Link[] {
  interface Group {
    sourceFirst: number;
    sourceLast: number;
    targetFirst: number;
    targetLast: number;
    confidence: number;
    score: number;
  }
  const groups: Group[] = [];
  const ordered = [...sentenceLinks].filter((link) => link.source.length > 0 && link.target.length > 0);
  // Document order of links with both sides: by first source sentence (the aligner's links are monotone).
  ordered.sort((a, b) => Math.min(...a.source) - Math.min(...b.source) || Math.min(...a.target) - Math.min(...b.target));
  for (const link of ordered) {
    const sources = link.source.map((sentence) => sourceUnits.paragraphOf[sentence]!);
    const targets = link.target.map((sentence) => targetUnits.paragraphOf[sentence]!);
    const group: Group = {
      sourceFirst: Math.min(...sources),
      sourceLast: Math.max(...sources),
      targetFirst: Math.min(...targets),
      targetLast: Math.max(...targets),
      confidence: link.confidence,
      score: link.score,
    };
    // Join every earlier group this one shares a paragraph with (or would cross): groups stay in order on both sides.
    while (groups.length > 0) {
      const last = groups[groups.length - 1]!;
      if (group.sourceFirst > last.sourceLast && group.targetFirst > last.targetLast) break;
      groups.pop();
      group.sourceFirst = Math.min(group.sourceFirst, last.sourceFirst);
      group.sourceLast = Math.max(group.sourceLast, last.sourceLast);
      group.targetFirst = Math.min(group.targetFirst, last.targetFirst);
      group.targetLast = Math.max(group.targetLast, last.targetLast);
      group.confidence = Math.min(group.confidence, last.confidence);
      group.score += last.score;
    }
    groups.push(group);
  }
  // An unlinked paragraph is as sure as its least sure unlinked sentence.
  const unlinkedConfidence = (paragraphOf: Int32Array, count: number, side: 'source' | 'target') => {
    const confidence = new Float64Array(count).fill(1);
    for (const link of sentenceLinks) {
      const other = side === 'source' ? link.target : link.source;
      if (other.length > 0) continue;
      for (const sentence of link[side]) {
        const paragraph = paragraphOf[sentence]!;
        confidence[paragraph] = Math.min(confidence[paragraph]!, link.confidence);
      }
    }
    return confidence;
  };
  const sourceUnlinked = unlinkedConfidence(sourceUnits.paragraphOf, sourceCount, 'source');
  const targetUnlinked = unlinkedConfidence(targetUnits.paragraphOf, targetCount, 'target');
  const links: Link[] = [];
  const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
  let nextSource = 0;
  let nextTarget = 0;
  const unlinkedUpTo = (sourceEnd: number, targetEnd: number) => {
    for (; nextSource < sourceEnd; nextSource++) links.push({ source: [nextSource], target: [], score: 0, confidence: sourceUnlinked[nextSource]!, status: 'auto' });
    for (; nextTarget < targetEnd; nextTarget++) links.push({ source: [], target: [nextTarget], score: 0, confidence: targetUnlinked[nextTarget]!, status: 'auto' });
  };
  for (const group of groups) {
    unlinkedUpTo(group.sourceFirst, group.targetFirst);
    links.push({
      source: range(group.sourceFirst, group.sourceLast),
      target: range(group.targetFirst, group.targetLast),
      score: Math.round(group.score * 10000) / 10000,
      confidence: group.confidence,
      status: 'auto',
    });
    nextSource = group.sourceLast + 1;
    nextTarget = group.targetLast + 1;
  }
  unlinkedUpTo(sourceCount, targetCount);
  return links;
}

/** Share of paragraphs joined or left out (see {@link paragraphingDiffers}) above which the paragraphing differs. */
export const differentParagraphingShare = 0.3;

/**
 * Whether a paragraph-level alignment shows two documents paragraphed
 * differently: the share of paragraphs (both sides) that it joins with
 * others in one link, or leaves unlinked although they are as long as a
 * typical linked paragraph of their side. A search that cannot make a link
 * wide enough does one or the other: it joins what it can and drops whole
 * paragraphs of text. Translations that keep their original's paragraphs
 * merge or drop a tenth or so (the perturbed UDHR cases: 0.03 to 0.21), and
 * page clutter left unlinked is short, so it does not count.
 */
export function paragraphingDiffers(links: readonly Pick<Link, 'source' | 'target'>[], sourceLengths: ArrayLike<number>, targetLengths: ArrayLike<number>): boolean {
  // With no link of two sides there is no typical linked paragraph: all the side's paragraphs stand in for it, so a
  // translation delivered as one long paragraph (a paste from a PDF) counts as paragraphed differently, not as clutter.
  const anyLinked = links.some((link) => link.source.length > 0 && link.target.length > 0);
  // A typed array sorts numbers without a comparator call per pair: this runs on every alignment, twice.
  const linkedMedian = (side: 'source' | 'target', lengths: ArrayLike<number>) => {
    let counted: Float64Array;
    if (anyLinked) {
      const values: number[] = [];
      for (const link of links) {
        const members = link[side];
        if (link.source.length > 0 && link.target.length > 0) for (let at = 0; at < members.length; at++) values.push(lengths[members[at]!]!);
      }
      counted = Float64Array.from(values);
    } else counted = Float64Array.from(lengths);
    counted.sort();
    return counted.length > 0 ? counted[counted.length >> 1]! : Number.POSITIVE_INFINITY;
  };
  const sourceMedian = linkedMedian('source', sourceLengths);
  const targetMedian = linkedMedian('target', targetLengths);
  let total = 0;
  let odd = 0;
  for (const link of links) {
    const size = link.source.length + link.target.length;
    total += size;
    if (link.target.length === 0) odd += link.source.filter((index) => sourceLengths[index]! >= sourceMedian).length;
    else if (link.source.length === 0) odd += link.target.filter((index) => targetLengths[index]! >= targetMedian).length;
    else if (size > 2) odd += size;
  }
  return total > 0 && odd / total > differentParagraphingShare;
}

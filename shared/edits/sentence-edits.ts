/**
 * The reviewer's fixes to the sentence pairs inside one paragraph link, as
 * pure functions on `StoredSentences`: the paragraph review's vocabulary
 * (confirm, reject, merge, split, unlink, untranslated, move a sentence
 * across a pair boundary, link marked pairs) one level down. A link whose
 * sentence pairs are edited stores them (`Link.sentences`); before the first
 * edit they are the computed ones, which the edit carries as its `base`.
 *
 * Status rules are the paragraph level's (docs/review.md): a pair made or
 * reshaped by hand is `confirmed` with confidence 1; what an edit leaves
 * over without anyone judging it is `auto` with confidence 0. Pairs are
 * always consecutive on each side and in document order, so no edit can
 * make two pairs cross.
 */
import type { LinkStatus, SentencePair, SentenceRef, Side, StoredSentences } from '../model/alignment.ts';
import { linkStatuses } from '../model/alignment.ts';
import { assertNever, BitextError } from '../errors.ts';

/** One change to a link's sentence pairs; `pair` is an index into its pairs (from 0). */
export type SentenceChange =
  | { readonly kind: 'set-status'; readonly pair: number; readonly status: LinkStatus }
  /** Joins pairs `from` to `to` (inclusive) into one: merge with the next (`to = from + 1`), or link marked pairs. */
  | { readonly kind: 'merge'; readonly from: number; readonly to: number }
  /** Pairs the sentences of a pair in order; extras stand alone. */
  | { readonly kind: 'split'; readonly pair: number }
  /** Every sentence of the pair stands alone. */
  | { readonly kind: 'unlink'; readonly pair: number }
  /** Sentence `sentence` of `side` (index among the link's sentences of that side) gets a pair of its own, one-sided. */
  | { readonly kind: 'mark-untranslated'; readonly side: Side; readonly sentence: number }
  /** Moves the pair's first sentence of `side` into the pair before (`up`) or its last into the pair after (`down`). */
  | { readonly kind: 'shift-boundary'; readonly pair: number; readonly side: Side; readonly direction: 'up' | 'down' }
  /**
   * Cuts sentence `sentence` of `side` in two at `at`, an offset in its
   * paragraph's text strictly inside the sentence (white space at the cut goes
   * to neither part). Both parts stay in the sentence's pair.
   */
  | { readonly kind: 'split-sentence'; readonly side: Side; readonly sentence: number; readonly at: number }
  /**
   * Joins sentence `sentence` of `side` with the next sentence of that side
   * (same paragraph). When they were in different pairs, those pairs and any
   * between them become one pair, so no counterpart is lost.
   */
  | { readonly kind: 'join-sentences'; readonly side: Side; readonly sentence: number };

/** A paragraph's text by side and index: what a cut needs to leave white space out of both parts. */
export type ParagraphText = (side: Side, paragraph: number) => string;

/** The kinds of sentence change. */
export type SentenceChangeKind = SentenceChange['kind'];

/** A pair made or reshaped by hand. */
function handPair(source: readonly number[], target: readonly number[]): SentencePair {
  return { source: [...source], target: [...target], confidence: 1, status: 'confirmed' };
}

/** Each sentence alone, one-sided, with `status`. */
function alone(source: readonly number[], target: readonly number[], status: LinkStatus): SentencePair[] {
  const confidence = status === 'confirmed' ? 1 : 0;
  return [
    ...source.map((sentence) => ({ source: [sentence], target: [], confidence, status })),
    ...target.map((sentence) => ({ source: [], target: [sentence], confidence, status })),
  ];
}

function invalid(message: string, field: string, link: number): BitextError {
  return new BitextError('invalid-argument', message, { field, link });
}

/**
 * Applies `change` to the sentence pairs `sentences` of link `link` (the
 * index only names the link in messages; `text` gives the paragraphs' texts,
 * which only a cut reads). Returns new pairs; throws `invalid-argument`
 * naming the pair or sentence (from 1) when the change cannot be made.
 */
export function changeSentences(sentences: StoredSentences, change: SentenceChange, link: number, text?: ParagraphText): StoredSentences {
  const pairs = sentences.pairs;
  const pairAt = (index: number): SentencePair => {
    const pair = Number.isInteger(index) ? pairs[index] : undefined;
    if (!pair) throw invalid(`no sentence pair ${index + 1}: the link has ${pairs.length}`, 'pair', link);
    return pair;
  };
  const replace = (from: number, count: number, pieces: readonly SentencePair[]): StoredSentences => ({
    ...sentences,
    pairs: [...pairs.slice(0, from), ...pieces, ...pairs.slice(from + count)],
  });
  switch (change.kind) {
    case 'set-status': {
      const pair = pairAt(change.pair);
      if (!linkStatuses.includes(change.status)) throw invalid(`unknown status ${String(change.status)}`, 'status', link);
      return replace(change.pair, 1, [{ ...pair, status: change.status }]);
    }
    case 'merge': {
      const { from, to } = change;
      pairAt(from);
      pairAt(to);
      if (to <= from) throw invalid(`sentence pair ${from + 1} is the last: there is no next pair to merge with`, 'pair', link);
      const merged = pairs.slice(from, to + 1);
      return replace(from, to - from + 1, [handPair(merged.flatMap((pair) => pair.source), merged.flatMap((pair) => pair.target))]);
    }
    case 'split': {
      const pair = pairAt(change.pair);
      if (pair.source.length <= 1 && pair.target.length <= 1) {
        throw invalid(`sentence pair ${change.pair + 1} has one sentence per side: there is nothing to split`, 'pair', link);
      }
      const count = Math.min(pair.source.length, pair.target.length);
      const pieces = [
        ...Array.from({ length: count }, (_, index) => handPair([pair.source[index]!], [pair.target[index]!])),
        ...alone(pair.source.slice(count), pair.target.slice(count), 'confirmed'),
      ];
      return replace(change.pair, 1, pieces);
    }
    case 'unlink': {
      const pair = pairAt(change.pair);
      return replace(change.pair, 1, alone(pair.source, pair.target, 'confirmed'));
    }
    case 'mark-untranslated':
      return markUntranslated(sentences, change.side, change.sentence, link);
    case 'shift-boundary':
      return shiftBoundary(sentences, change.pair, change.side, change.direction, link, pairAt);
    case 'split-sentence':
      return splitSentence(sentences, change.side, change.sentence, change.at, link, text);
    case 'join-sentences':
      return joinSentences(sentences, change.side, change.sentence, link);
    default:
      return assertNever(change, 'sentence change');
  }
}

/** The sentence alone in a pair of its own; the rest of its old pair stays, `auto` with confidence 0 (nobody judged it). */
function markUntranslated(sentences: StoredSentences, side: Side, sentence: number, link: number): StoredSentences {
  const index = sentences.pairs.findIndex((pair) => pair[side].includes(sentence));
  const holder = sentences.pairs[index];
  if (!holder) throw invalid(`no ${side} sentence ${sentence + 1}: the link has ${sentences[side].length}`, 'sentence', link);
  const other: Side = side === 'source' ? 'target' : 'source';
  const own: SentencePair = { source: side === 'source' ? [sentence] : [], target: side === 'target' ? [sentence] : [], confidence: 1, status: 'confirmed' };
  if (holder[side].length === 1 && holder[other].length === 0) return { ...sentences, pairs: sentences.pairs.map((pair, at) => (at === index ? own : pair)) };
  const rest = holder[side].filter((at) => at !== sentence);
  const first = holder[side][0] === sentence;
  if (!first && holder[side].at(-1) !== sentence) {
    throw invalid(
      `${side} sentence ${sentence + 1} is inside sentence pair ${index + 1}: take the first or the last sentence of a pair, or split the pair first`,
      'sentence',
      link,
    );
  }
  const remainder: SentencePair[] =
    rest.length > 0 && holder[other].length > 0
      ? [{ source: side === 'source' ? rest : holder.source, target: side === 'target' ? rest : holder.target, confidence: 0, status: 'auto' }]
      : alone(side === 'source' ? rest : holder.source, side === 'target' ? rest : holder.target, 'auto');
  const pieces = first ? [own, ...remainder] : [...remainder, own];
  return { ...sentences, pairs: [...sentences.pairs.slice(0, index), ...pieces, ...sentences.pairs.slice(index + 1)] };
}

function shiftBoundary(
  sentences: StoredSentences,
  index: number,
  side: Side,
  direction: 'up' | 'down',
  link: number,
  pairAt: (index: number) => SentencePair,
): StoredSentences {
  const pair = pairAt(index);
  if (side !== 'source' && side !== 'target') throw invalid(`unknown side ${String(side)}`, 'side', link);
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
  const neighbour = sentences.pairs[neighbourIndex];
  if (!neighbour) throw invalid(`sentence pair ${index + 1} has no ${direction === 'up' ? 'previous' : 'next'} pair`, 'pair', link);
  const moved = direction === 'up' ? pair[side][0] : pair[side].at(-1);
  if (moved === undefined) throw invalid(`sentence pair ${index + 1} has no ${side} sentence to move`, 'side', link);
  const kept = pair[side].filter((sentence) => sentence !== moved);
  const other: Side = side === 'source' ? 'target' : 'source';
  const donorSides = { [side]: kept, [other]: pair[other] } as Record<Side, readonly number[]>;
  const donor =
    donorSides.source.length > 0 && donorSides.target.length > 0
      ? [handPair(donorSides.source, donorSides.target)]
      : alone(donorSides.source, donorSides.target, 'confirmed');
  const grown = direction === 'up' ? [...neighbour[side], moved] : [moved, ...neighbour[side]];
  const received = handPair(side === 'source' ? grown : neighbour.source, side === 'target' ? grown : neighbour.target);
  const pieces = direction === 'up' ? [received, ...donor] : [...donor, received];
  const from = Math.min(index, neighbourIndex);
  return { ...sentences, pairs: [...sentences.pairs.slice(0, from), ...pieces, ...sentences.pairs.slice(from + 2)] };
}

/** The side's name as a reviewer reads it. */
function sideName(side: Side): string {
  return side === 'source' ? 'original' : 'translation';
}

/** The sentence's span, or a refusal naming it from 1. */
function sentenceAt(sentences: StoredSentences, side: Side, sentence: number, link: number): SentenceRef {
  if (side !== 'source' && side !== 'target') throw invalid(`unknown side ${String(side)}`, 'side', link);
  const span = Number.isInteger(sentence) ? sentences[side][sentence] : undefined;
  if (!span) throw invalid(`no ${sideName(side)} sentence ${sentence + 1}: the link has ${sentences[side].length}`, 'sentence', link);
  return span;
}

/** Every pair's indices of `side` from `from` on moved by `by` (a sentence was cut in two or two were joined). */
function renumber(pairs: readonly SentencePair[], side: Side, from: number, by: number): SentencePair[] {
  return pairs.map((pair) => (pair[side].some((at) => at >= from) ? { ...pair, [side]: pair[side].map((at) => (at >= from ? at + by : at)) } : pair));
}

function splitSentence(sentences: StoredSentences, side: Side, sentence: number, at: number, link: number, text: ParagraphText | undefined): StoredSentences {
  const span = sentenceAt(sentences, side, sentence, link);
  const name = `${sideName(side)} sentence ${sentence + 1}`;
  if (!Number.isInteger(at) || at <= span.start || at >= span.end) {
    throw invalid(`${name} cannot be cut at ${at}: the cut must fall inside it (${span.start} to ${span.end})`, 'at', link);
  }
  if (!text) throw invalid(`${name} cannot be cut without its paragraph's text`, 'at', link);
  const paragraph = text(side, span.paragraph);
  const head = paragraph.slice(span.start, at);
  const tail = paragraph.slice(at, span.end);
  const first: SentenceRef = { paragraph: span.paragraph, start: span.start, end: span.start + head.trimEnd().length };
  const second: SentenceRef = { paragraph: span.paragraph, start: span.end - tail.trimStart().length, end: span.end };
  if (first.end <= first.start || second.end <= second.start) {
    throw invalid(`${name} cannot be cut there: one part would hold only white space`, 'at', link);
  }
  const spans = [...sentences[side].slice(0, sentence), first, second, ...sentences[side].slice(sentence + 1)];
  const holder = sentences.pairs.findIndex((pair) => pair[side].includes(sentence));
  const pairs = renumber(sentences.pairs, side, sentence + 1, 1).map((pair, index) => {
    if (index !== holder) return pair;
    const grown = [...pair[side], sentence + 1].sort((a, b) => a - b);
    return handPair(side === 'source' ? grown : pair.source, side === 'target' ? grown : pair.target);
  });
  return { ...sentences, [side]: spans, pairs };
}

function joinSentences(sentences: StoredSentences, side: Side, sentence: number, link: number): StoredSentences {
  const span = sentenceAt(sentences, side, sentence, link);
  const next = sentences[side][sentence + 1];
  const name = `${sideName(side)} sentence ${sentence + 1}`;
  if (!next) throw invalid(`${name} is the last of the link: there is no next sentence to join it with`, 'sentence', link);
  if (next.paragraph !== span.paragraph) {
    throw invalid(
      `${name} ends its paragraph: a sentence cannot run into the next paragraph (M puts their pairs together instead)`,
      'sentence',
      link,
    );
  }
  const joined: SentenceRef = { paragraph: span.paragraph, start: span.start, end: next.end };
  const spans = [...sentences[side].slice(0, sentence), joined, ...sentences[side].slice(sentence + 2)];
  const from = sentences.pairs.findIndex((pair) => pair[side].includes(sentence));
  const to = sentences.pairs.findIndex((pair) => pair[side].includes(sentence + 1));
  const together = sentences.pairs.slice(from, to + 1);
  // The two sentences become one, in one pair with every counterpart of the pairs they were in.
  const merged = handPair(
    together.flatMap((pair) => pair.source),
    together.flatMap((pair) => pair.target),
  );
  const pairs = [...sentences.pairs.slice(0, from), { ...merged, [side]: merged[side].filter((at) => at !== sentence + 1) }, ...sentences.pairs.slice(to + 1)];
  return { ...sentences, [side]: spans, pairs: renumber(pairs, side, sentence + 2, -1) };
}

/**
 * The rules a link's stored sentence pairs keep (see `StoredSentences`):
 * spans inside the link's own paragraphs, in order and not overlapping;
 * pairs in document order, each side's indices consecutive, every sentence
 * in exactly one pair, no pair empty on both sides. Checked on load, on
 * every alignment that crosses the host boundary, and after sentence edits.
 */
import type { Link, SentenceRef, Side, StoredSentences } from './alignment.ts';
import { linkStatuses } from './alignment.ts';

/** The length of a paragraph's text, by side and paragraph index (undefined: no such paragraph). */
export type ParagraphLength = (side: Side, paragraph: number) => number | undefined;

/**
 * The first rule the link's stored sentences break, as a message naming the
 * side and the sentence or pair from 1; undefined when they are sound or absent.
 */
export function findSentenceProblem(link: Pick<Link, 'source' | 'target' | 'sentences'>, length: ParagraphLength): string | undefined {
  const stored = link.sentences;
  if (!stored) return undefined;
  if (link.source.length === 0 || link.target.length === 0) return 'a link with an empty side has no sentence pairs';
  for (const side of ['source', 'target'] as const) {
    const problem = spanProblem(stored[side], link[side], side, length);
    if (problem) return problem;
  }
  return pairProblem(stored);
}

function spanProblem(spans: readonly SentenceRef[], paragraphs: readonly number[], side: Side, length: ParagraphLength): string | undefined {
  if (spans.length === 0) return `no ${side} sentence`;
  let previous: SentenceRef | undefined;
  for (const [index, span] of spans.entries()) {
    const name = `${side} sentence ${index + 1}`;
    if (!paragraphs.includes(span.paragraph)) return `${name} is in paragraph ${span.paragraph + 1}, which is not in the link`;
    const size = length(side, span.paragraph);
    if (size === undefined) return `${name} is in paragraph ${span.paragraph + 1}, which does not exist`;
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start || span.end > size) {
      return `${name} [${span.start}, ${span.end}) is empty or outside its paragraph (${size} characters)`;
    }
    if (previous && (span.paragraph < previous.paragraph || (span.paragraph === previous.paragraph && span.start < previous.end))) {
      return `${name} overlaps or comes before the sentence before it`;
    }
    previous = span;
  }
  return undefined;
}

function pairProblem(stored: StoredSentences): string | undefined {
  const next = { source: 0, target: 0 };
  for (const [index, pair] of stored.pairs.entries()) {
    const name = `sentence pair ${index + 1}`;
    if (pair.source.length === 0 && pair.target.length === 0) return `${name} has no sentence on either side`;
    for (const side of ['source', 'target'] as const) {
      for (const sentence of pair[side]) {
        if (sentence !== next[side]) return `${name} takes ${side} sentence ${sentence + 1} where sentence ${next[side] + 1} comes next`;
        next[side]++;
      }
    }
    if (!(pair.confidence >= 0 && pair.confidence <= 1)) return `${name} has confidence ${pair.confidence}, outside [0, 1]`;
    if (!linkStatuses.includes(pair.status)) return `${name} has an unknown status`;
  }
  for (const side of ['source', 'target'] as const) {
    if (next[side] !== stored[side].length) return `${side} sentence ${next[side] + 1} is in no sentence pair`;
  }
  return undefined;
}

/**
 * Sentence units for export. A translation memory reuses a unit only if it is
 * right, and a unit cut at the wrong boundary is wrong on both sides of the
 * cut, while the same sentences kept together are a right, if coarser, unit.
 * So where the aligner is unsure of a boundary inside a paragraph link — the
 * pair on either side of it is below the app's "sure" band — the two pairs are
 * exported as one. Pairs a reviewer judged keep their boundaries, and so do
 * pairs with an empty side (an untranslated sentence is never glued on).
 */
import type { LinkSentences, SentenceLink } from '../align/sentence-align.ts';
import { confidenceBands } from '../review/progress.ts';

/** The confidence from which the app shows a link as sure (green). */
const sureFrom = confidenceBands.find((step) => step.band === 'high')!.from;

/** Whether the boundary between `before` and `after` is one the aligner is unsure of and no reviewer set. */
function unsureBoundary(before: SentenceLink, after: SentenceLink): boolean {
  const auto = (pair: SentenceLink) => (pair.status ?? 'auto') === 'auto' && pair.source.length > 0 && pair.target.length > 0;
  return auto(before) && auto(after) && Math.min(before.confidence, after.confidence) < sureFrom;
}

/**
 * `block` with each run of pairs joined by unsure boundaries made one pair:
 * its sentences those of the run, its score their sum, its confidence the
 * lowest of theirs (it claims no more than the aligner said of any piece).
 */
export function mergeUnsureBoundaries(block: LinkSentences): LinkSentences {
  const links: SentenceLink[] = [];
  // A boundary is judged by the pairs on its two sides as the aligner made them, not by a unit already joined.
  let previous: SentenceLink | undefined;
  for (const pair of block.links) {
    const last = links.at(-1);
    const joined = previous !== undefined && unsureBoundary(previous, pair);
    previous = pair;
    if (last && joined) {
      links[links.length - 1] = {
        source: [...last.source, ...pair.source],
        target: [...last.target, ...pair.target],
        score: last.score + pair.score,
        confidence: Math.min(last.confidence, pair.confidence),
      };
    } else {
      links.push(pair);
    }
  }
  return links.length === block.links.length ? block : { ...block, links };
}

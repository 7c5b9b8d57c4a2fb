/**
 * What a reader's marks say about a paragraph's being unlinked, as a prior
 * added to the evidence's own log-odds (evidence.ts `unlinked`).
 *
 * Page furniture (a web page's nav, header, footer, asides: html-blocks.ts)
 * is the ads-and-teasers clutter the aligner already leaves 1:0 by length and
 * by anchors nothing else has; but a teaser that names the article's people
 * ("Kishida tells G7…") shares anchors with the body and can be glued onto the
 * body paragraph beside it as a 2:1. The reader knows it is furniture: that
 * is worth a fixed prior. Only when the other document has no furniture of its
 * own: a translated web page keeps its nav and footer, translated too, and
 * there furniture links to furniture like any text.
 *
 * Footnotes and text boxes get none: they are text of the document, translated
 * like the body.
 */
import type { ParagraphMark } from '../model/document.ts';
import type { PairEvidence } from './evidence.ts';

/**
 * Log-odds added to a furniture paragraph's being unlinked: odds of 4 to 1 (ln 4 ≈ 1.39), about what one
 * shared name is worth to a link, so a teaser naming the article's people no longer tips a merge, while two
 * or more anchors and a fitting length (furniture that is really translated) still link it.
 */
export const furnitureUnlinkedLogOdds = Math.log(4);

/** Each paragraph's mark, `undefined` for body text; absent when the document has none. */
export type ParagraphMarks = readonly (ParagraphMark | undefined)[];

/** `evidence` with the marks' priors added to its unlinked log-odds; the same object when no prior applies. */
export function withMarkPriors(evidence: PairEvidence, sourceMarks: ParagraphMarks | undefined, targetMarks: ParagraphMarks | undefined): PairEvidence {
  const hasFurniture = (marks: ParagraphMarks | undefined) => marks?.includes('furniture') ?? false;
  const source = hasFurniture(sourceMarks) && !hasFurniture(targetMarks);
  const target = hasFurniture(targetMarks) && !hasFurniture(sourceMarks);
  if (!source && !target) return evidence;
  const raised = (odds: Float64Array, marks: ParagraphMarks) => odds.map((value, index) => (marks[index] === 'furniture' ? value + furnitureUnlinkedLogOdds : value));
  return {
    ...evidence,
    unlinked: {
      source: source ? raised(evidence.unlinked.source, sourceMarks!) : evidence.unlinked.source,
      target: target ? raised(evidence.unlinked.target, targetMarks!) : evidence.unlinked.target,
    },
  };
}

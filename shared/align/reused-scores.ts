/**
 * Step scores carried over from one search to the next when only some
 * paragraphs' anchors changed between them. The pass with the learned lexicon
 * scores with the same models as the pass before it, and the learned words add
 * keys only to the paragraphs they were found in (learned-lexicon.ts), so a
 * step whose paragraphs gained no key scores exactly what the earlier search
 * gave it. On a whole Bible that is most steps of the pass.
 */
import type { PairEvidence, SideEvidence } from './evidence.ts';
import type { LinkScorer } from './scorer.ts';
import { nodeIndex, type BandSearch, type StepScorer } from './search.ts';
import { shapeTable, shapes } from './shapes.ts';

const shapeCount = shapes.length;

/** Per paragraph, 1 where `after` holds more keys than `before` (learned keys are only ever added). */
function gainedKeys(before: SideEvidence, after: SideEvidence): Uint8Array {
  const gained = new Uint8Array(after.count);
  for (let paragraph = 0; paragraph < after.count; paragraph++) {
    const had = before.keyStart[paragraph + 1]! - before.keyStart[paragraph]!;
    const has = after.keyStart[paragraph + 1]! - after.keyStart[paragraph]!;
    if (has !== had) gained[paragraph] = 1;
  }
  return gained;
}

/**
 * Scores with `scorer` (over `evidence`, the earlier evidence with keys
 * added), reading a step from `earlier` (a search kept with its exact scores,
 * over `earlierEvidence`, scored by `earlierScorer` with the same models) when
 * none of its paragraphs gained a key. Returns `scorer` itself when the two
 * scorers do not weigh anchors alike (one of them has no keys on a side).
 */
export function reusedScores(earlier: BandSearch, earlierEvidence: PairEvidence, earlierScorer: LinkScorer, evidence: PairEvidence, scorer: LinkScorer): StepScorer {
  if (!earlier.exactScores || earlierScorer.weighsAnchors !== scorer.weighsAnchors) return scorer;
  const exact = earlier.exactScores;
  const band = earlier.band;
  const gainedSource = gainedKeys(earlierEvidence.source, evidence.source);
  const gainedTarget = gainedKeys(earlierEvidence.target, evidence.target);
  const sourceSpans = shapeTable.sourceSpan;
  const targetSpans = shapeTable.targetSpan;
  return {
    score(shape: number, sourceStart: number, targetStart: number): number {
      const sourceSpan = sourceSpans[shape]!;
      const targetSpan = targetSpans[shape]!;
      for (let offset = 0; offset < sourceSpan; offset++) if (gainedSource[sourceStart + offset]) return scorer.score(shape, sourceStart, targetStart);
      for (let offset = 0; offset < targetSpan; offset++) if (gainedTarget[targetStart + offset]) return scorer.score(shape, sourceStart, targetStart);
      const node = nodeIndex(band, sourceStart + sourceSpan, targetStart + targetSpan);
      const value = node < 0 ? Number.NaN : exact[node * shapeCount + shape]!;
      return Number.isNaN(value) ? scorer.score(shape, sourceStart, targetStart) : value;
    },
  };
}

/**
 * A scorer with fixed models (length ratio 1.1, 1:1 links favoured), for tests
 * of the searches that need the same scores on every run, not fitted ones.
 */
import type { PairEvidence } from '../../../shared/align/evidence.ts';
import { initialLengthModel } from '../../../shared/align/length-model.ts';
import { LinkScorer } from '../../../shared/align/scorer.ts';
import { shapes } from '../../../shared/align/shapes.ts';

export function fixedScorer(evidence: PairEvidence): LinkScorer {
  return new LinkScorer(evidence, {
    length: initialLengthModel(1.1, evidence.target.lengths),
    logPriors: Float64Array.from(shapes, (_, index) => Math.log(index === 0 ? 0.8 : 0.02)),
    lengthWeight: 1,
    anchorWeight: 1,
    maximumReward: 8,
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandAround } from '../../../shared/align/band.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { withLearnedKeys } from '../../../shared/align/learned-lexicon.ts';
import { reusedScores } from '../../../shared/align/reused-scores.ts';
import { LinkScorer } from '../../../shared/align/scorer.ts';
import { searchBand, type StepScorer } from '../../../shared/align/search.ts';
import { fixedScorer } from './fixed-scorer.ts';
import { udhrCase } from '../../../bench/udhr-cases.ts';

test('a pass with learned keys reads unchanged steps from the pass before and searches exactly as if it scored them all', () => {
  const pair = udhrCase('spa');
  const source = { texts: pair.source.texts, language: pair.source.language };
  const target = { texts: pair.target.texts, language: pair.target.language };
  const evidence = buildEvidence(source, target);
  // Learned words found in some paragraphs only: "education"/"educación" and "libertad"/"freedom" as the lexicon would learn them.
  const learned = withLearnedKeys(evidence, source.texts, source.language, target.texts, target.language, [
    { source: 'education', target: 'educación', joint: 4, sourceCount: 5, targetCount: 5, links: 60 },
    { source: 'freedom', target: 'libertad', joint: 10, sourceCount: 12, targetCount: 11, links: 60 },
  ]);
  const band = bandAround([], evidence.source.count, evidence.target.count, 6);
  const first = fixedScorer(evidence);
  const earlier = searchBand(band, first, 1, { exactScores: true });
  const scorer = fixedScorer(learned);
  let scored = 0;
  // The learned pass's scorer, counting the steps it is asked to score.
  const counting = Object.assign(Object.create(scorer) as LinkScorer, { score: (...step: Parameters<StepScorer['score']>) => (scored++, scorer.score(...step)) });
  const reused = reusedScores(earlier, evidence, first, learned, counting);
  const direct = searchBand(band, scorer, 1);
  const again = searchBand(band, reused, 1);
  assert.deepEqual(again.path, direct.path);
  assert.deepEqual([again.best, again.back, again.forward, again.stepScores], [direct.best, direct.back, direct.forward, direct.stepScores]);
  // Only the steps touching a paragraph with a learned word were scored again.
  const steps = direct.stepScores.filter((score) => !Number.isNaN(score)).length;
  assert.ok(scored > 0 && scored < steps / 2, `${scored} of ${steps} steps scored again`);
});

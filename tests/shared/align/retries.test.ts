import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandAround, widenAround } from '../../../shared/align/band.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { searchBand, type StepScorer } from '../../../shared/align/search.ts';
import { trackPath } from '../../../shared/align/track.ts';
import { fixedScorer } from './fixed-scorer.ts';
import { syntheticCase } from '../../../bench/udhr-cases.ts';

/** A scorer that counts the steps it is asked to score. */
function counting(scorer: StepScorer): StepScorer & { scored: number } {
  const counter = {
    scored: 0,
    score(shape: number, sourceStart: number, targetStart: number): number {
      counter.scored++;
      return scorer.score(shape, sourceStart, targetStart);
    },
  };
  return counter;
}

const pair = syntheticCase(600);
const evidence = buildEvidence(pair.source, pair.target);
const scorer = fixedScorer(evidence);
const sourceCount = evidence.source.count;
const targetCount = evidence.target.count;

test('a widened beam taken up again from the previous one finds the path a fresh beam finds, computing fewer nodes', () => {
  const narrow = new Int32Array(sourceCount + 1).fill(2);
  const first = trackPath(scorer, sourceCount, targetCount, narrow);
  // Widened around a row a third of the way down, as a retry widens around the rows where the path ran along the edge.
  const widened = widenAround(narrow, [Math.floor(sourceCount / 3)]);
  const retried = trackPath(scorer, sourceCount, targetCount, widened, first.state);
  const fresh = trackPath(scorer, sourceCount, targetCount, widened);
  const course = (steps: typeof fresh.steps) => steps.map((step) => `${step.shape}@${step.sourceStart},${step.targetStart}`).join(' ');
  assert.equal(course(retried.steps), course(fresh.steps));
  assert.deepEqual([retried.state.low, retried.state.high, retried.state.rowStart], [fresh.state.low, fresh.state.high, fresh.state.rowStart]);
  assert.deepEqual(retried.edgeRows, fresh.edgeRows);
  // Below the widened rows the retry took the previous beam raised by one amount: the same scores to rounding.
  const cells = fresh.state.rowStart[sourceCount + 1]!;
  for (let cell = 0; cell < cells; cell++) {
    const [now, then] = [retried.state.best[cell]!, fresh.state.best[cell]!];
    if (now === -Infinity || then === -Infinity) assert.equal(now, then);
    else assert.ok(Math.abs(now - then) <= 1e-9 * Math.max(1, Math.abs(then)), `node ${cell}: ${now} against ${then}`);
  }
  assert.ok(retried.cells < fresh.cells / 2, `${retried.cells} nodes computed again of ${fresh.cells}`);
});

test('a widened band searched again reads the steps its previous search scored, and finds exactly what a fresh search finds', () => {
  const guide = [{ source: Math.floor(sourceCount / 2), target: Math.floor(targetCount / 2) }];
  const narrow = new Int32Array(sourceCount + 1).fill(1);
  const first = searchBand(bandAround(guide, sourceCount, targetCount, narrow), scorer, 1, { exactScores: true });
  const band = bandAround(guide, sourceCount, targetCount, widenAround(narrow, [Math.floor(sourceCount / 4)]));
  const again = counting(scorer);
  const retried = searchBand(band, again, 1, { exactScores: true, previous: first });
  const everything = counting(scorer);
  const fresh = searchBand(band, everything, 1, { exactScores: true });
  assert.deepEqual(retried.path, fresh.path);
  assert.deepEqual([retried.best, retried.back, retried.forward, retried.stepScores, retried.exactScores], [fresh.best, fresh.back, fresh.forward, fresh.stepScores, fresh.exactScores]);
  assert.ok(again.scored > 0 && again.scored < everything.scored / 4, `${again.scored} steps scored again of ${everything.scored}`);
});

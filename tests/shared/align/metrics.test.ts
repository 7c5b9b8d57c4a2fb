import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confidenceByCorrectness, scoreAlignment } from '../../../shared/align/metrics.ts';
import { parseLinks, type Link } from '../../../shared/model/alignment.ts';

test('pairwise precision and recall: a merge half right earns half', () => {
  const gold = parseLinks('0-0 1,2-1 3-∅ ∅-2');
  const predicted = parseLinks('0-0 1-1 2-∅ 3-2');
  const scores = scoreAlignment(predicted, gold);
  // Gold pairs: 0-0, 1-1, 2-1. Predicted: 0-0, 1-1, 3-2.
  assert.equal(scores.goldPairs, 3);
  assert.equal(scores.predictedPairs, 3);
  assert.equal(scores.correctPairs, 2);
  assert.equal(scores.precision, 2 / 3);
  assert.equal(scores.recall, 2 / 3);
  assert.ok(Math.abs(scores.f1 - 2 / 3) < 1e-12);
  // Gold untranslated: source 3, target 2; the prediction leaves neither unlinked.
  assert.equal(scores.untranslated, 2);
  assert.equal(scores.untranslatedUnlinked, 0);
  assert.equal(scores.exactLinks, 1 / 4);
});

test('a perfect alignment scores 1, and confidence is split by exact correctness', () => {
  const gold = parseLinks('0-∅ 1-0 2,3-1');
  assert.equal(scoreAlignment(gold, gold).f1, 1);
  assert.equal(scoreAlignment(gold, gold).untranslatedShare, 1);
  const predicted: Link[] = parseLinks('0-∅ 1-0 2-1 3-∅').map((link, index) => ({ ...link, score: 0, confidence: [0.9, 0.8, 0.3, 0.1][index]!, status: 'auto' }));
  const split = confidenceByCorrectness(predicted, gold);
  assert.equal(split.correct.count, 2);
  assert.ok(Math.abs(split.correct.mean - 0.85) < 1e-12);
  assert.equal(split.wrong.count, 2);
  assert.ok(Math.abs(split.wrong.mean - 0.2) < 1e-12);
});

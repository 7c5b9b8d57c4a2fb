/**
 * One banding, one progress and one numbering for the app and the report
 * (shared/review/progress.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confidenceBand, confidenceBands, confidenceColor, describeLink, displayNumber, displayParagraphs, flaggedLinkCount, reviewProgress } from '../../../shared/review/progress.ts';

test('confidence bands: red below 0.5, amber to 0.8, green from 0.8; out-of-range values clamp', () => {
  assert.deepEqual([0, 0.49, 0.5, 0.79, 0.8, 1].map(confidenceBand), ['low', 'low', 'medium', 'medium', 'high', 'high']);
  assert.equal(confidenceBand(Number.NaN), 'low');
  assert.equal(confidenceBand(-3), 'low');
  assert.equal(confidenceBand(7), 'high');
  assert.deepEqual(confidenceBands.map((band) => band.band), ['low', 'medium', 'high']);
  assert.equal(confidenceColor(0.9), confidenceBands[2]!.color);
});

test('progress counts statuses; the share confirmed is rounded down (11 of 100 links is 11 %, 1 of 9 is 11 %, 99.9 % is 99 %)', () => {
  const links = (confirmed: number, rejected: number, auto: number) => [
    ...Array.from({ length: confirmed }, () => ({ status: 'confirmed' as const })),
    ...Array.from({ length: rejected }, () => ({ status: 'rejected' as const })),
    ...Array.from({ length: auto }, () => ({ status: 'auto' as const })),
  ];
  assert.deepEqual(reviewProgress(links(1, 2, 6)), { total: 9, confirmed: 1, rejected: 2, auto: 6, percent: 11 });
  assert.equal(reviewProgress(links(999, 0, 1)).percent, 99);
  assert.equal(reviewProgress(links(3, 0, 0)).percent, 100);
  assert.equal(reviewProgress([]).percent, 0);
});

test('flags are counted by link: two flags on one link make one flagged link', () => {
  assert.equal(flaggedLinkCount([4, 4, 9]), 2);
  assert.equal(flaggedLinkCount([]), 0);
});

test('numbers a person reads count from 1', () => {
  assert.equal(displayNumber(0), 1);
  assert.equal(displayParagraphs([11, 12]), '12, 13');
  assert.equal(displayParagraphs([]), '–');
  assert.equal(describeLink({ source: [11], target: [0] }), '12 ↔ 1');
  assert.equal(describeLink({ source: [17, 19], target: [] }), '18, 20 ↔ –');
});

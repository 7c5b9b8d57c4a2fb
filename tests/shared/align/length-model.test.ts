import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialLengthModel, lengthLogOdds, paragraphLength, refitLengthModel } from '../../../shared/align/length-model.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { LinkScorer } from '../../../shared/align/scorer.ts';

test('paragraph length counts characters other than white space, astral characters once', () => {
  assert.equal(paragraphLength(' a b\tc '), 3);
  assert.equal(paragraphLength('𠀀x'), 2);
});

test('the ratio and the spread are estimated from the pair', () => {
  const start = initialLengthModel(1, [100, 200, 300]);
  // Target paragraphs about 0.45 of their source, as Korean to English.
  const pairs: [number, number][] = [];
  for (let index = 0; index < 40; index++) {
    const source = 100 + 13 * index;
    pairs.push([source, Math.round(source * 0.45 * (index % 2 === 0 ? 1.05 : 0.95))]);
  }
  const fitted = refitLengthModel(start, pairs);
  // Shrunk towards the start by a few pseudo-pairs, so near but not at 0.45.
  assert.ok(Math.abs(fitted.ratio - 0.45) < 0.05, `ratio ${fitted.ratio}`);
  const many = refitLengthModel(start, Array.from({ length: 10 }, () => pairs).flat());
  assert.ok(Math.abs(many.ratio - 0.45) < 0.01, `ratio ${many.ratio}`);
  assert.ok(fitted.relativeSpread < start.relativeSpread, `spread ${fitted.relativeSpread} shrinks for a tight pair`);
  // Too few pairs: the starting model stands.
  assert.equal(refitLengthModel(start, pairs.slice(0, 2)), start);
});

test('the share of length outliers is refitted to the pair: a close translation has few, a free one keeps them', () => {
  const start = initialLengthModel(1, [100, 200, 300]);
  const close: [number, number][] = Array.from({ length: 60 }, (_, index) => [100 + 7 * index, Math.round((100 + 7 * index) * (index % 2 === 0 ? 1.04 : 0.96))]);
  const fitted = refitLengthModel(start, close);
  assert.ok(fitted.outlierShare < start.outlierShare / 3, `share ${fitted.outlierShare}`);
  // A fifth of the links a third of their source's length (condensed paragraphs): the wide component stays wide.
  const free = close.map(([source, target], index): [number, number] => [source, index % 5 === 0 ? Math.round(source / 3) : target]);
  assert.ok(refitLengthModel(start, free).outlierShare > start.outlierShare, `share ${refitLengthModel(start, free).outlierShare}`);
  // So a caption of 20 characters linked to a paragraph of 150 costs more in the close pair than the starting model says.
  assert.ok(lengthLogOdds(fitted, 20, 150, 1) < lengthLogOdds(start, 20, 150, 1) - 2);
});

test('lengths that fit the ratio are evidence for a link, lengths that do not are evidence against', () => {
  const model = initialLengthModel(0.9, [100, 150, 200, 250, 300, 350, 400]);
  const fits = lengthLogOdds(model, 300, 270, 1);
  const misfits = lengthLogOdds(model, 300, 130, 1);
  assert.ok(fits > 1, `fits ${fits}`);
  assert.ok(misfits < -1, `misfits ${misfits}`);
  // A merge is judged more leniently than a single paragraph (merged text is rewritten more freely).
  assert.ok(lengthLogOdds(model, 300, 200, 1, true) > lengthLogOdds(model, 300, 200, 1, false));
});

test("the scorer’s hoisted length evidence equals lengthLogOdds (to the precision of its table)", () => {
  const evidence = buildEvidence(
    { texts: ['a'.repeat(300), 'b'.repeat(120), 'c'.repeat(80)], language: 'eng' },
    { texts: ['x'.repeat(270), 'y'.repeat(200)], language: 'eng' },
  );
  const length = initialLengthModel(0.9, evidence.target.lengths);
  const scorer = new LinkScorer(evidence, { length, logPriors: new Float64Array(10), lengthWeight: 1, anchorWeight: 1, maximumReward: 8 });
  assert.ok(Math.abs(scorer.linkEvidence([0], [0]) - lengthLogOdds(length, 300, 270, 1)) < 1e-4);
  assert.ok(Math.abs(scorer.linkEvidence([1, 2], [1]) - lengthLogOdds(length, 200, 200, 1, true)) < 1e-4);
  assert.ok(Math.abs(scorer.linkEvidence([0], [0, 1]) - lengthLogOdds(length, 300, 470, 2, true)) < 1e-4);
});

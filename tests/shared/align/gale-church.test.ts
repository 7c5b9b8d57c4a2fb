import { test } from 'node:test';
import assert from 'node:assert/strict';
import { galeChurchAlign, logNormalTail } from '../../../shared/align/gale-church.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';

test('the normal tail is right where it is known', () => {
  assert.ok(Math.abs(Math.exp(logNormalTail(0)) - 0.5) < 1e-6);
  assert.ok(Math.abs(Math.exp(logNormalTail(1.959964)) - 0.025) < 1e-6);
  // Far tails stay finite in log form.
  assert.ok(Number.isFinite(logNormalTail(40)));
});

test('Gale–Church aligns by length alone: equal lengths 1:1, a split paragraph 2:1', () => {
  const source = ['a'.repeat(100), 'b'.repeat(50), 'c'.repeat(60), 'd'.repeat(200)];
  const target = ['x'.repeat(102), 'y'.repeat(112), 'z'.repeat(195)];
  const links = galeChurchAlign(source, target);
  assert.equal(formatLinks(links), '0-0 1,2-1 3-2');
  assert.deepEqual(findLinkProblems(links, source.length, target.length), []);
});

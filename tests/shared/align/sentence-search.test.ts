import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { searchBlockGrid, type BlockGrid, type BlockStep } from '../../../shared/align/sentence-search.ts';

/** A reproducible score in [-5, 5) for each step; a step with one side empty takes one piece only, as sentence links do. */
function hashedScore(seed: number): BlockGrid['score'] {
  return (i, j, a, b) => {
    if ((a === 0 || b === 0) && a + b !== 1) return -Infinity;
    let hash = (seed ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b) ^ Math.imul(a + 7, 0xc2b2ae35) ^ Math.imul(b + 13, 0x27d4eb2f)) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    hash = (hash ^ (hash >>> 12)) >>> 0;
    return (hash / 2 ** 32) * 10 - 5;
  };
}

function grid(sourceCount: number, targetCount: number, largest: number, score: BlockGrid['score'], temperature = 1): BlockGrid {
  const reach = (count: number) => Int32Array.from({ length: count + 1 }, (_, end) => Math.min(end, largest));
  return { sourceCount, targetCount, sourceReach: reach(sourceCount), targetReach: reach(targetCount), score, temperature };
}

interface Path {
  readonly steps: BlockStep[];
  readonly total: number;
}

/** Every path of the grid, enumerated: the reference the dynamic programme must match. */
function allPaths(block: BlockGrid): Path[] {
  const paths: Path[] = [];
  const walk = (i: number, j: number, steps: BlockStep[], total: number) => {
    if (i === block.sourceCount && j === block.targetCount) {
      paths.push({ steps: [...steps], total });
      return;
    }
    for (let a = 0; i + a <= block.sourceCount; a++) {
      if (a > block.sourceReach[i + a]!) break;
      for (let b = 0; j + b <= block.targetCount; b++) {
        if (b > block.targetReach[j + b]!) break;
        if (a === 0 && b === 0) continue;
        const score = block.score(i, j, a, b);
        if (score === -Infinity) continue;
        steps.push({ i, j, a, b, score });
        walk(i + a, j + b, steps, total + score);
        steps.pop();
      }
    }
  };
  walk(0, 0, [], 0);
  return paths;
}

const key = (step: BlockStep) => `${step.i},${step.j},${step.a},${step.b}`;

test('a grid searched whole gives the best path, posteriors and pieces held together that enumerating every path gives', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.double({ min: 0.5, max: 2, noNaN: true }),
      (sourceCount, targetCount, largest, seed, temperature) => {
        const block = grid(sourceCount, targetCount, largest, hashedScore(seed), temperature);
        const search = searchBlockGrid(block, { guide: [], halfWidth: Math.max(sourceCount, targetCount), widest: 8 });
        const paths = allPaths(block);
        const best = paths.reduce((top, path) => (path.total > top.total ? path : top));
        assert.equal(search.path.map(key).join(' '), best.steps.map(key).join(' '));
        const logTotal = Math.log(paths.reduce((sum, path) => sum + Math.exp(path.total / temperature), 0));
        const posterior = new Map<string, number>();
        const together = { source: new Float64Array(sourceCount), target: new Float64Array(targetCount) };
        for (const path of paths) {
          const probability = Math.exp(path.total / temperature - logTotal);
          for (const step of path.steps) {
            posterior.set(key(step), (posterior.get(key(step)) ?? 0) + probability);
            for (let piece = step.i + 1; piece < step.i + step.a; piece++) together.source[piece]! += probability;
            for (let piece = step.j + 1; piece < step.j + step.b; piece++) together.target[piece]! += probability;
          }
        }
        for (const step of search.path) assert.ok(Math.abs(search.posterior(step) - posterior.get(key(step))!) < 1e-9, key(step));
        const found = search.together();
        for (const side of ['source', 'target'] as const) {
          together[side].forEach((value, piece) => assert.ok(Math.abs(found[side][piece]! - value) < 1e-9, `${side} ${piece}`));
        }
      },
    ),
    { numRuns: 200 },
  );
});

/**
 * A planted alignment of `count` pieces a side, 1:1 except a 2:1 every
 * `every`th (so it drifts from the diagonal), the target pieces left when the
 * source runs out left out, as scores: a step on the plant scores +4, any
 * other link -6, a piece left out -3.
 */
function planted(count: number, every: number): { block: BlockGrid; plant: Set<string> } {
  const plant = new Set<string>();
  let i = 0;
  let j = 0;
  for (; j < count && i < count; j++) {
    const a = j % every === every - 1 && i + 2 <= count ? 2 : 1;
    plant.add(`${i},${j},${a},1`);
    i += a;
  }
  for (; j < count; j++) plant.add(`${count},${j},0,1`);
  const score: BlockGrid['score'] = (i, j, a, b) => {
    if (a === 0 || b === 0) return a + b === 1 ? -3 : -Infinity;
    return plant.has(`${i},${j},${a},${b}`) ? 4 : -6;
  };
  return { block: grid(count, count, 3, score), plant };
}

test('a 1,000 × 1,000 block is searched in a band: work grows with the pieces, not with the grid', () => {
  const count = 1000;
  const { block, plant } = planted(count, 50);
  const search = searchBlockGrid(block, { guide: [], halfWidth: 8, widest: 256 });
  assert.deepEqual(search.path.filter((step) => !plant.has(key(step))), [], 'the planted path is found');
  // A band of half-width 8 around the diagonal has about 4 × 8 + 1 nodes a row, widened where the path drifts 20
  // pieces from it; the whole grid has a million nodes and 16 million steps.
  assert.ok(search.cells <= 80 * (count + 1), `nodes searched: ${search.cells}`);
  assert.ok(search.scored <= 2 * 16 * 80 * (count + 1), `steps scored: ${search.scored}`);
});

test('the band widens where the path drifts from its guide, and follows it', () => {
  const count = 400;
  const { block, plant } = planted(count, 10);
  const search = searchBlockGrid(block, { guide: [], halfWidth: 4, widest: 256 });
  assert.deepEqual(search.path.filter((step) => !plant.has(key(step))), [], 'the planted path, 36 pieces off the diagonal at its end, is found');
  assert.ok(search.cells > 17 * (count + 1), `the band was widened: ${search.cells} nodes`);
  assert.ok(search.cells < ((count + 1) * (count + 1)) / 2, `still a small part of the whole grid: ${search.cells} nodes`);
});

test('a best path far off every band (nothing linked) widens the band to its widest and no further', () => {
  const count = 600;
  const apart = grid(count, count, 3, (_i, _j, a, b) => (a === 0 || b === 0 ? (a + b === 1 ? 1 : -Infinity) : -5));
  const search = searchBlockGrid(apart, { guide: [], halfWidth: 4, widest: 32 });
  // Half-widths 4, 8, 16, 32: each widening searches again from its first widened row, at most the whole band.
  const widestBand = (count + 1) * (4 * 32 + 1);
  assert.ok(search.cells <= 4 * widestBand, `nodes searched: ${search.cells}`);
  assert.ok(search.cells > widestBand / 2, `the band did widen: ${search.cells}`);
  assert.ok(search.cells < (count + 1) * (count + 1), 'not to the whole grid');
  for (const step of search.path) assert.ok(search.posterior(step) >= 0 && search.posterior(step) <= 1);
});

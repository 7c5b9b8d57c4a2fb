import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { initialLengthModel } from '../../../shared/align/length-model.ts';
import { LinkScorer } from '../../../shared/align/scorer.ts';
import { shapes } from '../../../shared/align/shapes.ts';
import { bibleCase } from '../../../bench/bible-corpus.ts';
import { udhrCase } from '../../../bench/udhr-cases.ts';

/** The Bible's verses share names with their neighbours (a group repeats a key) and with the other side; the UDHR's articles, numbers. */
const pairs = [udhrCase('spa'), udhrCase('rus'), bibleCase({ paragraphs: 400 })];

test('a link scores what its paragraphs weigh key by key, however its groups are summed beforehand', () => {
  for (const pair of pairs) {
    const evidence = buildEvidence(pair.source, pair.target);
    const logPriors = Float64Array.from(shapes, (_, index) => Math.log(0.05 + index / 100));
    const scorer = new LinkScorer(evidence, { length: initialLengthModel(1.1, evidence.target.lengths), logPriors, lengthWeight: 1, anchorWeight: 1, maximumReward: 8 });
    let compared = 0;
    shapes.forEach((shape, index) => {
      if (shape.sourceMembers.length === 0 || shape.targetMembers.length === 0) return;
      for (let source = 0; source + shape.sourceSpan <= evidence.source.count; source++) {
        // The links a band search tries: near the diagonal.
        const diagonal = Math.round((source * evidence.target.count) / evidence.source.count);
        for (let target = Math.max(0, diagonal - 6); target <= diagonal + 6 && target + shape.targetSpan <= evidence.target.count; target++) {
          const members = (start: number, offsets: readonly number[]) => offsets.map((offset) => start + offset);
          // linkEvidence takes the members as a list, not as a shape: it weighs every key one by one.
          const expected = logPriors[index]! + scorer.linkEvidence(members(source, shape.sourceMembers), members(target, shape.targetMembers));
          const actual = scorer.score(index, source, target);
          assert.ok(Math.abs(actual - expected) <= 1e-9, `${pair.name}, ${shape.kind} at ${source}, ${target}: ${actual} against ${expected}`);
          compared++;
        }
      }
    });
    assert.ok(compared > 1000, `${compared} links compared`);
  }
});

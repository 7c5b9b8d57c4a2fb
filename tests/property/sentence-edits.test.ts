/**
 * Property of the sentence edits: any sequence of changes (the panel's keys,
 * with any pair, side and sentence, valid or not) on a link's sentence pairs
 * either is refused with `invalid-argument` or leaves pairs that keep every
 * rule of `findSentenceProblem` (cuts and joins of sentences among them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LinkStatus, Side, StoredSentences } from '../../shared/model/alignment.ts';
import { changeSentences, type SentenceChange } from '../../shared/edits/sentence-edits.ts';
import { findSentenceProblem } from '../../shared/model/sentence-invariants.ts';
import { isBitextError } from '../../shared/errors.ts';

/** `n` source and `m` target sentences of ten characters in one paragraph each, paired 1:1 in order, extras alone. */
function sentences(n: number, m: number): StoredSentences {
  const spans = (count: number) => Array.from({ length: count }, (_, index) => ({ paragraph: 0, start: index * 11, end: index * 11 + 10 }));
  const pairs = Array.from({ length: Math.max(n, m) }, (_, index) => ({
    source: index < n ? [index] : [],
    target: index < m ? [index] : [],
    confidence: 0.5,
    status: 'auto' as LinkStatus,
  }));
  return { source: spans(n), target: spans(m), pairs };
}

const side = fc.constantFrom<Side>('source', 'target');
const index = fc.integer({ min: -1, max: 9 });
const change: fc.Arbitrary<SentenceChange> = fc.oneof(
  fc.record({ kind: fc.constant('set-status' as const), pair: index, status: fc.constantFrom<LinkStatus>('auto', 'confirmed', 'rejected') }),
  fc.record({ kind: fc.constant('merge' as const), from: index, to: index }),
  fc.record({ kind: fc.constant('split' as const), pair: index }),
  fc.record({ kind: fc.constant('unlink' as const), pair: index }),
  fc.record({ kind: fc.constant('mark-untranslated' as const), side, sentence: index }),
  fc.record({ kind: fc.constant('shift-boundary' as const), pair: index, side, direction: fc.constantFrom<'up' | 'down'>('up', 'down') }),
  fc.record({ kind: fc.constant('split-sentence' as const), side, sentence: index, at: fc.integer({ min: -1, max: 120 }) }),
  fc.record({ kind: fc.constant('join-sentences' as const), side, sentence: index }),
);

/** The one paragraph's text on each side: words of two to four letters with spaces, so some cuts fall in white space. */
const paragraph = 'ab cd efgh ij klm n opq rs tuvw xy'.repeat(4);

test('sentence edits keep the pairs sound or refuse, for any sequence of changes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(change, { maxLength: 12 }), (n, m, changes) => {
      let current = sentences(n, m);
      const link = { source: [0], target: [0] };
      const length = () => 100;
      assert.equal(findSentenceProblem({ ...link, sentences: current }, length), undefined);
      for (const next of changes) {
        try {
          current = changeSentences(current, next, 0, () => paragraph);
        } catch (error) {
          assert.ok(isBitextError(error) && error.code === 'invalid-argument', String(error));
          continue;
        }
        assert.equal(findSentenceProblem({ ...link, sentences: current }, length), undefined, JSON.stringify(next));
      }
    }),
    { numRuns: 500 },
  );
});

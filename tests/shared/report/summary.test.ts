import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeAlignment } from '../../../shared/report/summary.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';

describe('summarizeAlignment', () => {
  it('counts coverage, review progress, shapes and tags of the corpus alignment', async () => {
    const summary = summarizeAlignment(await corpusAlignment());
    assert.deepEqual(summary.source, { paragraphs: 38, covered: 12, untranslated: 26, unlinked: 0 });
    assert.deepEqual(summary.target, { paragraphs: 10, covered: 10, untranslated: 0, unlinked: 0 });
    assert.equal(summary.links, 36);
    assert.deepEqual(summary.statuses, { auto: 31, confirmed: 5, rejected: 0 });
    assert.equal(summary.confirmedShare, 5 / 36);
    assert.deepEqual(summary.shapes, [
      { shape: '1:0', count: 26 },
      { shape: '1:1', count: 8 },
      { shape: '2:1', count: 2 },
    ]);
    assert.deepEqual(summary.tags.slice(0, 2), [
      { tag: 'caption', count: 3 },
      { tag: 'clutter', count: 2 },
    ]);
    // Mean over the 10 links with both sides.
    assert.equal(summary.meanConfidence?.toFixed(4), ((0.94 + 0.91 + 0.86 + 0.82 + 0.9 + 0.58 + 0.62 + 0.89 + 0.77 + 0.41) / 10).toFixed(4));
  });

  it('counts paragraphs no link holds as unlinked', () => {
    const alignment = makeAlignment(makeDocument(['a', 'b', 'c'], english), makeDocument(['ก', 'ข'], thai), [{ source: [0], target: [0], tags: ['x', 'x'] }]);
    const summary = summarizeAlignment(alignment);
    assert.deepEqual(summary.source, { paragraphs: 3, covered: 1, untranslated: 0, unlinked: 2 });
    assert.deepEqual(summary.target, { paragraphs: 2, covered: 1, untranslated: 0, unlinked: 1 });
    assert.deepEqual(summary.tags, [{ tag: 'x', count: 1 }]);
    assert.equal(summarizeAlignment(makeAlignment(makeDocument([], english), makeDocument([], thai), [])).meanConfidence, undefined);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { listFolder } from '../../../electron/services/folder.ts';
import { alignSide } from '../../../shared/pipeline.ts';
import { pairDocuments } from '../../../shared/corpus/pairing.ts';

const corpus = new URL('../../../corpus', import.meta.url).pathname;

test('corpus: the Thai article pairs with its English original and with none of the other English articles', async () => {
  const { documents, skipped } = await listFolder(corpus);
  assert.equal(documents.length, 5);
  assert.deepEqual(skipped, []);
  const { candidates, proposals } = pairDocuments(documents.map((document) => ({ id: basename(document.path), ...alignSide(document) })));
  assert.deepEqual(
    proposals.map((pair) => [pair.source, pair.target]),
    [['nato-asia-2023.en.original-with-page-clutter.txt', 'nato-asia-2023.th.translation.txt']],
  );
  // Every English–Thai combination was scored; same-language pairs are not candidates.
  assert.equal(candidates.length, 4);
  const [best, runnerUp] = candidates;
  assert.ok(best!.score - runnerUp!.score > 0.3, `the true pair (${best!.score}) stands clear of the next (${runnerUp!.score})`);
  assert.ok(best!.sharedAnchors.includes('name:stoltenberg'));
});

test('a document with no counterpart in another language gets no proposal', () => {
  const english = { id: 'a', language: 'eng', texts: ['Nato chief Jens Stoltenberg visits Seoul on Sunday.'] };
  const english2 = { id: 'b', language: 'eng', texts: ['Nato chief Jens Stoltenberg visits Seoul on Sunday.'] };
  assert.deepEqual(pairDocuments([english, english2]).proposals, []);
});

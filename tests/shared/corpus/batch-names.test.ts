import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairName, uniqueNames } from '../../../shared/corpus/batch-names.ts';

test('a pair is named from its two file names: the shared part once, then what differs', () => {
  assert.equal(pairName('/data/declaration.en.txt', '/data/declaration.ja.txt'), 'declaration.en-ja');
  assert.equal(pairName('corpus/nato-asia-2023.en.original.txt', 'corpus/nato-asia-2023.th.translation.txt'), 'nato-asia-2023.en.original-th.translation');
  assert.equal(pairName('english.txt', 'thai.txt'), 'english--thai');
  assert.equal(pairName('C:\\docs\\a.txt', 'C:\\docs\\b.txt'), 'a--b');
});

test('names are made unique without case; names the manifest gives are kept and stepped around', () => {
  const names = uniqueNames([
    { source: 'x/doc.en.txt', target: 'x/doc.th.txt' },
    { source: 'y/doc.en.txt', target: 'y/doc.th.txt' },
    { source: 'a.txt', target: 'b.txt', name: 'doc.en-th-3' },
    { source: 'z/DOC.en.txt', target: 'z/DOC.th.txt' },
    { source: 'c.txt', target: 'd.txt', name: 'same' },
    { source: 'e.txt', target: 'f.txt', name: 'same' },
  ]);
  assert.deepEqual(names, ['doc.en-th', 'doc.en-th-2', 'doc.en-th-3', 'DOC.en-th-4', 'same', 'same-2']);
});

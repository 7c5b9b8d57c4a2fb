import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../../shared/corpus/manifest.ts';
import { isBitextError } from '../../../shared/errors.ts';

test('TSV: SOURCE<TAB>TARGET[<TAB>NAME], comments and blank lines skipped, lines counted from 1', () => {
  const pairs = parseManifest('# original\ttranslation\n\na/en.txt\ta/th.txt\n b.en.txt \tb.ja.txt\tnews-b\r\n', 'm.tsv');
  assert.deepEqual(pairs, [
    { source: 'a/en.txt', target: 'a/th.txt', line: 3 },
    { source: 'b.en.txt', target: 'b.ja.txt', name: 'news-b', line: 4 },
  ]);
});

test('JSONL: {"source", "target", "name"?} per line; a name ending in .bitext loses it', () => {
  const pairs = parseManifest('{"source":"en.txt","target":"th.txt"}\n# a comment\n{"source":"x.txt","target":"y.txt","name":"xy.bitext"}\n', 'm.jsonl');
  assert.deepEqual(pairs, [
    { source: 'en.txt', target: 'th.txt', line: 1 },
    { source: 'x.txt', target: 'y.txt', name: 'xy', line: 3 },
  ]);
});

function errorOf(text: string): string {
  try {
    parseManifest(text, 'm.tsv');
  } catch (error) {
    assert.ok(isBitextError(error));
    return error.message;
  }
  assert.fail('expected an error');
}

test('a bad line is named by file and line', () => {
  assert.match(errorOf('a.txt\tb.txt\nonly-one-field\n'), /^m\.tsv:2: expected SOURCE<TAB>TARGET/);
  assert.match(errorOf('{"source":"a"}\n'), /^m\.tsv:1: "target" must be a non-empty string/);
  assert.match(errorOf('{"source":"a","target":"b"}\n{oops\n'), /^m\.tsv:2: not a JSON object/);
  assert.match(errorOf('a.txt\tb.txt\t../escape\n'), /^m\.tsv:1: "\.\.\/escape" is not a file name/);
  assert.match(errorOf('a.txt\tb.txt\t.hidden\n'), /is not a file name/);
  assert.match(errorOf('# nothing\n\n'), /lists no pairs/);
});

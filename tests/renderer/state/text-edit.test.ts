/**
 * The one text edit path (renderer/state/text-edit.ts): offsets follow typing,
 * line breaks go through the rebase, and the links keep their paragraphs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdit, applyTextEdits, lineEndEdits, rebaseParagraph, touchesLineBreaks } from '../../../renderer/state/text-edit.ts';
import { formatLinks, parseLinks, type Alignment } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';

function document(text: string): BitextDocument {
  return {
    path: 'test.txt',
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: { iso6393: 'eng', bcp47: 'en', script: 'Latn' } },
    text,
    paragraphs: splitParagraphs(text),
  };
}

function alignment(source: string, target: string, links: string): Alignment {
  return {
    schemaVersion: 3,
    tool: { name: 'test', version: '0' },
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    source: document(source),
    target: document(target),
    links: parseLinks(links).map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' as const })),
  };
}

function texts(doc: BitextDocument): string[] {
  return doc.paragraphs.map((paragraph) => doc.text.slice(paragraph.start, paragraph.end));
}

test('typing inside, at the end and at the start of a paragraph grows that paragraph only', () => {
  let doc = document('First one.\nSecond one.\nThird.');
  doc = applyTextEdit(doc, { offset: 5, length: 0, text: ' little' }); // inside paragraph 0
  doc = applyTextEdit(doc, { offset: 29, length: 0, text: '!' }); // at the end of paragraph 1
  doc = applyTextEdit(doc, { offset: 31, length: 0, text: 'The ' }); // at the start of paragraph 2
  assert.deepEqual(texts(doc), ['First little one.', 'Second one.!', 'The Third.']);
});

test('a deletion across a paragraph end keeps the paragraphs in order and never negative', () => {
  const doc = applyTextEdit(document('Alpha beta.\nGamma delta.'), { offset: 6, length: 12, text: '' });
  assert.equal(doc.text, 'Alpha delta.');
  assert.deepEqual(doc.paragraphs.map((paragraph) => [paragraph.start, paragraph.end]), [
    [0, 6],
    [6, 12],
  ]);
});

test('Enter at the end of a paragraph does not pull the new line into it', () => {
  const paragraph = rebaseParagraph({ start: 0, end: 5 }, { offset: 5, length: 0, text: '\n' });
  assert.deepEqual(paragraph, { start: 0, end: 5 });
  const next = rebaseParagraph({ start: 6, end: 9 }, { offset: 6, length: 0, text: 'x\n' });
  assert.deepEqual(next, { start: 8, end: 11 }, 'text ending in a line break typed at a start pushes the paragraph down');
});

test('typing keeps the links; a new line break splits the paragraph and the link keeps both parts', () => {
  const before = alignment('One two three.\nFour five six.', 'Un deux trois.\nQuatre cinq six.', '0-0 1-1');
  const typed = applyTextEdits(before, 'source', [{ offset: 3, length: 0, text: ' and a half' }], '2026-01-02T00:00:00.000Z');
  assert.equal(typed.report, undefined, 'typing inside a paragraph needs no rebase');
  assert.equal(texts(typed.alignment.source)[0], 'One and a half two three.');
  assert.equal(formatLinks(typed.alignment.links), '0-0 1-1');
  assert.equal(typed.alignment.modified, '2026-01-02T00:00:00.000Z');

  const split = applyTextEdits(typed.alignment, 'source', [{ offset: 14, length: 1, text: '\n' }], '2026-01-02T00:00:01.000Z');
  assert.ok(split.report, 'a line break goes through the rebase');
  assert.deepEqual(texts(split.alignment.source), ['One and a half', 'two three.', 'Four five six.']);
  assert.equal(formatLinks(split.alignment.links), '0,1-0 2-1');
  assert.deepEqual(findLinkProblems(split.alignment.links, 3, 2), []);
});

test('text typed on a line of its own starts a new paragraph, unlinked; the links around it stay', () => {
  const before = alignment('One two three.\n\nFour five six.', 'Un deux trois.\nQuatre cinq six.', '0-0 1-1');
  const typed = applyTextEdits(before, 'source', [{ offset: 15, length: 0, text: 'N' }], '2026-01-02T00:00:00.000Z');
  assert.ok(typed.report, 'a paragraph begins: the rebase brings it in');
  assert.deepEqual(texts(typed.alignment.source), ['One two three.', 'N', 'Four five six.']);
  assert.equal(formatLinks(typed.alignment.links), '0-0 1-∅ 2-1');
  const more = applyTextEdits(typed.alignment, 'source', [{ offset: 16, length: 0, text: 'ew' }], '2026-01-02T00:00:01.000Z');
  assert.equal(more.report, undefined, 'typing on in it is typing inside a paragraph');
  assert.deepEqual(texts(more.alignment.source), ['One two three.', 'New', 'Four five six.']);
  const blank = applyTextEdits(before, 'source', [{ offset: 15, length: 0, text: ' ' }], '2026-01-02T00:00:02.000Z');
  assert.equal(blank.report, undefined, 'white space alone starts nothing');
});

test('edits in one change are applied from the last to the first', () => {
  const before = alignment('aaa bbb', 'x', '0-0');
  const { alignment: after } = applyTextEdits(
    before,
    'source',
    [
      { offset: 0, length: 3, text: 'A' },
      { offset: 4, length: 3, text: 'B' },
    ],
    'now',
  );
  assert.equal(after.source.text, 'A B');
  assert.deepEqual(texts(after.source), ['A B']);
});

test('touchesLineBreaks sees line breaks typed and deleted', () => {
  assert.equal(touchesLineBreaks('a\nb', { offset: 1, length: 1, text: '' }), true);
  assert.equal(touchesLineBreaks('a\nb', { offset: 0, length: 0, text: 'x\r\n' }), true);
  assert.equal(touchesLineBreaks('a\nb', { offset: 0, length: 1, text: 'y' }), false);
});

test('lineEndEdits turns mixed line ends into one kind', () => {
  const text = 'a\r\nb\nc\rd';
  const edits = lineEndEdits(text, '\n');
  const result = [...edits].sort((x, y) => y.offset - x.offset).reduce((value, edit) => value.slice(0, edit.offset) + edit.text + value.slice(edit.offset + edit.length), text);
  assert.equal(result, 'a\nb\nc\nd');
  assert.deepEqual(lineEndEdits('a\nb', '\n'), []);
});

test('for any typing without line breaks, the paragraph typed in gets the text, the others stay as they were', () => {
  fc.assert(
    fc.property(
      fc.array(fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,4}$/), { minLength: 1, maxLength: 6 }),
      fc.nat(),
      fc.stringMatching(/^[a-z ]{1,5}$/),
      (lines, at, typed) => {
        const doc = document(lines.join('\n'));
        const offset = at % (doc.text.length + 1);
        const after = applyTextEdit(doc, { offset, length: 0, text: typed });
        assert.equal(after.text, doc.text.slice(0, offset) + typed + doc.text.slice(offset));
        assert.equal(after.paragraphs.length, doc.paragraphs.length);
        doc.paragraphs.forEach((old, index) => {
          const oldText = doc.text.slice(old.start, old.end);
          const inside = offset >= old.start && offset <= old.end;
          const expected = inside ? oldText.slice(0, offset - old.start) + typed + oldText.slice(offset - old.start) : oldText;
          const paragraph = after.paragraphs[index]!;
          assert.equal(after.text.slice(paragraph.start, paragraph.end), expected, `paragraph ${index}`);
        });
      },
    ),
    { numRuns: 300 },
  );
});

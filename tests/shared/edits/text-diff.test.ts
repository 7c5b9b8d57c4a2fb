import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffTexts, mapOffset, mapRange, tokenize } from '../../../shared/edits/text-diff.ts';
import type { TextDiff } from '../../../shared/edits/text-diff.ts';

/** The runs as `old@new:text` strings, to read at a glance. */
function runs(diff: TextDiff, oldText: string): string[] {
  return diff.runs.map((run) => `${run.oldStart}@${run.newStart}:${oldText.slice(run.oldStart, run.oldStart + run.length)}`);
}

describe('tokenize', () => {
  it('splits words, spaces and punctuation, and Thai into characters with their marks', () => {
    assert.deepEqual(tokenize('Nato chief’s visit, 2023.'), ['Nato', ' ', 'chief', '’', 's', ' ', 'visit', ',', ' ', '2023', '.']);
    assert.deepEqual(tokenize('นาโต้ 80'), ['น', 'า', 'โ', 'ต้', ' ', '80']);
    assert.deepEqual(tokenize('Yoon Suk-yeolรัฐมนตรี'), ['Yoon', ' ', 'Suk', '-', 'yeol', 'รั', 'ฐ', 'ม', 'น', 'ต', 'รี']);
  });

  it('gives the text back when joined, astral characters included', () => {
    const text = 'a😀b\r\n\tค่ะ  漢字かな — end';
    assert.equal(tokenize(text).join(''), text);
  });
});

describe('diffTexts', () => {
  it('finds one run for identical texts', () => {
    const diff = diffTexts('same text', 'same text');
    assert.deepEqual(runs(diff, 'same text'), ['0@0:same text']);
    assert.equal(diff.method, 'tokens');
    assert.equal(diff.approximate, false);
  });

  it('keeps whole words around a replaced word', () => {
    const oldText = 'The war in Ukraine will be high on the agenda.';
    const newText = 'The war in Ukraine will be very high on the agenda.';
    assert.deepEqual(runs(diffTexts(oldText, newText), oldText), ['0@0:The war in Ukraine will be ', '27@32:high on the agenda.']);
  });

  it('does not match stray letters between unrelated words', () => {
    const oldText = 'alpha\nbeta';
    const newText = 'alpha\ngamma';
    // A character diff would keep the "a" of "beta" inside "gamma".
    assert.deepEqual(runs(diffTexts(oldText, newText), oldText), ['0@0:alpha\n']);
  });

  it('falls back to matching lines when the token diff passes its cap', () => {
    const oldText = 'one two three\nsame line\nfour five six';
    const newText = 'seven eight nine\nsame line\nten eleven twelve';
    const diff = diffTexts(oldText, newText, { maxEditLength: 2 });
    assert.equal(diff.method, 'lines');
    assert.deepEqual(runs(diff, oldText), ['14@17:same line\n']);
    // The stretches around the anchor are still beyond the cap: some shared text (spaces) may be missed.
    assert.equal(diff.approximate, true);
  });

  it('diffs the stretches between matched lines when they fit the cap', () => {
    const oldText = 'x\nkeep this line\nthe end';
    const newText = 'y\nkeep this line\nthe end!';
    // The whole texts need 3 token edits (x→y, +!); each stretch between the anchor lines needs at most 2.
    const diff = diffTexts(oldText, newText, { maxEditLength: 2 });
    assert.equal(diff.method, 'lines');
    assert.equal(diff.approximate, false);
    assert.deepEqual(runs(diff, oldText), ['1@1:\nkeep this line\nthe end']);
  });
});

describe('mapOffset', () => {
  const oldText = 'ab cd ef';
  const newText = 'ab XY cd ef';
  const diff = diffTexts(oldText, newText);

  it('moves offsets in shared text with it', () => {
    assert.equal(mapOffset(diff, 0), 0);
    assert.equal(mapOffset(diff, 4), 7);
    assert.equal(mapOffset(diff, 8), 11);
  });

  it('keeps an offset at an insertion point before the insertion unless told otherwise', () => {
    assert.equal(runs(diff, oldText).join(' | '), '0@0:ab  | 3@6:cd ef');
    assert.equal(mapOffset(diff, 3), 3);
    assert.equal(mapOffset(diff, 3, 'after'), 6);
  });

  it('sends offsets inside deleted text to the edge the bias names', () => {
    const deleted = diffTexts('keep DROP keep', 'keep keep');
    assert.equal(mapOffset(deleted, 7, 'before'), 5);
    assert.equal(mapOffset(deleted, 7, 'after'), 5);
    const replaced = diffTexts('aa bb cc', 'aa XX cc');
    assert.equal(mapOffset(replaced, 4, 'before'), 3);
    assert.equal(mapOffset(replaced, 4, 'after'), 5);
    assert.equal(mapOffset(replaced, 3), 3);
    assert.equal(mapOffset(replaced, 5), 5);
  });

  it('clamps offsets outside the text', () => {
    assert.equal(mapOffset(diff, -5), 0);
    assert.equal(mapOffset(diff, 99), 11);
  });

  it('maps a range so text inserted at its edges stays outside', () => {
    const edges = diffTexts('[para]', '[new para more]');
    assert.deepEqual(mapRange(edges, { start: 1, end: 5 }), { start: 5, end: 9 });
    const gone = diffTexts('aa bb cc', 'aa cc');
    assert.deepEqual(mapRange(gone, { start: 3, end: 5 }), { start: 3, end: 3 });
  });
});

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
    assert.equal(diff.method, 'exact');
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

  it('anchors a large diff on unique lines and tokens, and still finds every shared line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} says the same thing again.`);
    const edited = [...lines];
    edited.splice(10, 1); // delete a line
    edited[100] = 'Paragraph 101 says something else entirely now.'; // rewrite one
    edited.splice(200, 0, 'A new paragraph.'); // insert one
    edited[250] = edited[250]!.replace('same', 'very same'); // edit inside one
    const oldText = lines.join('\n');
    const newText = edited.join('\n');
    const diff = diffTexts(oldText, newText);
    assert.equal(diff.method, 'anchored');
    assert.equal(diff.approximate, false);
    const shared = diff.runs.reduce((sum, run) => sum + run.length, 0);
    // All text is shared except the deleted line, the rewritten words, the inserted line and the inserted word.
    const lost = oldText.length - shared;
    const gained = newText.length - shared;
    assert.ok(lost < 90 && gained < 90, `lost ${lost}, gained ${gained}`);
    for (const run of diff.runs) {
      assert.equal(oldText.slice(run.oldStart, run.oldStart + run.length), newText.slice(run.newStart, run.newStart + run.length));
    }
    // A line between the deleted and the inserted one moved up with its text.
    const line = lines[50]!;
    assert.equal(mapOffset(diff, oldText.indexOf(line)), newText.indexOf(line));
  });

  it('gives up on a large piece with no anchors past the cap, and says so', () => {
    const oldText = 'ab cd '.repeat(200);
    const newText = 'ef gh '.repeat(200);
    const capped = diffTexts(oldText, newText, { maxEditLength: 10 });
    assert.equal(capped.approximate, true);
    // Only the common last character, found before the middle is diffed.
    assert.deepEqual(capped.runs, [{ oldStart: 1199, newStart: 1199, length: 1 }]);
    const uncapped = diffTexts(oldText, newText, { maxEditLength: 10000 });
    assert.equal(uncapped.approximate, false);
    // Myers finds the shared spaces when it may look far enough.
    assert.equal(uncapped.runs.reduce((sum, run) => sum + run.length, 0), 400);
  });

  it('is exact for a small change', () => {
    assert.equal(diffTexts('a b c', 'a x c').method, 'exact');
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

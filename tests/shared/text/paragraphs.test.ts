import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { splitParagraphs, foldWhitespace, isWhiteSpace } from '../../../shared/text/paragraphs.ts';

const corpus = (name: string) => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');
const texts = (text: string) => splitParagraphs(text).map(({ start, end }) => text.slice(start, end));

test('a file written one paragraph per line: every non-empty line is a paragraph', () => {
  const english = corpus('nato-asia-2023.en.original-with-page-clutter.txt');
  const paragraphs = texts(english);
  assert.equal(paragraphs.length, 38);
  assert.deepEqual(paragraphs.slice(0, 3), ['Advertisement', 'Advertisement', 'Nato']);
  assert.equal(paragraphs[8], '• Nato chief’s visits to Seoul and Tokyo next week reflect the greater emphasis the transatlantic partnership is putting on East Asia, an analyst said');
  assert.equal(paragraphs.at(-1), '66');
  assert.equal(texts(corpus('nato-asia-2023.th.translation.txt')).length, 10);
});

test('blocks separated by blank lines; blank and white-space-only lines are not paragraphs', () => {
  const text = '\n\nFirst paragraph.\n   \n\t\nSecond one.\r\n\r\nThird.\n\n';
  assert.deepEqual(texts(text), ['First paragraph.', 'Second one.', 'Third.']);
});

test('hard-wrapped text is joined back into paragraphs, keeping offsets into the original', () => {
  const wrapped = [
    'The war in Ukraine will also be high on the agenda, with Tokyo and Seoul',
    'likely to confirm the release of additional non-lethal equipment for Kyiv.',
    'Previously, the two governments provided battlefield medical supplies.',
    '',
    'There have been incremental shifts in both East Asian capitals, however.',
    'South Korea, for example, recently signed an agreement with Poland to',
    'provide heavy tanks.',
    '',
    '- a list item that is short',
    '- another list item',
  ].join('\n');
  const ranges = splitParagraphs(wrapped);
  const paragraphs = ranges.map(({ start, end }) => wrapped.slice(start, end));
  assert.equal(paragraphs.length, 4);
  assert.ok(paragraphs[0]!.startsWith('The war') && paragraphs[0]!.endsWith('medical supplies.'));
  assert.equal(foldWhitespace(paragraphs[1]!), 'There have been incremental shifts in both East Asian capitals, however. South Korea, for example, recently signed an agreement with Poland to provide heavy tanks.');
  assert.deepEqual(paragraphs.slice(2), ['- a list item that is short', '- another list item']);
});

test('short lines in a block are a list of paragraphs, not a wrapped paragraph', () => {
  assert.deepEqual(texts('Advertisement\nNato\nLearn more\n03:33\n'), ['Advertisement', 'Nato', 'Learn more', '03:33']);
});

test('offsets are ordered, non-overlapping and trimmed', () => {
  for (const name of ['nato-asia-2023.en.original-with-page-clutter.txt', 'related.en.japan-south-korea-putin-kim.txt']) {
    const text = corpus(name);
    let previousEnd = 0;
    for (const { start, end } of splitParagraphs(text)) {
      assert.ok(start >= previousEnd && end > start);
      assert.equal(text.slice(start, end).trim(), text.slice(start, end));
      previousEnd = end;
    }
  }
});

test('folding white space: every run of it one space, the ends trimmed, text with nothing to fold kept as it is', () => {
  const white = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', 'word', 'ไทย', '');
  fc.assert(fc.property(fc.array(white, { maxLength: 12 }), (parts) => {
    const text = parts.join('');
    assert.equal(foldWhitespace(text), text.replace(/\s+/gu, ' ').trim());
  }));
  assert.equal(foldWhitespace(' one  two\nthree\u00a0four '), 'one two three four');
});

test('isWhiteSpace is what String.prototype.trim removes, for every UTF-16 code unit', () => {
  const differing: string[] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    const trimmed = String.fromCharCode(unit).trim() === '';
    if (isWhiteSpace(unit) !== trimmed) differing.push(unit.toString(16));
  }
  assert.deepEqual(differing, []);
});

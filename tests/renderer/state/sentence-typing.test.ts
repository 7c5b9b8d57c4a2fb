/** Typing inside a paragraph whose link stores sentence pairs fixed by hand: they follow, or are dropped and said so. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { applyTextEdits } from '../../../renderer/state/text-edit.ts';
import { sentencesOfLink, toStoredSentences } from '../../../shared/align/link-sentences.ts';
import { applyEdit } from '../../../shared/edits/operations.ts';
import { makeTextAlignment, now } from '../../shared/edits/fixture.ts';

const base = makeTextAlignment(['Nato met in Seoul. It was 2023. Leaders spoke at length. Then they left.', 'A second paragraph.'], ['Nato ประชุมที่โซล. ปี 2023. ผู้นำพูดนาน. แล้วก็กลับ.', 'ย่อหน้าที่สอง.'], '0-0 1-1');
const fixed = applyEdit(base, { kind: 'edit-sentences', link: 0, base: toStoredSentences(sentencesOfLink(base, 0)!), change: { kind: 'merge', from: 0, to: 1 }, now });

test('a word typed inside a sentence: the fixed pairs follow the text', () => {
  const offset = fixed.source.text.indexOf('2023');
  const { alignment, droppedSentences } = applyTextEdits(fixed, 'source', [{ offset, length: 0, text: 'the year ' }], now);
  assert.equal(droppedSentences, undefined);
  const spans = alignment.links[0]!.sentences!.source;
  assert.equal(alignment.source.text.slice(spans[1]!.start, spans[1]!.end), 'It was the year 2023.');
  assert.equal(alignment.source.text.slice(spans[3]!.start, spans[3]!.end), 'Then they left.');
  assert.deepEqual(alignment.links[0]!.sentences!.pairs, fixed.links[0]!.sentences!.pairs);
});

test('two sentences rewritten at once: the fix is dropped and the link named', () => {
  const from = fixed.source.text.indexOf('It was');
  const to = fixed.source.text.indexOf('Then');
  const { alignment, droppedSentences } = applyTextEdits(fixed, 'source', [{ offset: from, length: to - from, text: 'Much happened. ' }], now);
  assert.deepEqual(droppedSentences, [0]);
  assert.equal(alignment.links[0]!.sentences, undefined);
  assert.equal(alignment.links[1], fixed.links[1], 'other links untouched');
});

import assert from 'node:assert/strict';
import test from 'node:test';
import { planCut, planSentenceCommand, type SentenceContext } from '../../../renderer/sentences/sentence-commands.ts';
import { cutPositions, nearestPosition, stepPosition } from '../../../renderer/sentences/sentence-cut.ts';
import { sentencesOfLink, storedBlock, toStoredSentences } from '../../../shared/align/link-sentences.ts';
import type { StoredSentences } from '../../../shared/model/alignment.ts';
import { applyEdit } from '../../../shared/edits/operations.ts';
import { makeTextAlignment, now } from '../../shared/edits/fixture.ts';

const alignment = makeTextAlignment(
  ['Nato met in Seoul. It was 2023. Leaders spoke at length. Then they left.'],
  ['Nato ประชุมที่โซล. ปี 2023. ผู้นำพูดนาน. แล้วก็กลับ.'],
  '0-0',
);

function context(extra: Partial<SentenceContext> = {}): SentenceContext {
  return { link: 0, block: sentencesOfLink(alignment, 0)!, stored: false, selected: 0, marks: [], now, ...extra };
}

test('the review keys plan sentence edits: the first carries the computed pairs as its base', () => {
  const plan = planSentenceCommand('merge-next', context());
  assert.equal(plan.kind, 'edit');
  if (plan.kind !== 'edit') return;
  assert.equal(plan.edit.kind, 'edit-sentences');
  const merged = applyEdit(alignment, plan.edit);
  assert.deepEqual(merged.links[0]!.sentences!.pairs.map((pair) => `${pair.source}-${pair.target}`), ['0,1-0,1', '2-2', '3-3']);
  // Confirm moves the selection to the next pair still to review.
  const confirm = planSentenceCommand('confirm-next', context());
  assert.equal(confirm.kind === 'edit' && confirm.select, 1);
});

test('moving, marking, refusing and handing back', () => {
  assert.deepEqual(planSentenceCommand('next-link', context()), { kind: 'select', pair: 1 });
  assert.deepEqual(planSentenceCommand('last-link', context()), { kind: 'select', pair: 3 });
  assert.deepEqual(planSentenceCommand('toggle-mark', context({ selected: 2 })), { kind: 'marks', marks: [2] });
  const linked = planSentenceCommand('link-marked', context({ selected: 0, marks: [2] }));
  assert.ok(linked.kind === 'edit' && linked.edit.kind === 'edit-sentences' && linked.edit.change.kind === 'merge' && linked.edit.change.to === 2);
  assert.equal(planSentenceCommand('split', context()).kind, 'refused');
  assert.equal(planSentenceCommand('realign', context()).kind, 'refused');
  assert.deepEqual(planSentenceCommand('realign', context({ stored: true })).kind, 'edit');
  assert.deepEqual(planSentenceCommand('undo', context()), { kind: 'pass' });
  assert.deepEqual(planSentenceCommand('focus-editor', context()), { kind: 'leave' });
  assert.deepEqual(planSentenceCommand('next-paragraph', context()), { kind: 'select', pair: 0, sentence: { side: 'target', index: 0 } });
});

/** Pairs written `0-0 1-∅ 2-1`, stored on link 0 of {@link alignment}, as a context with `selected`. */
function storedContext(compact: string, selected: number, sentence?: SentenceContext['sentence']): SentenceContext {
  const computed = sentencesOfLink(alignment, 0)!;
  const side = (text: string) => (text === '∅' ? [] : text.split(',').map(Number));
  const pairs = compact.split(' ').map((token) => {
    const [source = '', target = ''] = token.split('-');
    return { source: side(source), target: side(target), confidence: 1, status: 'confirmed' as const };
  });
  const stored: StoredSentences = { source: computed.sourceSentences, target: computed.targetSentences, pairs };
  return { link: 0, block: storedBlock(0, stored), stored: true, selected, marks: [], now, ...(sentence ? { sentence } : {}) };
}

/** Applies a plan's edit to the alignment storing the context's pairs; the pairs after it, and what the plan selects. */
function after(context: SentenceContext, plan: ReturnType<typeof planSentenceCommand>): string {
  assert.equal(plan.kind, 'edit', JSON.stringify(plan));
  if (plan.kind !== 'edit') return '';
  const stored = { ...alignment, links: [{ ...alignment.links[0]!, sentences: toStoredSentences(context.block) }] };
  const pairs = applyEdit(stored, plan.edit).links[0]!.sentences!.pairs;
  const side = (indices: readonly number[]) => (indices.length === 0 ? '∅' : indices.join(','));
  const picked = plan.sentence ? ` picked ${plan.sentence.side} ${plan.sentence.index}` : '';
  return `${pairs.map((pair) => `${side(pair.source)}-${side(pair.target)}`).join(' ')} selected ${plan.select}${picked}`;
}

test('K and J select the pair the moved sentence went to, even where the pair it left broke into none or several (was one off)', () => {
  // J on a one-sided pair: the pair is gone, the sentence is in what was the next pair, now at the same index.
  const lone = storedContext('0-0 1-∅ 2-1 3-2,3', 1);
  assert.equal(after(lone, planSentenceCommand('shift-down', lone)), '0-0 1,2-1 3-2,3 selected 1 picked source 1');
  // J on the translation of 1,2-3: what stays of the pair is two one-sided pairs, so the receiver is two further on.
  const wide = storedContext('0-0 1,2-1 ∅-2 3-3', 1, { side: 'target', index: 1 });
  assert.equal(after(wide, planSentenceCommand('shift-down', wide)), '0-0 1-∅ 2-∅ ∅-1,2 3-3 selected 3 picked target 1');
  // K keeps the side it moved: the next K moves a translation sentence again, not the original's.
  const up = storedContext('0-0 1-1 2-2,3 3-∅', 2, { side: 'target', index: 2 });
  assert.equal(after(up, planSentenceCommand('shift-up', up)), '0-0 1-1,2 2-3 3-∅ selected 1 picked target 2');
  // U on the last sentence of a pair whose rest stands alone in several pairs: selected where it is.
  const last = storedContext('0-0 1,2-1 3-2,3', 2, { side: 'target', index: 3 });
  assert.equal(after(last, planSentenceCommand('mark-untranslated', last)), '0-0 1,2-1 3-2 ∅-3 selected 3 picked target 3');
});

test('Shift+S shows a cut in the picked sentence and Enter cuts there; Shift+M joins with the next sentence', () => {
  const computed = context({ selected: 2, sentence: { side: 'source', index: 2 } });
  assert.deepEqual(planSentenceCommand('split-sentence', computed), { kind: 'cut', sentence: { side: 'source', index: 2 } });
  const at = alignment.source.text.indexOf('at length');
  const cut = planCut(computed, { side: 'source', index: 2 }, at);
  assert.equal(after(computed, cut), '0-0 1-1 2,3-2 4-3 selected 2 picked source 2');
  const joined = planSentenceCommand('join-sentence', context({ selected: 1, sentence: { side: 'target', index: 1 } }));
  assert.equal(after(computed, joined), '0-0 1,2-1 3-2 selected 1 picked target 1');
  assert.deepEqual(planSentenceCommand('join-sentence', context({ selected: 3, sentence: { side: 'source', index: 3 } })), {
    kind: 'refused',
    reason: 'That is the last original sentence of the link: there is no next one to join it with.',
  });
});

test('a cut moves by word (Thai words too) or by letter, never into white space or inside a letter', () => {
  assert.deepEqual(cutPositions('Leaders spoke at length.', 'en', 'word'), [8, 14, 17, 23]);
  // Thai has no spaces between words: the cut still falls between words, and a letter keeps its tone mark.
  const thai = 'ผู้นำพูดนาน';
  const words = cutPositions(thai, 'th', 'word');
  assert.ok(words.includes(thai.indexOf('พูด')) && words.every((at) => at > 0 && at < thai.length), String(words));
  assert.ok(!cutPositions(thai, 'th', 'grapheme').includes(1), 'not between ผ and its vowel mark');
  assert.deepEqual(cutPositions('One', 'en', 'word'), []);
  assert.equal(nearestPosition([8, 14, 17], 12), 14);
  assert.equal(stepPosition([8, 14, 17], 14, 1), 17);
  assert.equal(stepPosition([8, 14, 17], 14, -1), 8);
  assert.equal(stepPosition([8, 14, 17], 17, 1), undefined);
  assert.equal(stepPosition([8, 14, 17], 14, Infinity), 17);
});

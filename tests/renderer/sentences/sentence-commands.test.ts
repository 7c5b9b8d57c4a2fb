import assert from 'node:assert/strict';
import test from 'node:test';
import { planSentenceCommand, type SentenceContext } from '../../../renderer/sentences/sentence-commands.ts';
import { sentencesOfLink } from '../../../shared/align/link-sentences.ts';
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

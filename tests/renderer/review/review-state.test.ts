/**
 * The review's state functions in renderer/state/workbench-state.ts: one
 * undo history over link edits, notes, typing and reloads; dirty again only
 * away from the saved alignment; the review panel's state; and the store
 * holding back changes asked for while its listeners are being told.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alignmentEdited,
  alignmentReplaced,
  createStore,
  historyStepped,
  initialState,
  isDirty,
  reviewChanged,
  sessionOpened,
  sessionSaved,
  textEdited,
  type WorkbenchState,
} from '../../../renderer/state/workbench-state.ts';
import { formatLinks, parseLinks, type Alignment } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';

function document(text: string): BitextDocument {
  return {
    path: '/docs/a.txt',
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: { iso6393: 'eng', bcp47: 'en', script: 'Latn' } },
    text,
    paragraphs: splitParagraphs(text),
  };
}

const start: Alignment = {
  schemaVersion: 3,
  tool: { name: 'test', version: '0' },
  created: 'then',
  modified: 'then',
  source: document('One.\nTwo.\nThree.'),
  target: document('Un.\nDeux.\nTrois.'),
  links: parseLinks('0-0 1-1 2-2').map((link) => ({ ...link, score: 0, confidence: 0.9, status: 'auto' as const })),
};

const opened = () => sessionOpened(initialState, { alignment: start, suggestedPath: '/docs/a.bitext', warnings: [] });
const at = (second: number) => `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const links = (state: WorkbenchState) => formatLinks(state.session!.alignment.links);

test('one history: a link edit, a note and typing undo one by one, text and links together, then redo', () => {
  let state = opened();
  state = alignmentEdited(state, { kind: 'merge-next', link: 0, now: at(1) });
  state = alignmentEdited(state, { kind: 'set-note', link: 0, note: 'Che', now: at(2) });
  state = alignmentEdited(state, { kind: 'set-note', link: 0, note: 'Check', now: at(3) });
  state = textEdited(state, 'source', [{ offset: 0, length: 0, text: 'Just ' }], at(10));
  assert.equal(links(state), '0,1-0,1 2-2');
  assert.equal(state.session!.alignment.source.text, 'Just One.\nTwo.\nThree.');
  assert.equal(state.session!.history.past.length, 3, 'merge, note (typed in one burst), typing');

  const textSync = state.session!.textSync;
  state = historyStepped(state, 'undo');
  assert.equal(state.session!.alignment.source.text, 'One.\nTwo.\nThree.', 'the typing is undone');
  assert.equal(state.session!.textSync, textSync + 1, 'and the view is told to write the text back');
  assert.equal(state.session!.alignment.links[0]!.note, 'Check');
  state = historyStepped(state, 'undo');
  assert.equal(state.session!.alignment.links[0]!.note, undefined, 'the note, one step for the burst');
  assert.equal(historyStepped(state, 'undo').session!.textSync, state.session!.textSync, 'a link undo leaves the text alone');
  state = historyStepped(state, 'undo');
  assert.equal(links(state), '0-0 1-1 2-2');
  assert.equal(historyStepped(state, 'undo'), state, 'nothing left to undo');
  for (let step = 0; step < 3; step++) state = historyStepped(state, 'redo');
  assert.equal(links(state), '0,1-0,1 2-2');
  assert.equal(state.session!.alignment.source.text, 'Just One.\nTwo.\nThree.', 'redo never loses the typing');
  assert.equal(historyStepped(state, 'redo'), state);
});

test('an edit that cannot be made throws and leaves the state as it was', () => {
  const state = opened();
  assert.throws(() => alignmentEdited(state, { kind: 'merge-next', link: 2, now: at(1) }), /last link/);
});

test('dirty until saved; undoing back to the saved alignment is clean again', () => {
  let state = opened();
  assert.equal(isDirty(state), false);
  state = alignmentEdited(state, { kind: 'set-status', link: 1, status: 'confirmed', now: at(1) });
  assert.equal(isDirty(state), true);
  state = historyStepped(state, 'undo');
  assert.equal(isDirty(state), false, 'back at what was opened');
  state = historyStepped(state, 'redo');
  state = sessionSaved(state, '/docs/a.bitext', state.session!.revision);
  assert.equal(isDirty(state), false);
  state = alignmentEdited(state, { kind: 'set-status', link: 2, status: 'rejected', now: at(2) });
  assert.equal(isDirty(state), true);
  assert.equal(isDirty(historyStepped(state, 'undo')), false, 'back at what was saved');
  assert.equal(isDirty(historyStepped(historyStepped(historyStepped(state, 'undo'), 'undo'), 'undo')), true, 'before the save is a change too');
});

test('a replacement (re-alignment, reload) is one step; the rebase list and its filter go once the links change', () => {
  let state = opened();
  const realigned = { ...start, links: parseLinks('0,1-0 2-1,2').map((link) => ({ ...link, score: 1, confidence: 0.5, status: 'auto' as const })) };
  state = alignmentReplaced(state, realigned, 'Realign', { changed: [0, 1] });
  assert.deepEqual(state.review.changed, [0, 1]);
  assert.equal(state.session!.history.present.label, 'Realign');
  state = reviewChanged(state, { filter: 'changed' });
  assert.equal(state.review.filter, 'changed');
  state = alignmentEdited(state, { kind: 'split', link: 0, now: at(1) });
  assert.deepEqual(state.review.changed, [], 'link numbers moved: the list is stale');
  assert.equal(state.review.filter, 'all');
  assert.equal(reviewChanged(state, { filter: 'all' }), state, 'no change, same state');
});

test('marks of paragraphs a text edit removed are dropped', () => {
  let state = reviewChanged(opened(), { marks: { source: [1, 2], target: [] } });
  state = textEdited(state, 'source', [{ offset: 9, length: 7, text: '' }], at(1)); // "\nThree." deleted
  assert.deepEqual(state.review.marks, { source: [1], target: [] });
});

test('the store holds back a change asked for while its listeners are told of another', () => {
  const store = createStore(opened());
  const seen: string[] = [];
  store.subscribe((state, previous) => {
    seen.push(`a:${state.review.mode}`);
    if (state.review.mode === 'review' && previous.review.mode !== 'review') store.update((current) => reviewChanged(current, { filter: 'auto' }));
  });
  store.subscribe((state) => seen.push(`b:${state.review.mode}/${state.review.filter}`));
  store.update((state) => reviewChanged(state, { mode: 'review' }));
  assert.deepEqual(seen, ['a:review', 'b:review/all', 'a:review', 'b:review/auto'], 'every listener saw each state in order');
  assert.equal(store.get().review.filter, 'auto');
});

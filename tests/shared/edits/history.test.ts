import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { BitextError } from '../../../shared/errors.ts';
import {
  canRedo,
  canUndo,
  closeGroup,
  createHistory,
  pushState,
  redo,
  redoLabel,
  undo,
  undoLabel,
} from '../../../shared/edits/history.ts';
import type { History } from '../../../shared/edits/history.ts';
import { recordEdit, recordTextEdit } from '../../../shared/edits/workbench-history.ts';
import { lineParagraphs, makeTextAlignment } from './fixture.ts';

/** The states from oldest to newest, the present in brackets: `a b [c] d`. */
function show(history: History<string>): string {
  return [
    ...history.past.map((entry) => entry.state),
    `[${history.present.state}]`,
    ...history.future.map((entry) => entry.state),
  ].join(' ');
}

describe('History', () => {
  it('undoes and redoes in order', () => {
    let history = createHistory('a');
    history = pushState(history, 'b', { label: 'B' });
    history = pushState(history, 'c', { label: 'C' });
    assert.equal(show(history), 'a b [c]');
    assert.equal(undoLabel(history), 'C');
    history = undo(history);
    assert.equal(show(history), 'a [b] c');
    assert.equal(redoLabel(history), 'C');
    history = undo(undo(history));
    assert.equal(show(history), '[a] b c');
    assert.equal(canUndo(history), false);
    assert.equal(undo(history), history);
    history = redo(redo(redo(redo(history))));
    assert.equal(show(history), 'a b [c]');
    assert.equal(canRedo(history), false);
  });

  it('drops the redo list when a new change is made after an undo', () => {
    let history = pushState(pushState(createHistory('a'), 'b', { label: 'B' }), 'c', { label: 'C' });
    history = pushState(undo(history), 'x', { label: 'X' });
    assert.equal(show(history), 'a b [x]');
  });

  it('coalesces changes of one group within the window into one step', () => {
    let history = createHistory('-', { coalesceWindow: 1000 });
    history = pushState(history, 'h', { label: 'Typing', group: 'p1', at: 0 });
    history = pushState(history, 'he', { label: 'Typing', group: 'p1', at: 400 });
    // The window runs from the last change, so steady typing stays one step.
    history = pushState(history, 'hel', { label: 'Typing', group: 'p1', at: 1300 });
    assert.equal(show(history), '- [hel]');
    // A pause longer than the window starts a new step.
    history = pushState(history, 'hell', { label: 'Typing', group: 'p1', at: 2400 });
    // Another group starts a new step.
    history = pushState(history, 'hell!', { label: 'Typing', group: 'p2', at: 2500 });
    assert.equal(show(history), '- hel hell [hell!]');
    assert.equal(show(undo(undo(history))), '- [hel] hell hell!');
  });

  it('never coalesces into a state reached by undo', () => {
    let history = createHistory('a');
    history = pushState(history, 'ab', { label: 'Typing', group: 'p', at: 0 });
    history = pushState(history, 'abc', { label: 'Other', at: 10 });
    history = undo(history);
    history = pushState(history, 'abX', { label: 'Typing', group: 'p', at: 20 });
    assert.equal(show(history), 'a ab [abX]');
  });

  it('closes a group on request', () => {
    let history = pushState(createHistory('a'), 'ab', { label: 'Typing', group: 'p', at: 0 });
    history = pushState(closeGroup(history), 'abc', { label: 'Typing', group: 'p', at: 1 });
    assert.equal(show(history), 'a ab [abc]');
  });

  it('keeps at most `limit` undo steps', () => {
    let history = createHistory(0 as number, { limit: 3 });
    for (let i = 1; i <= 10; i++) history = pushState(history, i, { label: `${i}` });
    assert.deepEqual(history.past.map((entry) => entry.state), [7, 8, 9]);
  });

  it('rejects a limit below one', () => {
    assert.throws(() => createHistory('a', { limit: 0 }), BitextError);
  });
});

describe('the workbench history', () => {
  const source = ['Nato chief visits Seoul.', 'The war in Ukraine is on the agenda.'];
  const target = ['เลขาธิการนาโตเยือนโซล', 'สงครามในยูเครนอยู่ในวาระ'];
  const start = makeTextAlignment(source, target, '0-0 1-1');

  it('undoes a text edit with its links, and a link edit without touching the text', () => {
    let history = createHistory(start);
    const text = ['Advertisement', ...source].join('\n');
    const typed = recordTextEdit(history, {
      side: 'source',
      text,
      paragraphs: lineParagraphs(text),
      now: '2024-06-01T12:00:00.000Z',
    });
    history = typed.history;
    assert.equal(formatLinks(history.present.state.links), '0-∅ 1-0 2-1');
    history = recordEdit(history, { kind: 'merge-next', link: 0, now: '2024-06-01T12:00:05.000Z' });
    assert.equal(formatLinks(history.present.state.links), '0,1-0 2-1');

    history = undo(history);
    assert.equal(formatLinks(history.present.state.links), '0-∅ 1-0 2-1');
    assert.equal(history.present.state.source.text, text);
    history = undo(history);
    assert.equal(formatLinks(history.present.state.links), '0-0 1-1');
    assert.equal(history.present.state.source.text, source.join('\n'));
    history = redo(redo(history));
    assert.equal(formatLinks(history.present.state.links), '0,1-0 2-1');
    assert.equal(history.present.state.source.text, text);
  });

  it('makes typing in one paragraph one undo step', () => {
    let history = createHistory(start);
    const typing = ['Nato chief visits Seoul.', 'Nato chief visits Seoul to', 'Nato chief visits Seoul today.'];
    typing.forEach((first, i) => {
      const text = [first, source[1]!].join('\n');
      history = recordTextEdit(history, {
        side: 'source',
        text,
        paragraphs: lineParagraphs(text),
        now: `2024-06-01T12:00:0${i}.000Z`,
        typingIn: 0,
      }).history;
    });
    assert.equal(history.past.length, 1);
    assert.equal(undo(history).present.state.source.text, source.join('\n'));
  });

  it('makes typing a note one undo step per link', () => {
    let history = createHistory(start);
    for (const [i, note] of ['c', 'ch', 'check'].entries()) {
      history = recordEdit(history, { kind: 'set-note', link: 1, note, now: `2024-06-01T12:00:0${i}.000Z` });
    }
    assert.equal(history.past.length, 1);
    assert.equal(history.present.state.links[1]!.note, 'check');
    assert.equal(undoLabel(history), 'Note');
  });

  it('leaves the history as it was when an edit is refused', () => {
    const history = createHistory(start);
    assert.throws(() => recordEdit(history, { kind: 'unlink', link: 5, now: '2024-06-01T12:00:00.000Z' }), BitextError);
    assert.equal(history.past.length, 0);
  });
});

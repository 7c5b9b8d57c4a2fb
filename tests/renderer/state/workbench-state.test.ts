/**
 * The renderer's state functions (renderer/state/workbench-state.ts) and the
 * figures derived from an alignment (renderer/state/alignment-index.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alignmentChanged,
  caretMoved,
  createStore,
  initialState,
  isDirty,
  noticeAdded,
  emptyDocumentWarnings,
  noticeDismissed,
  sessionOpened,
  sessionSaved,
  textEdited,
  windowTitle,
} from '../../../renderer/state/workbench-state.ts';
import { alignmentStats, confidenceBand, describeLink, indexLinks, paragraphAt } from '../../../renderer/state/alignment-index.ts';
import { parseLinks, type Alignment, type LinkStatus } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';

function document(text: string, mismatch: number[] = []): BitextDocument {
  return {
    path: '/docs/a.txt',
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: { iso6393: 'eng', bcp47: 'en', script: 'Latn' } },
    text,
    paragraphs: splitParagraphs(text).map((paragraph, index) => ({
      ...paragraph,
      language: { iso6393: 'eng', reason: 'detected' as const, mismatch: mismatch.includes(index) },
    })),
  };
}

function alignment(links: string, statuses: LinkStatus[] = []): Alignment {
  return {
    schemaVersion: 3,
    tool: { name: 'test', version: '0' },
    created: 'then',
    modified: 'then',
    source: document('One.\nTwo.\nThree.\nFour.', [3]),
    target: document('Un.\nDeux.\nQuatre.'),
    links: parseLinks(links).map((link, index) => ({ ...link, score: 0, confidence: 0.9, status: statuses[index] ?? 'auto' })),
  };
}

const session = { alignment: alignment('0-0 1-1 2-∅ 3-2'), suggestedPath: '/docs/a.bitext', warnings: ['look out'] };

test('a new session is clean, named after its suggested file, and carries its warnings as notices', () => {
  const state = sessionOpened(initialState, session);
  assert.equal(isDirty(state), false);
  assert.equal(windowTitle(state), 'a.bitext — Bitext Workbench');
  assert.deepEqual(state.notices.map((notice) => [notice.kind, notice.message]), [['warning', 'look out']]);
  assert.equal(state.session?.serial, 1);
  assert.equal(sessionOpened(state, session).session?.serial, 2, 'each open is told apart from a change');
});

test('an edit makes the session dirty (• in the title) until it is saved at that revision', () => {
  const opened = sessionOpened(initialState, session);
  const edited = textEdited(opened, 'source', [{ offset: 0, length: 0, text: 'Just ' }], 'now');
  assert.equal(isDirty(edited), true);
  assert.equal(windowTitle(edited), 'a.bitext • — Bitext Workbench');
  assert.equal(edited.session?.alignment.source.text.startsWith('Just One.'), true);
  const saved = sessionSaved(edited, '/docs/saved.bitext', edited.session!.revision);
  assert.equal(isDirty(saved), false);
  assert.equal(windowTitle(saved), 'saved.bitext — Bitext Workbench');
  // A change made while the save was under way keeps the session dirty.
  const later = textEdited(edited, 'source', [{ offset: 0, length: 0, text: 'So ' }], 'now');
  assert.equal(isDirty(sessionSaved(later, '/docs/saved.bitext', edited.session!.revision)), true);
});

test('caret moves that change nothing return the same state; notices are not repeated and can be dismissed', () => {
  const opened = sessionOpened(initialState, session);
  const caret = { side: 'source' as const, paragraph: 1, link: 1, line: 2, column: 1 };
  const moved = caretMoved(opened, caret);
  assert.equal(caretMoved(moved, { ...caret }), moved);
  assert.equal(caretMoved(moved, undefined).caret, undefined);
  const noted = noticeAdded(noticeAdded(opened, 'error', 'boom'), 'error', 'boom');
  assert.equal(noted.notices.filter((notice) => notice.message === 'boom').length, 1);
  const id = noted.notices.at(-1)!.id;
  assert.equal(noticeDismissed(noted, id).notices.some((notice) => notice.id === id), false);
});

test('the store notifies listeners of changes only', () => {
  const store = createStore();
  const seen: number[] = [];
  store.subscribe((state) => seen.push(state.notices.length));
  store.update((state) => state);
  store.update((state) => noticeAdded(state, 'info', 'hello'));
  assert.deepEqual(seen, [1]);
});

test('alignment figures: links, paired, confirmed share, untranslated and mismatched paragraphs', () => {
  const stats = alignmentStats(alignment('0-0 1-1 2-∅ 3-2', ['confirmed', 'auto', 'auto', 'confirmed']));
  assert.deepEqual(stats, {
    links: 4,
    paired: 3,
    confirmed: 2,
    confirmedPercent: 50,
    untranslatedSource: 1,
    untranslatedTarget: 0,
    mismatchedSource: 1,
    mismatchedTarget: 0,
  });
});

test('paragraphAt finds the paragraph under an offset, ends included, and -1 between', () => {
  const doc = document('One.\n\nTwo.');
  assert.deepEqual([0, 4, 5, 6, 10].map((offset) => paragraphAt(doc.paragraphs, offset)), [0, 0, -1, 1, 1]);
  const index = indexLinks(alignment('0-0 1-1 2-∅ 3-2'));
  assert.deepEqual([...index.source], [0, 1, 2, 3]);
  assert.deepEqual([...index.target], [0, 1, 3]);
});

test('confidence bands and link names as the UI shows them', () => {
  assert.deepEqual([0.95, 0.8, 0.79, 0.5, 0.49].map(confidenceBand), ['high', 'high', 'medium', 'medium', 'low']);
  assert.equal(describeLink({ source: [16, 18], target: [5] }), '17, 19 ↔ 6');
  assert.equal(describeLink({ source: [3], target: [] }), '4 ↔ –');
});

test('an empty document opens with a clear warning, and notices of earlier attempts are cleared', () => {
  const failed = noticeAdded(initialState, 'error', 'picture.png is not a text document');
  const empty = { ...session, alignment: { ...session.alignment, source: { ...session.alignment.source, path: '/w/empty.txt', text: '', paragraphs: [] }, links: [] } };
  const opened = sessionOpened(failed, empty);
  assert.deepEqual(
    opened.notices.map((notice) => `${notice.kind}: ${notice.message}`),
    ['warning: look out', 'warning: The original empty.txt is empty (no text in it): there is nothing to align it with. Open another original.'],
  );
  assert.deepEqual(emptyDocumentWarnings(session.alignment), []);
});

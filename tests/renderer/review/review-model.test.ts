/**
 * The review queue and the edits review commands make (renderer/review/review-model.ts),
 * plus what the rebase report says (renderer/review/rebase-report.ts): on a
 * small alignment whose links a reader can check by eye.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdit } from '../../../shared/edits/operations.ts';
import { rebaseDocument } from '../../../shared/edits/rebase.ts';
import { formatLinks, parseLinks, type Alignment, type LinkStatus } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';
import {
  filterCounts,
  isMarked,
  linkParagraphs,
  marksWithin,
  nextRow,
  planEdit,
  planRealign,
  reviewProgress,
  reviewRows,
  rowAt,
  toggleMarks,
  type CommandContext,
  type EditCommand,
} from '../../../renderer/review/review-model.ts';
import { describeRebase, touchedLinks } from '../../../renderer/review/rebase-report.ts';

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

/** Source paragraphs 0–5, target 0–3; `confidences` and `statuses` by link. */
function alignment(links: string, confidences: number[] = [], statuses: LinkStatus[] = []): Alignment {
  return {
    schemaVersion: 3,
    tool: { name: 'test', version: '0' },
    created: 'then',
    modified: 'then',
    source: document('Ad.\nOne.\nCaption.\nTwo.\nThree.\nFour.'),
    target: document('Un.\nDeux.\nTrois.\nQuatre.'),
    links: parseLinks(links).map((link, index) => ({ ...link, score: 0, confidence: confidences[index] ?? 0.9, status: statuses[index] ?? 'auto' })),
  };
}

const now = '2024-01-01T00:00:00.000Z';

function context(value: Alignment, link: number, extra: Partial<CommandContext> = {}): CommandContext {
  const current = value.links[link];
  const side = current && current.source.length > 0 ? 'source' : 'target';
  return {
    alignment: value,
    link,
    side,
    paragraph: current ? current[side][0]! : -1,
    marks: { source: [], target: [] },
    selection: { source: [], target: [] },
    now,
    ...extra,
  };
}

/** Runs a command at a link and returns the links after it, compactly. */
function after(value: Alignment, command: EditCommand, link: number, extra: Partial<CommandContext> = {}): string {
  const plan = planEdit(command, context(value, link, extra));
  assert.equal(plan.kind, 'edit', plan.kind === 'refused' ? plan.reason : '');
  return formatLinks(applyEdit(value, (plan as { edit: Parameters<typeof applyEdit>[1] }).edit).links);
}

test('the queue filters by status, one-sided links and flags, and sorts weakest first (ties in document order)', () => {
  const value = alignment('0-∅ 1-0 2,3-1 4-2 5-3', [1, 0.4, 0.3, 0.4, 0.95], ['auto', 'confirmed', 'auto', 'rejected', 'auto']);
  const flagged = new Set([4]);
  assert.deepEqual(reviewRows(value, 'all', 'document', flagged), [0, 1, 2, 3, 4]);
  assert.deepEqual(reviewRows(value, 'all', 'weakest', flagged), [2, 1, 3, 4, 0]);
  assert.deepEqual(reviewRows(value, 'auto', 'weakest', flagged), [2, 4, 0]);
  assert.deepEqual(reviewRows(value, 'untranslated', 'document', flagged), [0]);
  assert.deepEqual(reviewRows(value, 'flagged', 'document', flagged), [4]);
  assert.deepEqual(reviewRows(value, 'changed', 'document', flagged, new Set([1, 3])), [1, 3]);
  assert.deepEqual(filterCounts(value, flagged), { all: 5, auto: 3, confirmed: 1, rejected: 1, untranslated: 1, flagged: 1, changed: 0 });
  assert.deepEqual(reviewProgress(value.links), { total: 5, confirmed: 1, rejected: 1, auto: 3, percent: 20 });
  assert.equal(reviewProgress(alignment('0-0 1-1 2-2', [], ['confirmed', 'confirmed', 'auto']).links).percent, 66, 'rounded down: 100 only when all are');
});

test('next goes along the list, wraps, and starts where a filtered-out link would be', () => {
  const rows = [2, 1, 3, 4, 0];
  assert.equal(nextRow(rows, 1, () => true), 3);
  assert.equal(nextRow(rows, 0, () => true), 2, 'wraps around');
  assert.equal(nextRow(rows, 1, (link) => link === 1), undefined, 'the current link is never next');
  assert.equal(nextRow([0, 2, 4], 3, () => true), 4, 'link 3 is not listed: the next after it in document order');
  assert.equal(nextRow([0, 2, 4], 3, () => true, -1), 2);
  assert.equal(nextRow([], 0, () => true), undefined);
  assert.equal(rowAt(rows, 3, 1), 4);
  assert.equal(rowAt(rows, 0, 1), 0, 'no wrapping past the end');
  assert.equal(rowAt(rows, -1, 1), 2, 'from no link, down goes to the first row');
});

test('marks are kept by paragraph and toggle whole links', () => {
  const value = alignment('0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  let marks = toggleMarks({ source: [], target: [] }, value.links[1]!);
  marks = toggleMarks(marks, value.links[3]!);
  assert.deepEqual(marks, { source: [1, 3], target: [0, 1] });
  assert.ok(isMarked(value.links[1]!, marks));
  assert.deepEqual(toggleMarks(marks, value.links[1]!), { source: [3], target: [1] });
  assert.deepEqual(marksWithin({ source: [1, 9], target: [2] }, value), { source: [1], target: [2] });
  assert.deepEqual(linkParagraphs({ source: [2, 3], target: [1] }), [
    { side: 'source', paragraph: 2 },
    { side: 'source', paragraph: 3 },
    { side: 'target', paragraph: 1 },
  ]);
});

test('fixing links: untranslated caption, boundary shift, merge and split, link with a skip', () => {
  // The aligner took the caption (source 2) into the link of "Two." (1:1 + 1 too many).
  const caption = alignment('0-∅ 1-0 2,3-1 4-2 5-3');
  assert.equal(after(caption, 'mark-untranslated', 2, { side: 'source', paragraph: 2 }), '0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  // With the caret elsewhere in the link, U takes the first paragraph of the caret's side.
  assert.equal(after(caption, 'mark-untranslated', 2, { side: 'source', paragraph: -1 }), '0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  // "Three." belongs with "Four." (5): move 5 up into link 4-2… and back down.
  const boundary = alignment('0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  assert.equal(after(boundary, 'shift-up', 5), '0-∅ 1-0 2-∅ 3-1 4,5-2 ∅-3');
  assert.equal(after(alignment('0-∅ 1-0 2-∅ 3-1 4,5-2 ∅-3'), 'shift-down', 4), '0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  assert.equal(after(boundary, 'merge-next', 3), '0-∅ 1-0 2-∅ 3,4-1,2 5-3');
  assert.equal(after(alignment('0-∅ 1-0 2-∅ 3,4-1,2 5-3'), 'split', 3), '0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  // Marked 1-0 and 3-1: Link gives 1,3-0,1 (and 2 stays alone); with a skip, likewise, 2 confirmed alone.
  const marks = { source: [1, 3], target: [0] };
  assert.equal(after(alignment('0-∅ 1-0 2-∅ 3-∅ 4-1 5-2 ∅-3'), 'link-with-skip', 1, { marks }), '0-∅ 1,3-0 2-∅ 4-1 5-2 ∅-3');
  // Without marks, the editors' selections are linked.
  assert.equal(after(boundary, 'link-marked', 3, { selection: { source: [3, 4], target: [1] } }), '0-∅ 1-0 2-∅ 3,4-1 ∅-2 5-3');
  assert.equal(after(boundary, 'reject', 1), '0-∅ 1-0 2-∅ 3-1 4-2 5-3');
});

test('commands that cannot act say why', () => {
  const value = alignment('0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  const reason = (command: EditCommand, link: number, extra: Partial<CommandContext> = {}) => {
    const plan = planEdit(command, context(value, link, extra));
    return plan.kind === 'refused' ? plan.reason : 'edit';
  };
  assert.match(reason('split', 1), /nothing to split/);
  assert.match(reason('merge-next', 5), /last link/);
  assert.match(reason('shift-up', 0), /no link above/);
  assert.match(reason('reset-status', 1), /not reviewed/);
  assert.match(reason('link-marked', 1), /Mark links/);
  assert.match(reason('link-with-skip', 1, { marks: { source: [1, 3], target: [] } }), /both sides/);
  assert.match(reason('merge-next', -1), /caret/);
  assert.match(reason('unlink', 0), /alone/);
});

test('re-align takes the stretch between the confirmed links around the caret', () => {
  const value = alignment('0-∅ 1-0 2-∅ 3-1 4-2 5-3', [], ['auto', 'confirmed', 'auto', 'auto', 'auto', 'confirmed']);
  assert.deepEqual(planRealign(value, 3), { after: 1, before: 5, range: { sourceStart: 2, sourceEnd: 5, targetStart: 1, targetEnd: 3 } });
  assert.deepEqual(planRealign(value, 0), { after: -1, before: 1, range: { sourceStart: 0, sourceEnd: 1, targetStart: 0, targetEnd: 0 } });
  assert.match((planRealign(value, 1) as { refused: string }).refused, /confirmed/);
  const edge = alignment('0-0 1-1', [], ['confirmed', 'confirmed']);
  assert.match((planRealign(edge, 5) as { refused: string }).refused, /caret/);
});

test('the rebase report names moved, merged and dropped links and new paragraphs, 1-based', () => {
  const value = alignment('0-∅ 1-0 2-∅ 3-1 4-2 5-3');
  // Delete "Caption.", join "Two." and "Three.", add a paragraph at the end.
  const text = 'Ad.\nOne.\nTwo. Three.\nFour.\nFive, new.';
  const { alignment: rebased, report } = rebaseDocument(value, 'source', text, splitParagraphs(text), { now });
  const lines = describeRebase(report);
  assert.deepEqual(lines.map((line) => line.outcome).sort(), ['added', 'dropped', 'merged', 'merged', 'moved']);
  assert.ok(lines.some((line) => line.text === 'Link 3: ¶ 3 deleted'));
  assert.ok(lines.some((line) => line.text === 'New paragraph ¶ 5: unlinked, to review'));
  const touched = touchedLinks(report, (paragraph) => rebased.links.findIndex((link) => link.source.includes(paragraph)));
  assert.deepEqual(touched.map((index) => formatLinks([rebased.links[index]!])), ['2-1,2', '3-3', '4-∅']);
});

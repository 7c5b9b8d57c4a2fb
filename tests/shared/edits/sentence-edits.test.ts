import assert from 'node:assert/strict';
import test from 'node:test';
import type { Alignment, StoredSentences } from '../../../shared/model/alignment.ts';
import { applyEdit } from '../../../shared/edits/operations.ts';
import { createHistory, redo, undo } from '../../../shared/edits/history.ts';
import { recordEdit, recordTextEdit } from '../../../shared/edits/workbench-history.ts';
import { rebaseDocument, formatRebaseReport } from '../../../shared/edits/rebase.ts';
import { sentencesOfLink, sentencesOfLinks, toStoredSentences } from '../../../shared/align/link-sentences.ts';
import { findSentenceProblem } from '../../../shared/model/sentence-invariants.ts';
import type { SentenceChange } from '../../../shared/edits/sentence-edits.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { lineParagraphs, makeTextAlignment, now } from './fixture.ts';
import { paragraphText } from '../../../shared/model/document.ts';
import { extractPairs } from '../../../shared/formats/export-pairs.ts';

/** Pairs as a reader checks them: `0-0 1,2-1 3-∅`, then statuses (`a`, `c`, `r`). */
function pairsOf(sentences: Pick<StoredSentences, 'pairs'> | undefined): string {
  if (!sentences) return 'computed';
  const side = (indices: readonly number[]) => (indices.length === 0 ? '∅' : indices.join(','));
  return `${sentences.pairs.map((pair) => `${side(pair.source)}-${side(pair.target)}`).join(' ')} ${sentences.pairs.map((pair) => pair.status[0]).join('')}`;
}

/** Link 0 has four English and four "Thai" sentences; link 1 is a plain 1:1. */
function pair(): Alignment {
  return makeTextAlignment(
    ['Nato met in Seoul. It was 2023. Leaders spoke at length. Then they left.', 'A second paragraph.'],
    ['Nato ประชุมที่โซล. ปี 2023. ผู้นำพูดนาน. แล้วก็กลับ.', 'ย่อหน้าที่สอง.'],
    '0-0 1-1',
  );
}

/** The computed pairs of link 0, as the panel hands them to the first edit. */
function base(alignment: Alignment): StoredSentences {
  return toStoredSentences(sentencesOfLink(alignment, 0)!);
}

function edit(alignment: Alignment, change: SentenceChange): Alignment {
  return applyEdit(alignment, { kind: 'edit-sentences', link: 0, ...(alignment.links[0]!.sentences ? {} : { base: base(alignment) }), change, now });
}

test('a fresh link computes its sentence pairs; the first edit stores them', () => {
  const alignment = pair();
  assert.equal(alignment.links[0]!.sentences, undefined);
  assert.equal(pairsOf(base(alignment)), '0-0 1-1 2-2 3-3 aaaa');
  const merged = edit(alignment, { kind: 'merge', from: 1, to: 2 });
  assert.equal(pairsOf(merged.links[0]!.sentences), '0-0 1,2-1,2 3-3 aca');
  assert.equal(merged.links[0]!.sentences!.pairs[1]!.confidence, 1);
  assert.equal(merged.modified, now);
  // The panel and the exports now read the stored pairs.
  assert.equal(sentencesOfLink(merged, 0)!.links.length, 3);
  assert.equal(sentencesOfLinks(merged).get(0)!.links.length, 3);
  assert.equal(sentencesOfLinks(merged).get(1)!.links.length, 1);
});

test('split, unlink, untranslated, move and status: the paragraph vocabulary one level down', () => {
  const merged = edit(pair(), { kind: 'merge', from: 0, to: 1 });
  assert.equal(pairsOf(merged.links[0]!.sentences), '0,1-0,1 2-2 3-3 caa');
  assert.equal(pairsOf(edit(merged, { kind: 'split', pair: 0 }).links[0]!.sentences), '0-0 1-1 2-2 3-3 ccaa');
  assert.equal(pairsOf(edit(merged, { kind: 'unlink', pair: 0 }).links[0]!.sentences), '0-∅ 1-∅ ∅-0 ∅-1 2-2 3-3 ccccaa');
  // Untranslated: the picked sentence alone; what is left of its pair is nobody's judgement (auto, 0).
  const alone = edit(merged, { kind: 'mark-untranslated', side: 'target', sentence: 1 });
  assert.equal(pairsOf(alone.links[0]!.sentences), '0,1-0 ∅-1 2-2 3-3 acaa');
  assert.equal(alone.links[0]!.sentences!.pairs[0]!.confidence, 0);
  // K and J: the first sentence of a side into the pair above, the last into the pair below.
  assert.equal(pairsOf(edit(merged, { kind: 'shift-boundary', pair: 1, side: 'source', direction: 'up' }).links[0]!.sentences), '0,1,2-0,1 ∅-2 3-3 cca');
  assert.equal(pairsOf(edit(merged, { kind: 'shift-boundary', pair: 0, side: 'target', direction: 'down' }).links[0]!.sentences), '0,1-0 2-1,2 3-3 cca');
  assert.equal(pairsOf(edit(merged, { kind: 'set-status', pair: 2, status: 'rejected' }).links[0]!.sentences), '0,1-0,1 2-2 3-3 car');
});

test('impossible sentence edits are refused with the pair named from 1', () => {
  const alignment = pair();
  const refused = (change: Parameters<typeof edit>[1], message: RegExp) =>
    assert.throws(() => edit(alignment, change), (error: unknown) => isBitextError(error) && error.code === 'invalid-argument' && message.test(error.message));
  refused({ kind: 'split', pair: 0 }, /sentence pair 1 has one sentence per side/);
  refused({ kind: 'merge', from: 3, to: 4 }, /no sentence pair 5/);
  refused({ kind: 'shift-boundary', pair: 0, side: 'source', direction: 'up' }, /sentence pair 1 has no previous pair/);
  const three = edit(alignment, { kind: 'merge', from: 0, to: 2 });
  assert.throws(() => edit(three, { kind: 'mark-untranslated', side: 'source', sentence: 1 }), /inside sentence pair 1/);
  // A base that does not fit the link (another link's sentences) is refused, not stored.
  const other = toStoredSentences(sentencesOfLink(alignment, 1)!);
  assert.throws(() => applyEdit(alignment, { kind: 'edit-sentences', link: 0, base: other, change: { kind: 'unlink', pair: 0 }, now }), /do not fit it/);
});

test('sentence edits go through the one undo history; recompute drops the fix', () => {
  const alignment = pair();
  let history = createHistory(alignment);
  history = recordEdit(history, { kind: 'edit-sentences', link: 0, base: base(alignment), change: { kind: 'merge', from: 2, to: 3 }, now });
  assert.equal(history.present.label, 'Sentence Pairs');
  assert.equal(pairsOf(history.present.state.links[0]!.sentences), '0-0 1-1 2,3-2,3 aac');
  history = undo(history);
  assert.equal(history.present.state.links[0]!.sentences, undefined);
  history = redo(history);
  assert.equal(pairsOf(history.present.state.links[0]!.sentences), '0-0 1-1 2,3-2,3 aac');
  history = recordEdit(history, { kind: 'reset-sentences', link: 0, now });
  assert.equal(history.present.state.links[0]!.sentences, undefined);
});

test('reshaping the paragraph link drops its stored sentence pairs; a status or a note keeps them', () => {
  const fixed = edit(pair(), { kind: 'merge', from: 0, to: 1 });
  assert.ok(applyEdit(fixed, { kind: 'set-status', link: 0, status: 'confirmed', now }).links[0]!.sentences);
  assert.ok(applyEdit(fixed, { kind: 'set-note', link: 0, note: 'checked', now }).links[0]!.sentences);
  for (const reshape of [
    { kind: 'merge-next', link: 0, now },
    { kind: 'unlink', link: 0, now },
    { kind: 'link', source: [0], target: [0, 1], now },
  ] as const) {
    const after = applyEdit(fixed, reshape);
    assert.ok(after.links.every((link) => link.sentences === undefined), reshape.kind);
  }
});

test('text edits: sentences found again are rebased, one edited sentence follows, a rewrite drops the fix with a warning', () => {
  const fixed = edit(pair(), { kind: 'merge', from: 0, to: 1 });
  const rebase = (text: string) => rebaseDocument(fixed, 'source', text, lineParagraphs(text), { now });

  // A paragraph inserted before: the link's paragraph is renumbered, its sentences follow.
  const inserted = rebase(`A new first line.\n${fixed.source.text}`);
  const moved = inserted.alignment.links.find((link) => link.sentences)!;
  assert.deepEqual(moved.source, [1]);
  assert.ok(moved.sentences!.source.every((span) => span.paragraph === 1));
  assert.equal(inserted.report.links[0]!.sentences, 'rebased');

  // One sentence edited in place: it takes the text between its neighbours.
  const typed = rebase(fixed.source.text.replace('It was 2023.', 'It was the year 2023.'));
  const spans = typed.alignment.links[0]!.sentences!.source;
  const text = typed.alignment.source.text;
  assert.equal(text.slice(spans[1]!.start, spans[1]!.end), 'It was the year 2023.');
  assert.equal(pairsOf(typed.alignment.links[0]!.sentences), pairsOf(fixed.links[0]!.sentences));
  assert.equal(findSentenceProblem(typed.alignment.links[0]!, (side, at) => typed.alignment[side].paragraphs[at]!.end - typed.alignment[side].paragraphs[at]!.start), undefined);

  // Two neighbouring sentences rewritten: the fix is dropped (computed again), and the report says so.
  const rewritten = rebase(fixed.source.text.replace('It was 2023. Leaders spoke at length.', 'Something else entirely happened there.'));
  assert.equal(rewritten.alignment.links[0]!.sentences, undefined);
  assert.equal(rewritten.report.links[0]!.sentences, 'dropped');
  assert.match(formatRebaseReport(rewritten.report), /sentence pairs fixed by hand dropped for link 1 \(their text changed\)/);

  // Through the history, as typing in the editor does; undo brings the fix back.
  let history = createHistory(fixed);
  const newText = fixed.source.text.replace('It was 2023. Leaders spoke at length.', 'Something else.');
  history = recordTextEdit(history, { side: 'source', text: newText, paragraphs: lineParagraphs(newText), now }).history;
  assert.equal(history.present.state.links[0]!.sentences, undefined);
  assert.ok(undo(history).present.state.links[0]!.sentences);
});

/** The texts of a side's stored sentences, `|` between them. */
function textsOf(alignment: Alignment, side: 'source' | 'target'): string {
  return alignment.links[0]!.sentences![side].map((span) => paragraphText(alignment[side], span.paragraph).slice(span.start, span.end)).join('|');
}

test('a sentence is cut in two at a point: white space at the cut goes to neither part, both stay in the pair', () => {
  const alignment = pair();
  // "Leaders spoke at length." is source sentence 3 (index 2); cut before "at".
  const at = alignment.source.text.indexOf(' at length');
  const cut = edit(alignment, { kind: 'split-sentence', side: 'source', sentence: 2, at });
  assert.equal(textsOf(cut, 'source'), 'Nato met in Seoul.|It was 2023.|Leaders spoke|at length.|Then they left.');
  assert.equal(pairsOf(cut.links[0]!.sentences), '0-0 1-1 2,3-2 4-3 aaca');
  assert.equal(cut.links[0]!.sentences!.pairs[2]!.confidence, 1);
  // The same cut just after the space is the same cut.
  assert.deepEqual(edit(alignment, { kind: 'split-sentence', side: 'source', sentence: 2, at: at + 1 }).links[0]!.sentences, cut.links[0]!.sentences);
  // The target side: "ผู้นำพูดนาน." cut after "ผู้นำ".
  const thai = edit(alignment, { kind: 'split-sentence', side: 'target', sentence: 2, at: alignment.target.text.indexOf('พูดนาน') });
  assert.equal(textsOf(thai, 'target'), 'Nato ประชุมที่โซล.|ปี 2023.|ผู้นำ|พูดนาน.|แล้วก็กลับ.');
  assert.equal(pairsOf(thai.links[0]!.sentences), '0-0 1-1 2-2,3 3-4 aaca');
});

test('a sentence joins the next one of its side: in one pair it shrinks, across pairs those pairs become one', () => {
  const alignment = pair();
  const joined = edit(alignment, { kind: 'join-sentences', side: 'source', sentence: 1 });
  assert.equal(textsOf(joined, 'source'), 'Nato met in Seoul.|It was 2023. Leaders spoke at length.|Then they left.');
  // Source sentences 2 and 3 were in pairs 2 and 3: those pairs are one now, with both their translations.
  assert.equal(pairsOf(joined.links[0]!.sentences), '0-0 1-1,2 2-3 aca');
  // Cut then joined again: the sentences and the pair are as before the cut.
  const cut = edit(alignment, { kind: 'split-sentence', side: 'target', sentence: 0, at: alignment.target.text.indexOf('ประชุม') });
  const back = edit(cut, { kind: 'join-sentences', side: 'target', sentence: 0 });
  assert.deepEqual(back.links[0]!.sentences!.target, base(alignment).target);
  assert.equal(pairsOf(back.links[0]!.sentences), '0-0 1-1 2-2 3-3 caaa');
});

test('cuts and joins that cannot be made are refused, naming the sentence from 1', () => {
  const alignment = pair();
  const refused = (change: SentenceChange, message: RegExp) =>
    assert.throws(() => edit(alignment, change), (error: unknown) => isBitextError(error) && error.code === 'invalid-argument' && message.test(error.message));
  const second = base(alignment).source[1]!;
  refused({ kind: 'split-sentence', side: 'source', sentence: 1, at: second.start }, /original sentence 2 cannot be cut at \d+: the cut must fall inside it/);
  refused({ kind: 'split-sentence', side: 'source', sentence: 9, at: 3 }, /no original sentence 10: the link has 4/);
  refused({ kind: 'join-sentences', side: 'target', sentence: 3 }, /translation sentence 4 is the last of the link/);
  // Two paragraphs in one link: the last sentence of the first cannot run into the second.
  const two = makeTextAlignment(['One here. Two here.', 'Three here.'], ['หนึ่ง สอง', 'สาม'], '0,1-0,1');
  const twoBase = toStoredSentences(sentencesOfLink(two, 0)!);
  assert.throws(
    () => applyEdit(two, { kind: 'edit-sentences', link: 0, base: twoBase, change: { kind: 'join-sentences', side: 'source', sentence: 1 }, now }),
    /original sentence 2 ends its paragraph/,
  );
  // A cut that leaves only white space on one side.
  const spaced = makeTextAlignment(['Alpha beta.'], ['อัลฟา'], '0-0');
  const spacedBase = toStoredSentences(sentencesOfLink(spaced, 0)!);
  assert.throws(
    () => applyEdit(spaced, { kind: 'edit-sentences', link: 0, base: spacedBase, change: { kind: 'split-sentence', side: 'source', sentence: 0, at: 0 }, now }),
    /the cut must fall inside it/,
  );
});

test('a cut and a join are one step each of the undo history, and the export by sentence uses the new boundaries', () => {
  const alignment = pair();
  let history = createHistory(alignment);
  const at = alignment.source.text.indexOf(' at length');
  history = recordEdit(history, { kind: 'edit-sentences', link: 0, base: base(alignment), change: { kind: 'split-sentence', side: 'source', sentence: 2, at }, now });
  history = recordEdit(history, { kind: 'edit-sentences', link: 0, change: { kind: 'shift-boundary', pair: 2, side: 'source', direction: 'down' }, now });
  const cut = history.present.state;
  assert.equal(pairsOf(cut.links[0]!.sentences), '0-0 1-1 2-2 3,4-3 aacc');
  const units = extractPairs(cut, { unit: 'sentence' }).pairs.map((unit) => `${unit.source} = ${unit.target}`);
  assert.deepEqual(units.slice(2, 4), ['Leaders spoke = ผู้นำพูดนาน.', 'at length. Then they left. = แล้วก็กลับ.']);
  history = undo(undo(history));
  assert.equal(history.present.state.links[0]!.sentences, undefined);
  history = redo(history);
  assert.equal(textsOf(history.present.state, 'source'), 'Nato met in Seoul.|It was 2023.|Leaders spoke|at length.|Then they left.');
});

/**
 * Text edits: the one place where a change to a document's text reaches the
 * alignment. Every edit in an editor goes through {@link applyTextEdits}:
 * - typing inside a paragraph (no line break added or removed) moves the
 *   paragraph offsets along ({@link rebaseParagraph}): cheap, and the links
 *   cannot change;
 * - anything that adds or removes a line break may split, join, add or delete
 *   paragraphs: the new text is split again (`splitParagraphs`) and the links
 *   follow their paragraphs through `rebaseDocument` (shared/edits/rebase.ts),
 *   which reports what happened to them.
 */
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument, Paragraph } from '../../shared/model/document.ts';
import { rebaseDocument, type RebaseReport } from '../../shared/edits/rebase.ts';
import { rebaseStoredSentences } from '../../shared/edits/sentence-rebase.ts';
import { splitParagraphs } from '../../shared/text/paragraphs.ts';
import { paragraphAt } from './alignment-index.ts';

/** A replacement of `[offset, offset + length)` by `text`, in UTF-16 code units of the text before the edit. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

const lineBreak = /^(\r\n|\r|\n)/;
const endsWithLineBreak = /(\r\n|\r|\n)$/;

/**
 * Moves one paragraph's offsets over one edit. The paragraph count never
 * changes here: links refer to paragraphs by index.
 *
 * - Text typed at a paragraph's end joins it, unless it starts with a line break
 *   (Enter at the end of a paragraph starts text outside it).
 * - Text typed at a paragraph's start joins it, unless it ends with a line break
 *   (Enter at the start pushes the paragraph down).
 * - Text replacing a range that covers a boundary joins the paragraph.
 * - A deletion that swallows a paragraph leaves it empty, at the deletion point.
 */
export function rebaseParagraph(paragraph: Paragraph, edit: TextEdit): Paragraph {
  const editStart = edit.offset;
  const editEnd = edit.offset + edit.length;
  const inserted = edit.text.length;
  const delta = inserted - edit.length;
  const insertion = edit.length === 0;

  function mapStart(x: number): number {
    if (x < editStart) return x;
    if (x > editEnd) return x + delta;
    if (insertion) return endsWithLineBreak.test(edit.text) ? x + inserted : x;
    // The replaced range ends where the paragraph starts: it was before the paragraph.
    if (x === editEnd) return editStart + inserted;
    return editStart;
  }

  function mapEnd(x: number): number {
    if (x < editStart) return x;
    if (x > editEnd) return x + delta;
    if (insertion) return lineBreak.test(edit.text) ? x : x + inserted;
    // The replaced range starts where the paragraph ends: it was after the paragraph.
    if (x === editStart) return x;
    return editStart + inserted;
  }

  const start = mapStart(paragraph.start);
  const end = Math.max(start, mapEnd(paragraph.end));
  return paragraph.language ? { start, end, language: paragraph.language } : { start, end };
}

/** Applies one edit to a document: new text, rebased paragraphs. */
export function applyTextEdit(document: BitextDocument, edit: TextEdit): BitextDocument {
  if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > document.text.length) {
    throw new RangeError(`Edit [${edit.offset}, ${edit.offset + edit.length}) is outside the text (${document.text.length})`);
  }
  const text = document.text.slice(0, edit.offset) + edit.text + document.text.slice(edit.offset + edit.length);
  return { ...document, text, paragraphs: document.paragraphs.map((paragraph) => rebaseParagraph(paragraph, edit)) };
}

const anyLineBreak = /[\r\n]/;

/** True when the edit adds or removes a line break in `text` (the paragraphs may change). */
export function touchesLineBreaks(text: string, edit: TextEdit): boolean {
  return anyLineBreak.test(edit.text) || anyLineBreak.test(text.slice(edit.offset, edit.offset + edit.length));
}

/** The result of {@link applyTextEdits}: the new alignment, and the rebase report when paragraphs were split again. */
export interface TextEditResult {
  readonly alignment: Alignment;
  readonly report?: RebaseReport;
  /** Links (indices in the new alignment) whose sentence pairs fixed by hand were dropped: their text changed too much. */
  readonly droppedSentences?: readonly number[];
}

/**
 * Applies the edits of one editor change to one side of the alignment.
 * `edits` describe ranges of the text before the change (as Monaco reports
 * them); they are applied from the last to the first so earlier offsets stay valid.
 */
export function applyTextEdits(alignment: Alignment, side: Side, edits: readonly TextEdit[], now: string): TextEditResult {
  if (edits.length === 0) return { alignment };
  const ordered = [...edits].sort((a, b) => b.offset - a.offset);
  const before = alignment[side];
  let document = before;
  for (const edit of ordered) document = applyTextEdit(document, edit);
  // Text typed on a line of its own (between paragraphs) starts a new paragraph, which the rebase brings in unlinked.
  const startsParagraph = (edit: TextEdit) => edit.text.trim().length > 0 && paragraphAt(before.paragraphs, edit.offset) < 0;
  if (!ordered.some((edit) => touchesLineBreaks(before.text, edit) || startsParagraph(edit))) {
    // Sentence pairs a reviewer fixed hold offsets inside their paragraphs: they follow the typing, or are dropped.
    const { alignment: carried, dropped } = rebaseStoredSentences(alignment, side, document);
    return { alignment: { ...carried, [side]: document, modified: now }, ...(dropped.length > 0 ? { droppedSentences: dropped } : {}) };
  }
  const rebased = rebaseDocument(alignment, side, document.text, splitParagraphs(document.text), { now });
  const dropped = rebased.report.links.flatMap((entry) => (entry.sentences === 'dropped' ? [entry.to ?? entry.from] : []));
  return { alignment: rebased.alignment, report: rebased.report, ...(dropped.length > 0 ? { droppedSentences: dropped } : {}) };
}

/**
 * The edits that turn every line break of `text` into `eol` (what Monaco does to
 * a text with mixed line ends). Empty when the text already uses `eol` throughout.
 */
export function lineEndEdits(text: string, eol: '\n' | '\r\n'): TextEdit[] {
  const edits: TextEdit[] = [];
  const pattern = /\r\n|\r|\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] !== eol) edits.push({ offset: match.index, length: match[0].length, text: eol });
  }
  return edits;
}

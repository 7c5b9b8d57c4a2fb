/**
 * Carries a link's stored sentence pairs over a change to one document's
 * text (rebase.ts), when that is simple: the link keeps as many paragraphs on
 * the edited side (renumbered or not), and each sentence is found again in
 * its paragraph's new text, in order. One sentence edited in place, between
 * sentences found again (or a paragraph's ends), takes the text between
 * them. Anything else (a paragraph split or joined, two neighbouring
 * sentences rewritten) gives up, and the caller drops the stored pairs with
 * a warning: they are computed again from the new text.
 */
import type { Alignment, SentenceRef, Side, StoredSentences } from '../model/alignment.ts';
import type { BitextDocument, Paragraph } from '../model/document.ts';

/** What became of a link's stored sentence pairs. */
export type SentenceRebaseOutcome = 'kept' | 'rebased' | 'dropped';

/** The edited side's paragraphs of a link, before (old indices) and after (new indices). */
export interface RebasedParagraphs {
  readonly before: readonly number[];
  readonly after: readonly number[];
}

/**
 * The stored sentences moved onto the new text of `side`, with what happened;
 * `sentences` is undefined when they were dropped.
 */
export function rebaseSentences(
  stored: StoredSentences,
  side: Side,
  paragraphs: RebasedParagraphs,
  old: Pick<BitextDocument, 'text' | 'paragraphs'>,
  newText: string,
  newParagraphs: readonly Paragraph[],
): { sentences?: StoredSentences; outcome: SentenceRebaseOutcome } {
  if (paragraphs.before.length !== paragraphs.after.length) return { outcome: 'dropped' };
  const newIndex = new Map(paragraphs.before.map((paragraph, position) => [paragraph, paragraphs.after[position]!]));
  const textOf = (document: { text: string; paragraphs: readonly Paragraph[] }, paragraph: number) => {
    const range = document.paragraphs[paragraph]!;
    return document.text.slice(range.start, range.end);
  };
  const spans: SentenceRef[] = [];
  let changed = false;
  for (const [oldParagraph, newParagraph] of newIndex) {
    const before = stored[side].filter((span) => span.paragraph === oldParagraph);
    const oldText = textOf(old, oldParagraph);
    const current = textOf({ text: newText, paragraphs: newParagraphs }, newParagraph);
    const found = locate(before.map((span) => oldText.slice(span.start, span.end)), current);
    if (!found) return { outcome: 'dropped' };
    found.forEach((span, index) => {
      if (span.start !== before[index]!.start || span.end !== before[index]!.end || newParagraph !== oldParagraph) changed = true;
      spans.push({ paragraph: newParagraph, ...span });
    });
  }
  spans.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return changed ? { sentences: { ...stored, [side]: spans }, outcome: 'rebased' } : { sentences: stored, outcome: 'kept' };
}

/**
 * Where each sentence (in order) is in `text`: found again verbatim after the
 * previous one, or, for one sentence not found between two that were, the
 * text between them without its surrounding white space. Undefined when that
 * does not place every sentence.
 */
function locate(sentences: readonly string[], text: string): { start: number; end: number }[] | undefined {
  const placed: ({ start: number; end: number } | undefined)[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, cursor);
    if (at < 0) {
      placed.push(undefined);
      continue;
    }
    placed.push({ start: at, end: at + sentence.length });
    cursor = at + sentence.length;
  }
  const result: { start: number; end: number }[] = [];
  for (let index = 0; index < placed.length; index++) {
    const span = placed[index];
    if (span) {
      result.push(span);
      continue;
    }
    if (placed[index + 1] === undefined && index + 1 < placed.length) return undefined;
    const from = result.at(-1)?.end ?? 0;
    const to = placed[index + 1]?.start ?? text.length;
    const gap = text.slice(from, to);
    const start = from + (gap.length - gap.trimStart().length);
    const end = to - (gap.length - gap.trimEnd().length);
    if (end <= start) return undefined;
    result.push({ start, end });
  }
  return result;
}

/**
 * The stored sentence pairs of `alignment` carried onto a new text of `side`
 * whose paragraphs are the same ones (same indices; typing inside a
 * paragraph). Returns the alignment (the same value when nothing stored was
 * touched) and the links (indices) whose pairs had to be dropped.
 */
export function rebaseStoredSentences(alignment: Alignment, side: Side, document: Pick<BitextDocument, 'text' | 'paragraphs'>): { alignment: Alignment; dropped: number[] } {
  const dropped: number[] = [];
  let changed = false;
  const links = alignment.links.map((link, index) => {
    const stored = link.sentences;
    if (!stored) return link;
    const { sentences, outcome } = rebaseSentences(stored, side, { before: link[side], after: link[side] }, alignment[side], document.text, document.paragraphs);
    if (outcome === 'kept') return link;
    changed = true;
    if (outcome === 'dropped') dropped.push(index);
    const { sentences: _old, ...bare } = link;
    return sentences ? { ...bare, sentences } : bare;
  });
  return { alignment: changed ? { ...alignment, links } : alignment, dropped };
}

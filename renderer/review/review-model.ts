/**
 * The review queue as pure functions of the alignment: which links the panel
 * lists (filtered by status, sorted weakest first or in document order), how
 * far the review is, where "next" goes, and the alignment edit each review
 * command makes from what is at the caret. The DOM panel (review-panel.ts)
 * and the command dispatcher (review-controller.ts) only call these.
 */
import type { AlignmentEdit } from '../../shared/edits/operations.ts';
import type { Alignment, Link, Side } from '../../shared/model/alignment.ts';
import type { AlignRange } from '../../shared/align/align.ts';

/** Which links the panel lists. `flagged`: a mismatch flag; `changed`: touched by the last rebase. */
export type ReviewFilter = 'all' | 'auto' | 'confirmed' | 'rejected' | 'untranslated' | 'flagged' | 'changed';

/** The filters, in the order the panel shows them and Shift+F cycles them (`changed` only appears after a rebase). */
export const reviewFilters: readonly ReviewFilter[] = ['all', 'auto', 'confirmed', 'rejected', 'untranslated', 'flagged', 'changed'];

/** Filter chip labels. */
export const filterLabels: Readonly<Record<ReviewFilter, string>> = {
  all: 'All',
  auto: 'Auto',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  untranslated: 'Untranslated',
  flagged: 'Flagged',
  changed: 'Changed on disk',
};

/** The list's order. */
export type ReviewSort = 'document' | 'weakest';

/** Paragraphs the reviewer marked for linking (kept by paragraph, so marks survive links being renumbered). */
export interface Marks {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** The review panel's own state. */
export interface ReviewState {
  readonly filter: ReviewFilter;
  readonly sort: ReviewSort;
  readonly marks: Marks;
  readonly panelVisible: boolean;
  /** Where the keyboard is: in the texts, or in the review grid (single keys act). */
  readonly mode: 'editor' | 'review';
  /** Links (new indices) the last rebase moved, merged or added, for the `changed` filter. */
  readonly changed: readonly number[];
}

/** The review state of a fresh window. */
export const initialReviewState: ReviewState = {
  filter: 'all',
  sort: 'document',
  marks: { source: [], target: [] },
  panelVisible: true,
  mode: 'editor',
  changed: [],
};

/** True for a link with paragraphs on one side only (1:0 untranslated, 0:1 added). */
export function isOneSided(link: Pick<Link, 'source' | 'target'>): boolean {
  return link.source.length === 0 || link.target.length === 0;
}

/** True when `link` (at `index`) passes `filter`. `flagged` holds the indices of links with mismatch flags. */
export function passesFilter(
  link: Link,
  index: number,
  filter: ReviewFilter,
  flagged: ReadonlySet<number>,
  changed: ReadonlySet<number> = new Set(),
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'auto':
    case 'confirmed':
    case 'rejected':
      return link.status === filter;
    case 'untranslated':
      return isOneSided(link);
    case 'flagged':
      return flagged.has(index);
    case 'changed':
      return changed.has(index);
  }
}

/** How many links pass each filter. */
export function filterCounts(
  alignment: Pick<Alignment, 'links'>,
  flagged: ReadonlySet<number>,
  changed: ReadonlySet<number> = new Set(),
): Record<ReviewFilter, number> {
  const counts: Record<ReviewFilter, number> = { all: 0, auto: 0, confirmed: 0, rejected: 0, untranslated: 0, flagged: 0, changed: 0 };
  alignment.links.forEach((link, index) => {
    for (const filter of reviewFilters) if (passesFilter(link, index, filter, flagged, changed)) counts[filter]++;
  });
  return counts;
}

/**
 * The link indices the panel lists, in order: those passing the filter, by
 * document order or by confidence (weakest first; ties in document order, so
 * the list does not shuffle when nothing changed).
 */
export function reviewRows(
  alignment: Pick<Alignment, 'links'>,
  filter: ReviewFilter,
  sort: ReviewSort,
  flagged: ReadonlySet<number>,
  changed: ReadonlySet<number> = new Set(),
): number[] {
  const rows: number[] = [];
  alignment.links.forEach((link, index) => {
    if (passesFilter(link, index, filter, flagged, changed)) rows.push(index);
  });
  if (sort === 'weakest') rows.sort((a, b) => alignment.links[a]!.confidence - alignment.links[b]!.confidence || a - b);
  return rows;
}

export { reviewProgress, type ReviewProgress } from '../../shared/review/progress.ts';

/**
 * The row after `current` (a link index) in `rows` that satisfies `wanted`,
 * wrapping around; when `current` is not listed, the first one after it in
 * document order. Undefined when no row does.
 */
export function nextRow(rows: readonly number[], current: number, wanted: (link: number) => boolean, step: 1 | -1 = 1): number | undefined {
  if (rows.length === 0) return undefined;
  let position = rows.indexOf(current);
  if (position < 0) {
    // Not listed (filtered out, or no link at the caret): start where it would be in document order.
    const after = rows.findIndex((row) => row > current);
    position = step === 1 ? (after < 0 ? rows.length : after) - 1 : after < 0 ? rows.length : after;
  }
  for (let count = 1; count <= rows.length; count++) {
    const row = rows[(((position + step * count) % rows.length) + rows.length) % rows.length]!;
    if (row !== current && wanted(row)) return row;
  }
  return undefined;
}

/** The row `delta` places from `current` (no wrapping), or the first or last row. */
export function rowAt(rows: readonly number[], current: number, delta: number): number | undefined {
  if (rows.length === 0) return undefined;
  const position = rows.indexOf(current);
  if (position < 0) return delta >= 0 ? rows.find((row) => row > current) ?? rows.at(-1) : [...rows].reverse().find((row) => row < current) ?? rows[0];
  return rows[Math.max(0, Math.min(rows.length - 1, position + delta))];
}

/** A paragraph of one side. */
export interface ParagraphRef {
  readonly side: Side;
  readonly paragraph: number;
}

/** The paragraphs of a link in the order ← and → visit them: the original's, then the translation's. */
export function linkParagraphs(link: Pick<Link, 'source' | 'target'>): ParagraphRef[] {
  return [
    ...link.source.map((paragraph) => ({ side: 'source' as const, paragraph })),
    ...link.target.map((paragraph) => ({ side: 'target' as const, paragraph })),
  ];
}

/** True when `link` has all its paragraphs marked. */
export function isMarked(link: Pick<Link, 'source' | 'target'>, marks: Marks): boolean {
  const count = link.source.length + link.target.length;
  return count > 0 && link.source.every((p) => marks.source.includes(p)) && link.target.every((p) => marks.target.includes(p));
}

/** Marks or unmarks all paragraphs of `link`. */
export function toggleMarks(marks: Marks, link: Pick<Link, 'source' | 'target'>): Marks {
  if (isMarked(link, marks)) {
    return {
      source: marks.source.filter((p) => !link.source.includes(p)),
      target: marks.target.filter((p) => !link.target.includes(p)),
    };
  }
  const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);
  return { source: union(marks.source, link.source), target: union(marks.target, link.target) };
}

/** True when nothing is marked. */
export function noMarks(marks: Marks): boolean {
  return marks.source.length === 0 && marks.target.length === 0;
}

/** Marks that name paragraphs no longer there are dropped (after a text edit shortened a document). */
export function marksWithin(marks: Marks, alignment: Pick<Alignment, 'source' | 'target'>): Marks {
  const source = marks.source.filter((p) => p < alignment.source.paragraphs.length);
  const target = marks.target.filter((p) => p < alignment.target.paragraphs.length);
  return source.length === marks.source.length && target.length === marks.target.length ? marks : { source, target };
}

/** What is at the caret when a command runs. */
export interface CommandContext {
  readonly alignment: Alignment;
  /** The link at the caret, or -1. */
  readonly link: number;
  /** The caret's side and paragraph (-1 between paragraphs). */
  readonly side: Side;
  readonly paragraph: number;
  readonly marks: Marks;
  /** Paragraphs the two editors' selections touch (the caret's paragraph when nothing is selected). */
  readonly selection: Marks;
  readonly now: string;
}

/** An edit to make, or why the command cannot act here. */
export type EditPlan = { readonly kind: 'edit'; readonly edit: AlignmentEdit; readonly label?: string } | { readonly kind: 'refused'; readonly reason: string };

function refused(reason: string): EditPlan {
  return { kind: 'refused', reason };
}

/** The link-editing commands {@link planEdit} knows. */
export type EditCommand =
  | 'reject'
  | 'reset-status'
  | 'merge-next'
  | 'split'
  | 'unlink'
  | 'mark-untranslated'
  | 'shift-up'
  | 'shift-down'
  | 'link-marked'
  | 'link-with-skip';

/**
 * The edit a command makes at the caret, or the reason it cannot (said to the
 * user as a hint). The edit itself is applied by `applyEdit` (shared/edits),
 * which may still refuse it (a link that would cross another).
 */
export function planEdit(command: EditCommand, context: CommandContext): EditPlan {
  const { alignment, now } = context;
  const link = alignment.links[context.link];
  if (command === 'link-marked' || command === 'link-with-skip') {
    const chosen = noMarks(context.marks) ? context.selection : context.marks;
    if (chosen.source.length === 0 && chosen.target.length === 0) {
      return refused('Mark links with Space (or select paragraphs in both texts) first.');
    }
    if (command === 'link-with-skip') {
      if (chosen.source.length === 0 || chosen.target.length === 0) return refused('A link with a skip needs paragraphs on both sides.');
      return { kind: 'edit', edit: { kind: 'link-with-skip', source: chosen.source, target: chosen.target, now } };
    }
    return { kind: 'edit', edit: { kind: 'link', source: chosen.source, target: chosen.target, now } };
  }
  if (!link) return refused('Put the caret in a paragraph (or pick a link in the list) first.');
  const index = context.link;
  switch (command) {
    case 'reject':
      return { kind: 'edit', edit: { kind: 'set-status', link: index, status: 'rejected', now }, label: 'Reject' };
    case 'reset-status':
      if (link.status === 'auto') return refused('The link is not reviewed yet.');
      return { kind: 'edit', edit: { kind: 'set-status', link: index, status: 'auto', now }, label: 'Mark Unreviewed' };
    case 'merge-next':
      if (index + 1 >= alignment.links.length) return refused('This is the last link: there is nothing after it to merge with.');
      return { kind: 'edit', edit: { kind: 'merge-next', link: index, now } };
    case 'split':
      if (link.source.length <= 1 && link.target.length <= 1) return refused('The link has one paragraph on each side: there is nothing to split.');
      return { kind: 'edit', edit: { kind: 'split', link: index, now } };
    case 'unlink':
      if (link.source.length + link.target.length <= 1) return refused('The paragraph is alone already.');
      return { kind: 'edit', edit: { kind: 'unlink', link: index, now } };
    case 'mark-untranslated': {
      const target = caretParagraphIn(link, context);
      if (!target) return refused('Put the caret in the paragraph to mark.');
      return { kind: 'edit', edit: { kind: 'mark-untranslated', side: target.side, paragraph: target.paragraph, now } };
    }
    case 'shift-up':
    case 'shift-down': {
      const side = link[context.side].length > 0 ? context.side : context.side === 'source' ? 'target' : 'source';
      const direction = command === 'shift-up' ? 'up' : 'down';
      const neighbour = alignment.links[direction === 'up' ? index - 1 : index + 1];
      if (!neighbour) return refused(direction === 'up' ? 'There is no link above this one.' : 'There is no link below this one.');
      return { kind: 'edit', edit: { kind: 'shift-boundary', link: index, side, direction, now } };
    }
  }
}

/** The paragraph of `link` the caret is in; else the first of the caret's side, else the first of the link. */
export function caretParagraphIn(link: Pick<Link, 'source' | 'target'>, context: Pick<CommandContext, 'side' | 'paragraph'>): ParagraphRef | undefined {
  if (context.paragraph >= 0 && link[context.side].includes(context.paragraph)) return { side: context.side, paragraph: context.paragraph };
  const first = link[context.side][0];
  if (first !== undefined) return { side: context.side, paragraph: first };
  return linkParagraphs(link)[0];
}

/** What to re-align around a link: the links strictly between `after` and `before` (confirmed links or the ends), and their paragraph range. */
export interface RealignPlan {
  readonly after: number;
  readonly before: number;
  readonly range: AlignRange;
}

/**
 * The stretch between the confirmed links around link `index`: `after` is the
 * last confirmed link before it (-1 for none), `before` the first confirmed
 * link after it (the link count for none). The paragraph range runs from just
 * after the last paragraph `after` and the links before it hold, to just before
 * the first paragraph `before` and the links after it hold, on each side.
 */
export function planRealign(alignment: Pick<Alignment, 'links' | 'source' | 'target'>, index: number): RealignPlan | { readonly refused: string } {
  const links = alignment.links;
  const link = links[index];
  if (!link) return { refused: 'Put the caret in a paragraph (or pick a link in the list) first.' };
  if (link.status === 'confirmed') return { refused: 'This link is confirmed: re-aligning keeps confirmed links. Move to a link still to review.' };
  let after = index - 1;
  while (after >= 0 && links[after]!.status !== 'confirmed') after--;
  let before = index + 1;
  while (before < links.length && links[before]!.status !== 'confirmed') before++;
  const start = (side: Side) => links.slice(0, after + 1).reduce((max, other) => Math.max(max, other[side].at(-1) ?? -1), -1) + 1;
  const end = (side: Side) => links.slice(before).reduce((min, other) => Math.min(min, other[side][0] ?? min), alignment[side].paragraphs.length);
  const range = { sourceStart: start('source'), sourceEnd: end('source'), targetStart: start('target'), targetEnd: end('target') };
  if (range.sourceEnd <= range.sourceStart && range.targetEnd <= range.targetStart) return { refused: 'There is nothing between the confirmed links to re-align.' };
  return { after, before, range: { ...range, sourceEnd: Math.max(range.sourceStart, range.sourceEnd), targetEnd: Math.max(range.targetStart, range.targetEnd) } };
}

/** Where a link is after an edit: the link that now holds `paragraph` of `side` (-1 when none does). */
export function linkHolding(alignment: Pick<Alignment, 'links'>, side: Side, paragraph: number): number {
  return alignment.links.findIndex((link) => link[side].includes(paragraph));
}

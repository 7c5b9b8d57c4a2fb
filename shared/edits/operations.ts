/**
 * The edits a reviewer makes to an alignment, as data, and the one pure
 * function that applies them. Edits are values so the history can record them,
 * tests can generate them, and the UI and the CLI share one vocabulary.
 *
 * Status rules (docs/review.md, "Links made by hand"): every link the reviewer
 * makes or reshapes by hand (`link`, `link-with-skip`, `mark-untranslated`,
 * `unlink`, `merge-next`, `split`, `shift-boundary`) is `confirmed`, with
 * score 0 and confidence 1: the reviewer's word, not an aligner's estimate.
 * What is left of other links that lost paragraphs to such an edit, and
 * paragraphs a re-alignment left over, stay `auto` with confidence 0: nobody
 * judged them, so they come first in the weakest-first review order. No edit
 * leaves a link `auto` with a confidence it was never given.
 */
import type { Alignment, Link, LinkStatus, Side, StoredSentences } from '../model/alignment.ts';
import { findSentenceProblem } from '../model/sentence-invariants.ts';
import { paragraphLength, paragraphText } from '../model/document.ts';
import { changeSentences, type SentenceChange } from './sentence-edits.ts';
import { linkStatuses } from '../model/alignment.ts';
import { assertNever, BitextError } from '../errors.ts';
import {
  checkLinkIndex,
  checkParagraphs,
  explode,
  finish,
  findLinkOf,
  insertLink,
  remainder,
  removeParagraphs,
  sides,
  userLink,
  withAnnotations,
} from './links.ts';
import { normaliseTags } from './tags.ts';

// Messages name links as a person reads them (from 1); the error's location keeps the 0-based index.

/** Every edit carries the time it was made (ISO 8601 UTC), which becomes the alignment's `modified`. */
interface TimedEdit {
  readonly now: string;
}

/** Links the chosen paragraphs together, taking them out of their old links. */
export interface LinkParagraphsEdit extends TimedEdit {
  readonly kind: 'link';
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** Breaks a link into one-sided links, one per paragraph. */
export interface UnlinkEdit extends TimedEdit {
  readonly kind: 'unlink';
  readonly link: number;
}

/** Merges a link with the next one in document order. */
export interface MergeNextEdit extends TimedEdit {
  readonly kind: 'merge-next';
  readonly link: number;
}

/**
 * Splits a link of several paragraphs. Without `at`, pairs its paragraphs in
 * order and leaves the extras one-sided; with `at`, the first part takes the
 * first `at.source` source and `at.target` target paragraphs, the second the rest.
 */
export interface SplitEdit extends TimedEdit {
  readonly kind: 'split';
  readonly link: number;
  readonly at?: { readonly source: number; readonly target: number };
}

/**
 * Moves one paragraph of `side` across a link boundary: `up` moves the link's
 * first paragraph of that side into the previous link, `down` its last one into
 * the next link.
 */
export interface ShiftBoundaryEdit extends TimedEdit {
  readonly kind: 'shift-boundary';
  readonly link: number;
  readonly side: Side;
  readonly direction: 'up' | 'down';
}

/** Makes a paragraph its own confirmed one-sided link: untranslated (source) or added (target). */
export interface MarkUntranslatedEdit extends TimedEdit {
  readonly kind: 'mark-untranslated';
  readonly side: Side;
  readonly paragraph: number;
}

/**
 * Links a group that skips paragraphs (`17,19-5`): every paragraph between the
 * group's first and last on either side that is not in the group becomes its
 * own confirmed one-sided link (`18-∅`).
 */
export interface LinkWithSkipEdit extends TimedEdit {
  readonly kind: 'link-with-skip';
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** Sets a link's review status. */
export interface SetStatusEdit extends TimedEdit {
  readonly kind: 'set-status';
  readonly link: number;
  readonly status: LinkStatus;
}

/** Sets a link's note; an empty (or white space) note removes it. */
export interface SetNoteEdit extends TimedEdit {
  readonly kind: 'set-note';
  readonly link: number;
  readonly note: string;
}

/** Sets a link's tags, normalised by {@link normaliseTags}; no tags removes the field. */
export interface SetTagsEdit extends TimedEdit {
  readonly kind: 'set-tags';
  readonly link: number;
  readonly tags: readonly string[];
}

/**
 * Replaces the links strictly between link `after` and link `before` (use -1
 * and the link count for the ends of the documents) with `links`, typically
 * the aligner's `alignRange` output for that stretch. The new links may use
 * only paragraphs of the replaced links or paragraphs no link holds between
 * the two; any such paragraph they leave out comes back as a one-sided link.
 */
export interface ReplaceRangeEdit extends TimedEdit {
  readonly kind: 'replace-range';
  readonly after: number;
  readonly before: number;
  readonly links: readonly Link[];
}

/**
 * Changes the sentence pairs inside link `link` (sentence-edits.ts); the link
 * then stores them. `base` is the pairs to start from when the link stores
 * none yet (the computed ones the reviewer sees); it is ignored otherwise.
 */
export interface EditSentencesEdit extends TimedEdit {
  readonly kind: 'edit-sentences';
  readonly link: number;
  readonly base?: StoredSentences;
  readonly change: SentenceChange;
}

/** Drops the sentence pairs link `link` stores: they are computed on demand again. */
export interface ResetSentencesEdit extends TimedEdit {
  readonly kind: 'reset-sentences';
  readonly link: number;
}

/** Every edit an alignment accepts. */
export type AlignmentEdit =
  | LinkParagraphsEdit
  | UnlinkEdit
  | MergeNextEdit
  | SplitEdit
  | ShiftBoundaryEdit
  | MarkUntranslatedEdit
  | LinkWithSkipEdit
  | SetStatusEdit
  | SetNoteEdit
  | SetTagsEdit
  | ReplaceRangeEdit
  | EditSentencesEdit
  | ResetSentencesEdit;

/** The kinds of edit, for menus and history labels. */
export type AlignmentEditKind = AlignmentEdit['kind'];

/**
 * Applies `edit` to `alignment` and returns the new alignment; the input is
 * not changed. The result's links are in document order (see `sortLinks`) and
 * break no rule of `findLinkProblems`. Throws `BitextError` (`invalid-argument`)
 * when the edit names a link or paragraph that does not exist, or cannot be
 * done without breaking a rule; nothing else is thrown for any input.
 */
export function applyEdit(alignment: Alignment, edit: AlignmentEdit): Alignment {
  switch (edit.kind) {
    case 'link':
      return linkParagraphs(alignment, edit);
    case 'unlink':
      return unlink(alignment, edit);
    case 'merge-next':
      return mergeNext(alignment, edit);
    case 'split':
      return split(alignment, edit);
    case 'shift-boundary':
      return shiftBoundary(alignment, edit);
    case 'mark-untranslated':
      return markUntranslated(alignment, edit);
    case 'link-with-skip':
      return linkWithSkip(alignment, edit);
    case 'set-status':
      return setStatus(alignment, edit);
    case 'set-note':
      return setNote(alignment, edit);
    case 'set-tags':
      return setTags(alignment, edit);
    case 'replace-range':
      return replaceRange(alignment, edit);
    case 'edit-sentences':
      return editSentences(alignment, edit);
    case 'reset-sentences': {
      checkLinkIndex(alignment, edit.link);
      return updateLink(alignment, edit.link, ({ sentences: _old, ...link }) => link, edit.now);
    }
    default:
      return assertNever(edit, 'alignment edit');
  }
}

/**
 * Confirms link `link` and finds the next link still `auto` after it, wrapping
 * around to the start: a CAT tool's Ctrl+Enter. Rejected links are skipped: a
 * reviewer already judged them. `next` is undefined when no `auto` link is left.
 */
export function confirmAndNext(
  alignment: Alignment,
  link: number,
  now: string,
): { alignment: Alignment; next: number | undefined } {
  const confirmed = applyEdit(alignment, { kind: 'set-status', link, status: 'confirmed', now });
  const count = confirmed.links.length;
  for (let step = 1; step <= count; step++) {
    const index = (link + step) % count;
    if (confirmed.links[index]!.status === 'auto') return { alignment: confirmed, next: index };
  }
  return { alignment: confirmed, next: undefined };
}

function invalid(message: string, field?: string, link?: number): BitextError {
  return new BitextError('invalid-argument', message, {
    ...(field !== undefined ? { field } : {}),
    ...(link !== undefined ? { link } : {}),
  });
}

/**
 * A new link wins over old ones: links whose paragraphs all go into it vanish,
 * and their notes and tags move into it so no annotation is silently lost.
 */
function placeLink(alignment: Alignment, link: Link): Link[] {
  const swallowed = alignment.links.filter(
    (old) =>
      old.source.every((p) => link.source.includes(p)) &&
      old.target.every((p) => link.target.includes(p)) &&
      (old.note !== undefined || old.tags !== undefined),
  );
  const annotated = swallowed.length > 0 ? withAnnotations(link, combineAnnotations([link, ...swallowed])) : link;
  return insertLink(alignment.links, annotated);
}

/** Notes joined by line breaks, tags united: what a merged link keeps of its parts. */
function combineAnnotations(links: readonly Pick<Link, 'note' | 'tags'>[]): Pick<Link, 'note' | 'tags'> {
  const notes = [...new Set(links.map((link) => link.note).filter((note): note is string => !!note))];
  const tags = normaliseTags(links.flatMap((link) => link.tags ?? []));
  return {
    ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

function linkParagraphs(alignment: Alignment, edit: LinkParagraphsEdit): Alignment {
  const source = checkParagraphs(alignment, 'source', edit.source);
  const target = checkParagraphs(alignment, 'target', edit.target);
  if (source.length === 0 && target.length === 0) throw invalid('a link needs at least one paragraph', 'source');
  return finish(alignment, placeLink(alignment, userLink(source, target, 'confirmed')), edit.now);
}

function unlink(alignment: Alignment, edit: UnlinkEdit): Alignment {
  const link = checkLinkIndex(alignment, edit.link);
  const links = [...alignment.links];
  links.splice(edit.link, 1, ...explode(link.source, link.target, link, 'confirmed'));
  return finish(alignment, links, edit.now);
}

function mergeNext(alignment: Alignment, edit: MergeNextEdit): Alignment {
  const first = checkLinkIndex(alignment, edit.link);
  const second = alignment.links[edit.link + 1];
  if (!second) throw invalid(`link ${edit.link + 1} is the last link: there is no next link to merge with`, 'link', edit.link);
  const merged = userLink(
    [...first.source, ...second.source],
    [...first.target, ...second.target],
    'confirmed',
    combineAnnotations([first, second]),
  );
  const links = [...alignment.links];
  links.splice(edit.link, 2, merged);
  return finish(alignment, links, edit.now);
}

function split(alignment: Alignment, edit: SplitEdit): Alignment {
  const link = checkLinkIndex(alignment, edit.link);
  let pieces: Link[];
  if (edit.at === undefined) {
    if (link.source.length <= 1 && link.target.length <= 1) {
      throw invalid(`link ${edit.link + 1} has one paragraph per side: there is nothing to split`, 'link', edit.link);
    }
    pieces = splitInOrder(link);
  } else {
    const { source, target } = edit.at;
    const inRange = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
    if (!inRange(source, link.source.length) || !inRange(target, link.target.length)) {
      throw invalid(`split position ${source}/${target} is outside link ${edit.link + 1}`, 'at', edit.link);
    }
    if (source + target === 0 || source + target === link.source.length + link.target.length) {
      throw invalid(`split position ${source}/${target} leaves one part of link ${edit.link + 1} empty`, 'at', edit.link);
    }
    const first = reshape(link, link.source.slice(0, source), link.target.slice(0, target));
    const second = explodeOrLink(link.source.slice(source), link.target.slice(target));
    pieces = [...first, ...second];
  }
  const links = [...alignment.links];
  links.splice(edit.link, 1, ...pieces);
  return finish(alignment, links, edit.now);
}

/** Pairs the link's paragraphs in order; the first piece keeps the note and tags. */
function splitInOrder(link: Link): Link[] {
  const pairs = Math.min(link.source.length, link.target.length);
  const pieces: Link[] = [];
  for (let i = 0; i < pairs; i++) pieces.push(userLink([link.source[i]!], [link.target[i]!], 'confirmed'));
  pieces.push(...explode(link.source.slice(pairs), link.target.slice(pairs), {}, 'confirmed'));
  pieces[0] = withAnnotations(pieces[0]!, link);
  return pieces;
}

function explodeOrLink(source: readonly number[], target: readonly number[]): Link[] {
  return source.length > 0 && target.length > 0 ? [userLink(source, target, 'confirmed')] : explode(source, target, {}, 'confirmed');
}

function shiftBoundary(alignment: Alignment, edit: ShiftBoundaryEdit): Alignment {
  const link = checkLinkIndex(alignment, edit.link);
  if (edit.side !== 'source' && edit.side !== 'target') throw invalid(`unknown side ${String(edit.side)}`, 'side');
  const neighbourIndex = edit.direction === 'up' ? edit.link - 1 : edit.direction === 'down' ? edit.link + 1 : NaN;
  if (Number.isNaN(neighbourIndex)) throw invalid(`unknown direction ${String(edit.direction)}`, 'direction');
  const neighbour = alignment.links[neighbourIndex];
  if (!neighbour) {
    throw invalid(`link ${edit.link + 1} has no ${edit.direction === 'up' ? 'previous' : 'next'} link`, 'link', edit.link);
  }
  const paragraphs = link[edit.side];
  const moved = edit.direction === 'up' ? paragraphs[0] : paragraphs.at(-1);
  if (moved === undefined) throw invalid(`link ${edit.link + 1} has no ${edit.side} paragraph to move`, 'side', edit.link);

  const kept = paragraphs.filter((p) => p !== moved);
  const donor =
    edit.side === 'source'
      ? reshape(link, kept, link.target)
      : reshape(link, link.source, kept);
  const received =
    edit.side === 'source'
      ? userLink([...neighbour.source, moved], neighbour.target, 'confirmed', neighbour)
      : userLink(neighbour.source, [...neighbour.target, moved], 'confirmed', neighbour);
  const links = alignment.links.flatMap((other, index) =>
    index === edit.link ? donor : index === neighbourIndex ? [received] : [other],
  );
  return finish(alignment, links, edit.now);
}

/** What is left of `link` reshaped by hand to `source` and `target`: confirmed, keeping its note and tags. */
function reshape(link: Link, source: readonly number[], target: readonly number[]): Link[] {
  if (source.length > 0 && target.length > 0) return [userLink(source, target, 'confirmed', link)];
  return explode(source, target, link, 'confirmed');
}

function markUntranslated(alignment: Alignment, edit: MarkUntranslatedEdit): Alignment {
  if (edit.side !== 'source' && edit.side !== 'target') throw invalid(`unknown side ${String(edit.side)}`, 'side');
  const [paragraph] = checkParagraphs(alignment, edit.side, [edit.paragraph]);
  const holder = alignment.links[findLinkOf(alignment.links, edit.side, paragraph!)];
  const alone = holder !== undefined && holder[edit.side].length === 1 && holder[edit.side === 'source' ? 'target' : 'source'].length === 0;
  const own = userLink(
    edit.side === 'source' ? [paragraph!] : [],
    edit.side === 'target' ? [paragraph!] : [],
    'confirmed',
    alone ? holder : {},
  );
  const rest = removeParagraphs(alignment.links, edit.side, new Set([paragraph!]));
  return finish(alignment, [...rest, own], edit.now);
}

function linkWithSkip(alignment: Alignment, edit: LinkWithSkipEdit): Alignment {
  const source = checkParagraphs(alignment, 'source', edit.source);
  const target = checkParagraphs(alignment, 'target', edit.target);
  if (source.length === 0 || target.length === 0) {
    throw invalid('a group with a skip needs paragraphs on both sides', source.length === 0 ? 'source' : 'target');
  }
  let links = placeLink(alignment, userLink(source, target, 'confirmed'));
  for (const side of sides) {
    const group = side === 'source' ? source : target;
    for (let paragraph = group[0]! + 1; paragraph < group.at(-1)!; paragraph++) {
      if (group.includes(paragraph)) continue;
      const own = userLink(side === 'source' ? [paragraph] : [], side === 'target' ? [paragraph] : [], 'confirmed');
      links = [...removeParagraphs(links, side, new Set([paragraph])), own];
    }
  }
  return finish(alignment, links, edit.now);
}

function setStatus(alignment: Alignment, edit: SetStatusEdit): Alignment {
  checkLinkIndex(alignment, edit.link);
  if (!linkStatuses.includes(edit.status)) throw invalid(`unknown status ${String(edit.status)}`, 'status', edit.link);
  return updateLink(alignment, edit.link, (link) => ({ ...link, status: edit.status }), edit.now);
}

function setNote(alignment: Alignment, edit: SetNoteEdit): Alignment {
  checkLinkIndex(alignment, edit.link);
  if (typeof edit.note !== 'string') throw invalid('a note must be a string', 'note', edit.link);
  const note = edit.note.trim();
  return updateLink(
    alignment,
    edit.link,
    ({ note: _old, ...link }) => (note.length > 0 ? { ...link, note } : link),
    edit.now,
  );
}

function setTags(alignment: Alignment, edit: SetTagsEdit): Alignment {
  checkLinkIndex(alignment, edit.link);
  if (!Array.isArray(edit.tags) || !edit.tags.every((tag) => typeof tag === 'string')) {
    throw invalid('tags must be a list of strings', 'tags', edit.link);
  }
  const tags = normaliseTags(edit.tags);
  return updateLink(
    alignment,
    edit.link,
    ({ tags: _old, ...link }) => (tags.length > 0 ? { ...link, tags } : link),
    edit.now,
  );
}

function editSentences(alignment: Alignment, edit: EditSentencesEdit): Alignment {
  const link = checkLinkIndex(alignment, edit.link);
  const base = link.sentences ?? edit.base;
  if (!base) throw invalid(`link ${edit.link + 1} has no sentence pairs to edit`, 'base', edit.link);
  const length = (side: Side, paragraph: number) => paragraphLength(alignment[side], paragraph);
  const baseProblem = findSentenceProblem({ ...link, sentences: base }, length);
  if (baseProblem) throw invalid(`the sentence pairs of link ${edit.link + 1} do not fit it: ${baseProblem}`, 'base', edit.link);
  const sentences = changeSentences(base, edit.change, edit.link, (side, paragraph) => paragraphText(alignment[side], paragraph));
  const problem = findSentenceProblem({ ...link, sentences }, length);
  // Unreachable for a sound base (each change keeps pairs consecutive and covering); kept so no edit stores unsound pairs.
  if (problem) throw invalid(`the edit would leave unsound sentence pairs: ${problem}`, 'change', edit.link);
  return updateLink(alignment, edit.link, (old) => ({ ...old, sentences }), edit.now);
}

/** Changes one link in place: such edits never move links, so the order stays and only that link is new. */
function updateLink(alignment: Alignment, index: number, change: (link: Link) => Link, now: string): Alignment {
  const links = alignment.links.map((link, position) => (position === index ? change(link) : link));
  return { ...alignment, links, modified: now };
}

function replaceRange(alignment: Alignment, edit: ReplaceRangeEdit): Alignment {
  const count = alignment.links.length;
  const { after, before } = edit;
  if (!Number.isInteger(after) || after < -1 || after >= count) throw invalid(`no link ${after} to start after`, 'after');
  if (!Number.isInteger(before) || before <= after || before > count) {
    throw invalid(`no link ${before} after link ${after} to end before`, 'before');
  }
  const kept = [...alignment.links.slice(0, after + 1), ...alignment.links.slice(before)];
  const replaced = alignment.links.slice(after + 1, before);
  const free = {
    source: freeParagraphs(alignment, 'source', kept, replaced, after, before),
    target: freeParagraphs(alignment, 'target', kept, replaced, after, before),
  };
  const used = { source: new Set<number>(), target: new Set<number>() };
  edit.links.forEach((link, index) => {
    for (const side of sides) {
      for (const paragraph of link[side]) {
        if (!free[side].has(paragraph)) {
          throw invalid(`new link ${index} uses ${side} paragraph ${paragraph}, which is outside the range`, 'links');
        }
        if (used[side].has(paragraph)) {
          throw invalid(`new link ${index} uses ${side} paragraph ${paragraph} a second time`, 'links');
        }
        used[side].add(paragraph);
      }
    }
  });
  const leftOver = sides.flatMap((side) =>
    [...free[side]]
      .filter((paragraph) => !used[side].has(paragraph))
      .sort((a, b) => a - b)
      .map((paragraph) => userLink(side === 'source' ? [paragraph] : [], side === 'target' ? [paragraph] : [], 'auto')),
  );
  const copies = edit.links.map((link) => ({ ...link, source: [...link.source], target: [...link.target] }));
  return finish(alignment, [...kept, ...copies, ...leftOver], edit.now);
}

/**
 * The paragraphs of `side` a replacement may use: those of the replaced links,
 * and those no link holds that lie between the kept links before and after.
 */
function freeParagraphs(
  alignment: Alignment,
  side: Side,
  kept: readonly Link[],
  replaced: readonly Link[],
  after: number,
  before: number,
): Set<number> {
  const free = new Set(replaced.flatMap((link) => link[side]));
  const held = new Set(kept.flatMap((link) => link[side]));
  // A reduce, not Math.max(...list): a long document would overflow the argument stack.
  const lower = alignment.links
    .slice(0, after + 1)
    .reduce((max, link) => Math.max(max, link[side].at(-1) ?? -1), -1);
  const upper = alignment.links
    .slice(before)
    .reduce((min, link) => Math.min(min, link[side][0] ?? min), alignment[side].paragraphs.length);
  for (let paragraph = lower + 1; paragraph < upper; paragraph++) {
    if (!held.has(paragraph)) free.add(paragraph);
  }
  return free;
}

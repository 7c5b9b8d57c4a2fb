/**
 * Building blocks the alignment operations share: making user links, taking
 * paragraphs out of links, cutting a link around one that would cross it, and
 * checking the result. Each is pure and returns new arrays.
 */
import type { Alignment, Link, LinkStatus, Side } from '../model/alignment.ts';
import { findLinkProblems } from '../model/invariants.ts';
import { findSentenceProblem } from '../model/sentence-invariants.ts';
import { paragraphLength } from '../model/document.ts';
import { BitextError } from '../errors.ts';
import { sortLinks } from './sort-links.ts';

/** Both sides, for loops that treat them alike. */
export const sides: readonly Side[] = ['source', 'target'];

/** The side across from `side`. */
export function otherSide(side: Side): Side {
  return side === 'source' ? 'target' : 'source';
}

/**
 * A link an edit made: score 0, because no aligner judged it. Confirmed (the
 * reviewer stated it by hand), its confidence is 1: the reviewer's word.
 * Left `auto` (what is left of a link that lost paragraphs to another edit),
 * its confidence is 0: nobody judged it, so it comes first when the review
 * list is sorted weakest first. See docs/review.md. Indices are sorted copies.
 */
export function userLink(
  source: readonly number[],
  target: readonly number[],
  status: LinkStatus,
  extra: Pick<Link, 'note' | 'tags'> = {},
): Link {
  const link: Link = { source: sortedUnique(source), target: sortedUnique(target), score: 0, confidence: status === 'confirmed' ? 1 : 0, status };
  return withAnnotations(link, extra);
}

/** `link` with `note` and `tags` copied from `from` where present (absent ones stay absent, not `undefined`). */
export function withAnnotations(link: Link, from: Pick<Link, 'note' | 'tags'>): Link {
  let result: Link = link;
  if (from.note !== undefined) result = { ...result, note: from.note };
  if (from.tags !== undefined) result = { ...result, tags: from.tags };
  return result;
}

/** Ascending, without repeats. */
export function sortedUnique(indices: readonly number[]): number[] {
  return [...new Set(indices)].sort((a, b) => a - b);
}

/** True when both sides have paragraphs: only such links can cross. */
export function isTwoSided(link: Pick<Link, 'source' | 'target'>): boolean {
  return link.source.length > 0 && link.target.length > 0;
}

/** True when two two-sided links overlap or cross (one-sided links never do). */
export function crosses(a: Pick<Link, 'source' | 'target'>, b: Pick<Link, 'source' | 'target'>): boolean {
  if (!isTwoSided(a) || !isTwoSided(b)) return false;
  const aBeforeB = a.source.at(-1)! < b.source[0]! && a.target.at(-1)! < b.target[0]!;
  const bBeforeA = b.source.at(-1)! < a.source[0]! && b.target.at(-1)! < a.target[0]!;
  return !aBeforeB && !bBeforeA;
}

/**
 * One-sided links, one per paragraph, for what is left of a link that lost a
 * whole side. The first piece keeps the old link's note and tags, so a note is
 * never silently dropped by a reshaping edit.
 */
export function explode(source: readonly number[], target: readonly number[], from: Pick<Link, 'note' | 'tags'>, status: LinkStatus = 'auto'): Link[] {
  const pieces = [
    ...source.map((paragraph) => userLink([paragraph], [], status)),
    ...target.map((paragraph) => userLink([], [paragraph], status)),
  ];
  if (pieces[0]) pieces[0] = withAnnotations(pieces[0], from);
  return pieces;
}

/**
 * What is left of `link` once it keeps only `source` and `target`: the link
 * itself when nothing changed; a reshaped link (status `auto`, user scores)
 * when both sides still have paragraphs; otherwise one-sided pieces.
 */
export function remainder(link: Link, source: readonly number[], target: readonly number[]): Link[] {
  if (source.length === link.source.length && target.length === link.target.length) return [link];
  if (source.length > 0 && target.length > 0) return [userLink(source, target, 'auto', link)];
  return explode(source, target, link);
}

/** `links` with the given paragraphs of `side` taken out of whatever link holds them. */
export function removeParagraphs(links: readonly Link[], side: Side, paragraphs: ReadonlySet<number>): Link[] {
  if (paragraphs.size === 0) return [...links];
  return links.flatMap((link) => {
    if (!link[side].some((paragraph) => paragraphs.has(paragraph))) return [link];
    const kept = link[side].filter((paragraph) => !paragraphs.has(paragraph));
    return side === 'source' ? remainder(link, kept, link.target) : remainder(link, link.source, kept);
  });
}

/**
 * Cuts `link` around `wall`, a link it crosses: the paragraphs before the wall
 * on both sides stay linked, those after it stay linked, and those inside the
 * wall's span (or on the wrong side of it on one side only) become one-sided.
 */
export function cutAround(link: Link, wall: Pick<Link, 'source' | 'target'>): Link[] {
  const firstSource = wall.source[0]!;
  const lastSource = wall.source.at(-1)!;
  const firstTarget = wall.target[0]!;
  const lastTarget = wall.target.at(-1)!;
  const before = {
    source: link.source.filter((p) => p < firstSource),
    target: link.target.filter((p) => p < firstTarget),
  };
  const after = {
    source: link.source.filter((p) => p > lastSource),
    target: link.target.filter((p) => p > lastTarget),
  };
  const inside = {
    source: link.source.filter((p) => p >= firstSource && p <= lastSource),
    target: link.target.filter((p) => p >= firstTarget && p <= lastTarget),
  };
  const pieces: Link[] = [];
  const annotations: Pick<Link, 'note' | 'tags'> = link;
  let annotated = false;
  // The note goes with the first piece that is still a real link, else with the first piece.
  const take = () => {
    if (annotated) return {};
    annotated = true;
    return annotations;
  };
  for (const part of [before, after]) {
    if (part.source.length > 0 && part.target.length > 0) pieces.push(userLink(part.source, part.target, 'auto', take()));
  }
  const loose = {
    source: [
      ...inside.source,
      ...(before.target.length === 0 ? before.source : []),
      ...(after.target.length === 0 ? after.source : []),
    ],
    target: [
      ...inside.target,
      ...(before.source.length === 0 ? before.target : []),
      ...(after.source.length === 0 ? after.target : []),
    ],
  };
  pieces.push(...explode(sortedUnique(loose.source), sortedUnique(loose.target), take()));
  return pieces;
}

/**
 * Puts `link` into `links`: its paragraphs leave their old links, and any
 * two-sided link it would cross is cut around it. The new link wins because it
 * is what the user just asked for; undo brings the old links back.
 */
export function insertLink(links: readonly Link[], link: Link): Link[] {
  let rest = removeParagraphs(links, 'source', new Set(link.source));
  rest = removeParagraphs(rest, 'target', new Set(link.target));
  if (isTwoSided(link)) rest = rest.flatMap((other) => (crosses(other, link) ? cutAround(other, link) : [other]));
  return [...rest, link];
}

/**
 * The alignment with `links` sorted into document order and `modified` set to
 * `now`. Throws `invalid-argument` when the links break a rule of
 * {@link findLinkProblems}, so an edit never produces an unsound alignment.
 */
export function finish(alignment: Alignment, links: readonly Link[], now: string): Alignment {
  const sorted = sortLinks(links);
  const problems = findLinkProblems(sorted, alignment.source.paragraphs.length, alignment.target.paragraphs.length);
  const first = problems[0];
  if (first) {
    throw new BitextError('invalid-argument', `the edit would leave unsound links: ${first.message}`, {
      link: first.link,
    });
  }
  // Edits that reshape a link build it anew, without stored sentences; one that kept them must keep them sound.
  const length = (side: Side, paragraph: number) => paragraphLength(alignment[side], paragraph);
  sorted.forEach((link, index) => {
    const problem = findSentenceProblem(link, length);
    if (problem) throw new BitextError('invalid-argument', `the edit would leave unsound sentence pairs: ${problem}`, { link: index });
  });
  return { ...alignment, links: sorted, modified: now };
}

/** Throws `invalid-argument` unless `index` names a link of `alignment`. */
export function checkLinkIndex(alignment: Alignment, index: number, field = 'link'): Link {
  const link = Number.isInteger(index) ? alignment.links[index] : undefined;
  if (!link) {
    throw new BitextError('invalid-argument', `no link ${index}: the alignment has ${alignment.links.length}`, {
      field,
    });
  }
  return link;
}

/** Sorted, distinct copies of `indices`; throws `invalid-argument` when one is not a paragraph of `side`. */
export function checkParagraphs(alignment: Alignment, side: Side, indices: readonly number[]): number[] {
  const count = alignment[side].paragraphs.length;
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new BitextError('invalid-argument', `no ${side} paragraph ${index}: the document has ${count}`, {
        field: side,
      });
    }
  }
  return sortedUnique(indices);
}

/** The index of the link holding paragraph `paragraph` of `side`, or -1 when no link holds it. */
export function findLinkOf(links: readonly Link[], side: Side, paragraph: number): number {
  return links.findIndex((link) => link[side].includes(paragraph));
}

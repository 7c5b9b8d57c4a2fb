/**
 * Keeps an alignment when one of its texts changes: in the editor, or on disk
 * (its SHA-256 differs when the alignment is opened). The old paragraphs are
 * followed into the new text through a diff (see `text-diff.ts`), and each
 * link moves with its paragraphs:
 * - a paragraph edited in place keeps its link;
 * - a split paragraph keeps its link: all its parts are in it;
 * - joined paragraphs keep their link; when they were in different links,
 *   those links merge (reported);
 * - a deleted paragraph leaves its link; a link left with no paragraph on the
 *   edited side is dropped (reported), and its other side stays, one
 *   paragraph per one-sided link, so no paragraph falls out of the alignment;
 * - a new paragraph comes in unlinked, as its own one-sided link with status
 *   `auto` and confidence 0 (a paragraph continuing only paragraphs that no
 *   link held stays in no link, as they were). Not in no link at all (the
 *   model would allow it):
 *   every consumer (exports, the review queue, the view) already handles
 *   one-sided links, a paragraph in no link would silently fall out of
 *   exports, and confidence 0 puts it at the top of the review queue.
 *
 * Which old paragraph continues as which new one is decided by how much of
 * its text (letters, digits, punctuation: white space is not counted) the new
 * paragraph shares with it. The diff compares words, so a typo inside a
 * paragraph of one word ("Advertisement" to "Advertisment") shares nothing;
 * paragraphs replaced in place (old ones gone and new ones in their place,
 * between neighbours that continue each other) are therefore also compared
 * character by character, and continue when close enough. See
 * {@link RebaseOptions} for the thresholds.
 */
import type { Alignment, Link, Side } from '../model/alignment.ts';
import type { BitextDocument, Paragraph } from '../model/document.ts';
import { findLinkProblems } from '../model/invariants.ts';
import { BitextError } from '../errors.ts';
import { explode, otherSide, sortedUnique, withAnnotations } from './links.ts';
import { sortLinks } from './sort-links.ts';
import { normaliseTags } from './tags.ts';
import { diffTexts } from './text-diff.ts';
import { rebaseSentences, type SentenceRebaseOutcome } from './sentence-rebase.ts';
import type { TextDiff } from './text-diff.ts';

/** Options of {@link rebaseDocument}, each with its default. */
export interface RebaseOptions {
  /** The time of the change, which becomes the alignment's `modified`. Default: `modified` is left as it was. */
  readonly now?: string;
  /** Fields of the new document other than its text and paragraphs (new hashes after a reload). Default: the old ones. */
  readonly document?: Partial<Pick<BitextDocument, 'path' | 'sha256' | 'textSha256' | 'encoding' | 'language'>>;
  /** Cap of the token diff, see `diffTexts`. Default `defaultMaxEditLength`. */
  readonly maxEditLength?: number;
  /**
   * Share of a paragraph's text that must carry over for two paragraphs to
   * correspond. A new paragraph continues its main source (the old paragraph
   * it shares most with) when they share this much of the shorter of the two;
   * it also continues any other old paragraph that mostly (this share) went
   * into it: a join. Default {@link defaultMinShare}.
   */
  readonly minShare?: number;
  /**
   * A join also needs at least this many shared characters (or `minShare` of
   * the new paragraph): a deleted headline "Nato" must not look joined to the
   * next paragraph because the diff matched its four letters there.
   * Default {@link defaultMinJoinCharacters}.
   */
  readonly minJoinCharacters?: number;
  /**
   * For paragraphs replaced in place (old paragraphs the diff found in no new
   * one, and new paragraphs found in no old one, between the same neighbours;
   * paired in order, as many as can be): the similarity at which a new
   * paragraph continues an old one. Similarity is 1 − (edit distance ÷ length
   * of the longer), over characters other than white space, ignoring case.
   * Default {@link defaultMinSimilarity}.
   */
  readonly minSimilarity?: number;
}

/** Default {@link RebaseOptions.minShare}: below a third of a paragraph, an edit is a rewrite. */
export const defaultMinShare = 0.3;

/** Default {@link RebaseOptions.minJoinCharacters}: about two words. */
export const defaultMinJoinCharacters = 12;

/**
 * Default {@link RebaseOptions.minSimilarity}: half the characters. Typos
 * score above it (one letter in "Advertisement" 0.92, "Nato" to "Nat" 0.75,
 * "66" to "6" 0.5). Over the 2,415 pairs of distinct corpus paragraphs of at
 * most 200 characters, the median is 0.17 and the 99th percentile 0.38; the 9
 * pairs at 0.5 or more share whole words ("Related Posts", "Related Pages"),
 * which the word diff would pair as well. Edit distance rather than the
 * longest common subsequence (2 × common ÷ both lengths), measured on the
 * same pairs: common letters in order give unrelated headlines ("Strategic
 * Military Cooperation", "Economic and Trade Considerations") 0.52, and 39
 * pairs reach 0.5.
 */
export const defaultMinSimilarity = 0.5;

/**
 * Paragraphs replaced in place are compared character by character only when
 * the longer has at most this many characters (white space not counted): a
 * longer paragraph is many words, and the word diff judges it well.
 */
const maxComparedLength = 1000;

/**
 * Most edit-distance cells one rebase spends comparing replaced paragraphs
 * (about 40 ms on the test machine). Counted, not timed, so the result is the
 * same on every machine. Past it the remaining pairs count as unrelated, as they did
 * before this comparison existed, and the report says `approximate`.
 */
const similarityBudget = 10_000_000;

/** What happened to one old link. */
export type RebaseOutcome =
  /** Same paragraphs on the edited side, each continued by one new paragraph (its text may have changed). */
  | 'kept'
  /** Still linked, but its paragraphs moved: renumbered, split, or one of several deleted. */
  | 'moved'
  /** Merged with other links because their paragraphs were joined. */
  | 'merged'
  /** Every paragraph it had on the edited side was deleted. */
  | 'dropped';

/** The fate of one old link. */
export interface RebaseEntry {
  readonly outcome: RebaseOutcome;
  /** The link's index in the old alignment. */
  readonly from: number;
  /** Its index in the new alignment; absent when dropped. */
  readonly to?: number;
  /** The links holding what was left of its other side after it was dropped (one per paragraph). */
  readonly remnants?: readonly number[];
  /** Its paragraphs on the edited side, before and after. */
  readonly paragraphs: { readonly before: readonly number[]; readonly after: readonly number[] };
  /** For a link that stored sentence pairs fixed by hand: whether they were kept, moved onto the new text, or dropped. */
  readonly sentences?: SentenceRebaseOutcome;
}

/** What a rebase did, for the UI to say ("12 kept, 1 moved, 1 dropped") and to point at. */
export interface RebaseReport {
  readonly side: Side;
  /** One entry per old link, in old order. */
  readonly links: readonly RebaseEntry[];
  readonly counts: Readonly<Record<RebaseOutcome, number>>;
  /** New paragraphs that continue no old paragraph; each is its own one-sided link. */
  readonly added: readonly number[];
  /** Old paragraphs no new paragraph continues. */
  readonly deleted: readonly number[];
  /** Old paragraphs continued by several new ones. */
  readonly split: readonly number[];
  /** New paragraphs continuing several old ones. */
  readonly joined: readonly number[];
  /** How the texts were diffed (see `diffTexts`). */
  readonly method: TextDiff['method'];
  /**
   * True when the diff had to give up somewhere (see `diffTexts`), or the
   * character comparison of paragraphs replaced in place ran out of budget:
   * either way a paragraph counted as new may in fact have been edited.
   */
  readonly approximate: boolean;
}

/**
 * Rebases `alignment` onto a new text of its `side` document, split into
 * `newParagraphs` (by `splitParagraphs`; ranges in order, not overlapping,
 * inside the text). Pure. Returns the new alignment, whose links break no rule
 * of `findLinkProblems`, and a report of what happened to each link.
 *
 * A new paragraph that brings no `language` gets its old paragraph's when its
 * text is unchanged; others are left for the caller to detect. One that brings
 * no `mark` (furniture, footnote…) keeps the mark of the one old paragraph it
 * continues, edited or not: typing in a footnote leaves it a footnote.
 *
 * Throws `invalid-argument` for paragraphs that do not fit the text, and
 * `invalid-alignment` when the old links are unsound.
 */
export function rebaseDocument(
  alignment: Alignment,
  side: Side,
  newText: string,
  newParagraphs: readonly Paragraph[],
  options: RebaseOptions = {},
): { alignment: Alignment; report: RebaseReport } {
  checkNewParagraphs(newText, newParagraphs);
  const old = alignment[side];
  checkIndices(alignment);
  const diff = diffTexts(old.text, newText, options.maxEditLength !== undefined ? { maxEditLength: options.maxEditLength } : {});
  const { children, parents, approximate } = correspond(diff, old, newText, newParagraphs, {
    minShare: options.minShare ?? defaultMinShare,
    minJoinCharacters: options.minJoinCharacters ?? defaultMinJoinCharacters,
    minSimilarity: options.minSimilarity ?? defaultMinSimilarity,
  });

  const other = otherSide(side);
  const continued = (link: Link) => sortedUnique(link[side].flatMap((paragraph) => children[paragraph]!));

  // Links whose paragraphs were joined into one new paragraph merge: group them.
  const group = alignment.links.map((_, index) => index);
  const find = (index: number): number => {
    while (group[index] !== index) index = group[index] = group[group[index]!]!;
    return index;
  };
  const claimedBy = new Map<number, number>();
  alignment.links.forEach((link, index) => {
    for (const paragraph of continued(link)) {
      const claimant = claimedBy.get(paragraph);
      if (claimant === undefined) claimedBy.set(paragraph, index);
      else group[find(index)] = find(claimant);
    }
  });
  const members = new Map<number, number[]>();
  alignment.links.forEach((_, index) => {
    const root = find(index);
    members.set(root, [...(members.get(root) ?? []), index]);
  });

  // Build the new links, remembering which old links each came from.
  const built: { link: Link; readonly from: number[]; readonly outcome: RebaseOutcome }[] = [];
  const remnantsOf = new Map<number, Link[]>();
  for (const indices of members.values()) {
    if (indices.length > 1) {
      built.push({ link: mergeLinks(indices.map((i) => alignment.links[i]!), side, continued), from: indices, outcome: 'merged' });
      continue;
    }
    const index = indices[0]!;
    const link = alignment.links[index]!;
    if (link[side].length === 0) {
      built.push({ link, from: [index], outcome: 'kept' });
      continue;
    }
    const after = continued(link);
    if (after.length === 0) {
      const pieces = link[other].length > 0 ? explode(other === 'source' ? link[other] : [], other === 'target' ? link[other] : [], link) : [];
      remnantsOf.set(index, pieces);
      continue;
    }
    const lost = link[side].some((paragraph) => children[paragraph]!.length === 0);
    const oneToOne =
      !lost &&
      sameIndices(link[side], after) &&
      link[side].every((paragraph) => children[paragraph]!.length === 1 && parents[children[paragraph]![0]!]!.length === 1);
    const status = lost && link.status === 'confirmed' ? 'auto' : link.status;
    const moved: Link = { ...link, [side]: after, status };
    built.push({ link: oneToOne ? link : moved, from: [index], outcome: oneToOne ? 'kept' : 'moved' });
  }

  // Stored sentence pairs follow their link when that is simple, and are dropped (reported) otherwise.
  const sentenceOutcomes = new Map<number, SentenceRebaseOutcome>();
  for (const entry of built) {
    const stored = entry.link.sentences;
    if (!stored) {
      const lost = entry.from.find((from) => alignment.links[from]!.sentences !== undefined);
      if (lost !== undefined) sentenceOutcomes.set(lost, 'dropped');
      continue;
    }
    const from = entry.from[0]!;
    const { sentences, outcome } = rebaseSentences(stored, side, { before: alignment.links[from]![side], after: entry.link[side] }, old, newText, newParagraphs);
    sentenceOutcomes.set(from, outcome);
    if (sentences === stored) continue;
    const { sentences: _dropped, ...bare } = entry.link;
    entry.link = sentences ? { ...bare, sentences } : bare;
  }
  for (const from of remnantsOf.keys()) if (alignment.links[from]!.sentences) sentenceOutcomes.set(from, 'dropped');

  // Only paragraphs that continue nothing get a link of their own. One that continues old
  // paragraphs no link held stays out of every link, as they were: a rebase onto the same
  // text changes nothing.
  const added: number[] = [];
  const fresh: Link[] = [];
  newParagraphs.forEach((_, paragraph) => {
    if (parents[paragraph]!.length > 0) return;
    added.push(paragraph);
    fresh.push({
      source: side === 'source' ? [paragraph] : [],
      target: side === 'target' ? [paragraph] : [],
      score: 0,
      confidence: 0,
      status: 'auto',
    });
  });

  const remnants = [...remnantsOf.values()].flat();
  const links = sortLinks([...built.map((entry) => entry.link), ...remnants, ...fresh]);
  const position = new Map(links.map((link, index) => [link, index]));

  const entries: RebaseEntry[] = [];
  for (const entry of built) {
    for (const from of entry.from) {
      const sentences = sentenceOutcomes.get(from);
      entries.push({
        outcome: entry.outcome,
        from,
        to: position.get(entry.link)!,
        paragraphs: { before: alignment.links[from]![side], after: entry.link[side] },
        ...(sentences ? { sentences } : {}),
      });
    }
  }
  for (const [from, pieces] of remnantsOf) {
    const sentences = sentenceOutcomes.get(from);
    entries.push({
      outcome: 'dropped',
      from,
      remnants: pieces.map((piece) => position.get(piece)!),
      paragraphs: { before: alignment.links[from]![side], after: [] },
      ...(sentences ? { sentences } : {}),
    });
  }
  entries.sort((a, b) => a.from - b.from);

  const document: BitextDocument = {
    ...old,
    ...options.document,
    text: newText,
    paragraphs: carryParagraphFacts(old, newText, newParagraphs, children, parents),
  };
  const rebased: Alignment = {
    ...alignment,
    [side]: document,
    links,
    ...(options.now !== undefined ? { modified: options.now } : {}),
  };
  const after = findLinkProblems(links, rebased.source.paragraphs.length, rebased.target.paragraphs.length);
  if (after[0]) {
    // Reached only when the old links were unsound (a paragraph twice, crossing links): the
    // reasoning in the module comment shows sound links stay sound, and the property tests agree.
    throw new BitextError('invalid-alignment', `cannot rebase unsound links: ${after[0].message}`, { link: after[0].link });
  }
  const counts: Record<RebaseOutcome, number> = { kept: 0, moved: 0, merged: 0, dropped: 0 };
  for (const entry of entries) counts[entry.outcome]++;
  return {
    alignment: rebased,
    report: {
      side,
      links: entries,
      counts,
      added,
      deleted: children.flatMap((list, paragraph) => (list.length === 0 ? [paragraph] : [])),
      split: children.flatMap((list, paragraph) => (list.length > 1 ? [paragraph] : [])),
      joined: parents.flatMap((list, paragraph) => (list.length > 1 ? [paragraph] : [])),
      method: diff.method,
      approximate: diff.approximate || approximate,
    },
  };
}

/**
 * Says what a rebase did in one line: `12 kept, 1 moved, 1 dropped`, plus the
 * paragraphs that came in new. Categories with nothing are left out.
 */
export function formatRebaseReport(report: RebaseReport): string {
  const parts = (['kept', 'moved', 'merged', 'dropped'] as const)
    .filter((outcome) => report.counts[outcome] > 0)
    .map((outcome) => `${report.counts[outcome]} ${outcome}`);
  if (report.added.length > 0) {
    parts.push(`${report.added.length} new paragraph${report.added.length === 1 ? '' : 's'} unlinked`);
  }
  const dropped = droppedSentencePairs(report);
  if (dropped.length > 0) {
    parts.push(`sentence pairs fixed by hand dropped for link${dropped.length === 1 ? '' : 's'} ${dropped.map((from) => from + 1).join(', ')} (their text changed)`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no links';
}

/** The old links (0-based) whose sentence pairs fixed by hand the rebase dropped. */
export function droppedSentencePairs(report: Pick<RebaseReport, 'links'>): number[] {
  return report.links.filter((entry) => entry.sentences === 'dropped').map((entry) => entry.from);
}

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * One link out of links whose paragraphs were joined: both sides united,
 * status `auto` (nobody reviewed this pairing), score and confidence those of
 * its least sure part, notes and tags combined.
 */
function mergeLinks(links: readonly Link[], side: Side, continued: (link: Link) => number[]): Link {
  const other = otherSide(side);
  const edited = sortedUnique(links.flatMap(continued));
  const kept = sortedUnique(links.flatMap((link) => link[other]));
  const notes = [...new Set(links.flatMap((link) => (link.note ? [link.note] : [])))];
  const tags = normaliseTags(links.flatMap((link) => link.tags ?? []));
  const merged: Link = {
    source: side === 'source' ? edited : kept,
    target: side === 'target' ? edited : kept,
    score: Math.min(...links.map((link) => link.score)),
    confidence: Math.min(...links.map((link) => link.confidence)),
    status: 'auto',
  };
  return withAnnotations(merged, {
    ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  });
}

/**
 * Throws unless every link names paragraphs that exist: all the rebase needs
 * to run. Other unsound links (a paragraph twice, crossing) are caught by the
 * full check of the result; checking the input fully as well would double the
 * cost of a keystroke in a long document.
 */
function checkIndices(alignment: Alignment): void {
  alignment.links.forEach((link, index) => {
    for (const side of ['source', 'target'] as const) {
      const count = alignment[side].paragraphs.length;
      for (const paragraph of link[side]) {
        if (!Number.isInteger(paragraph) || paragraph < 0 || paragraph >= count) {
          throw new BitextError('invalid-alignment', `cannot rebase: ${side} paragraph ${paragraph} does not exist`, {
            link: index,
          });
        }
      }
    }
  });
}

/** Throws unless the paragraphs are in order, not overlapping, inside the text. */
function checkNewParagraphs(text: string, paragraphs: readonly Paragraph[]): void {
  let previousEnd = 0;
  paragraphs.forEach((paragraph, index) => {
    const { start, end } = paragraph;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end < start || end > text.length) {
      throw new BitextError(
        'invalid-argument',
        `new paragraph ${index} [${start}, ${end}) is out of order or outside the text (length ${text.length})`,
        { field: `paragraphs/${index}` },
      );
    }
    previousEnd = end;
  });
}

/** Counts of non-white-space code units before each offset, so any range's count is one subtraction. */
function visibleCounts(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) counts[i + 1] = counts[i]! + (isSpace(text.charCodeAt(i)) ? 0 : 1);
  return counts;
}

/** White space as `\s` knows it, tested by code so the count over a long text stays one fast pass. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Which new paragraphs continue which old ones. `children[p]` lists the new
 * paragraphs continuing old paragraph `p`; `parents[q]` the old paragraphs new
 * paragraph `q` continues. Both sorted; the relation is monotone (a later old
 * paragraph never continues into an earlier new one) because the diff's runs
 * are in order on both sides, and replaced paragraphs are paired in order
 * within their gap. `approximate` when the replaced paragraphs' comparison
 * ran out of budget.
 */
function correspond(
  diff: TextDiff,
  old: Pick<BitextDocument, 'text' | 'paragraphs'>,
  newText: string,
  newParagraphs: readonly Paragraph[],
  thresholds: { minShare: number; minJoinCharacters: number; minSimilarity: number },
): { children: number[][]; parents: number[][]; approximate: boolean } {
  const oldVisible = visibleCounts(old.text);
  const newVisible = visibleCounts(newText);
  const oldSize = old.paragraphs.map((p) => oldVisible[p.end]! - oldVisible[p.start]!);
  const newSize = newParagraphs.map((p) => newVisible[p.end]! - newVisible[p.start]!);

  // shared.get(q).get(p): visible characters of old paragraph p that the diff found in new paragraph q.
  const shared = new Map<number, Map<number, number>>();
  let firstOld = 0;
  let firstNew = 0;
  for (const run of diff.runs) {
    const runEnd = run.oldStart + run.length;
    const shift = run.newStart - run.oldStart;
    while (firstOld < old.paragraphs.length && old.paragraphs[firstOld]!.end <= run.oldStart) firstOld++;
    while (firstNew < newParagraphs.length && newParagraphs[firstNew]!.end <= run.newStart) firstNew++;
    // Within one run both lists advance together, so a run spanning the whole text costs one pass.
    let nextNew = firstNew;
    for (let p = firstOld; p < old.paragraphs.length && old.paragraphs[p]!.start < runEnd; p++) {
      const from = Math.max(run.oldStart, old.paragraphs[p]!.start) + shift;
      const to = Math.min(runEnd, old.paragraphs[p]!.end) + shift;
      while (nextNew < newParagraphs.length && newParagraphs[nextNew]!.end <= from) nextNew++;
      for (let q = nextNew; q < newParagraphs.length && newParagraphs[q]!.start < to; q++) {
        const start = Math.max(from, newParagraphs[q]!.start);
        const end = Math.min(to, newParagraphs[q]!.end);
        const count = end > start ? newVisible[end]! - newVisible[start]! : 0;
        if (count === 0) continue;
        const row = shared.get(q) ?? new Map<number, number>();
        row.set(p, (row.get(p) ?? 0) + count);
        shared.set(q, row);
      }
    }
  }

  const children: number[][] = old.paragraphs.map(() => []);
  const parents: number[][] = newParagraphs.map(() => []);
  const { minShare, minJoinCharacters } = thresholds;
  for (const [q, row] of [...shared].sort((a, b) => a[0] - b[0])) {
    let main = -1;
    let mainCount = 0;
    for (const [p, count] of row) {
      if (count > mainCount || (count === mainCount && p < main)) {
        main = p;
        mainCount = count;
      }
    }
    for (const [p, count] of [...row].sort((a, b) => a[0] - b[0])) {
      const continuesMain = p === main && count >= minShare * Math.min(oldSize[p]!, newSize[q]!);
      const joined =
        count >= minShare * oldSize[p]! && (count >= minJoinCharacters || count >= minShare * newSize[q]!);
      if (continuesMain || joined) {
        children[p]!.push(q);
        parents[q]!.push(p);
      }
    }
  }
  for (const list of children) list.sort((a, b) => a - b);
  const approximate = pairReplacements(old, newText, newParagraphs, children, parents, thresholds.minSimilarity);
  return { children, parents, approximate };
}

/**
 * Pairs paragraphs replaced in place, in `children` and `parents`. A gap is a
 * maximal run of old paragraphs no new one continues and the run of new
 * paragraphs continuing none between the same neighbours (the paragraph
 * before each run continues into the one before the other, and likewise
 * after, or both runs touch the same end of the document). Within a gap, old
 * and new paragraphs are paired in order, as many as can be, each pair similar
 * enough (ties go to the more similar pairs): a typo fixed in a headline while
 * a caption was added beside it keeps the headline's link. Gaps of more than
 * {@link maxGapPairs} candidate pairs are left alone: so much rewritten is a
 * rewrite. Returns true when the budget ran out.
 */
function pairReplacements(
  old: Pick<BitextDocument, 'text' | 'paragraphs'>,
  newText: string,
  newParagraphs: readonly Paragraph[],
  children: number[][],
  parents: number[][],
  minSimilarity: number,
): boolean {
  const oldCount = old.paragraphs.length;
  const newCount = newParagraphs.length;
  const budget = { cells: similarityBudget, exhausted: false };
  const oldVisible = (p: number) => visibleCharacters(old.text.slice(old.paragraphs[p]!.start, old.paragraphs[p]!.end));
  const newVisible = (q: number) => visibleCharacters(newText.slice(newParagraphs[q]!.start, newParagraphs[q]!.end));
  for (let start = 0; start < oldCount; ) {
    if (children[start]!.length > 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < oldCount && children[end]!.length === 0) end++;
    // The new run starts right after what the old paragraph before the run continues into.
    const newStart = start === 0 ? 0 : children[start - 1]!.at(-1)! + 1;
    let newEnd = newStart;
    while (newEnd < newCount && parents[newEnd]!.length === 0) newEnd++;
    const sameNextNeighbour = end === oldCount ? newEnd === newCount : children[end]![0] === newEnd;
    const pairs = (end - start) * (newEnd - newStart);
    if (sameNextNeighbour && pairs > 0 && pairs <= maxGapPairs) {
      const before = Array.from({ length: end - start }, (_, i) => oldVisible(start + i));
      const after = Array.from({ length: newEnd - newStart }, (_, j) => newVisible(newStart + j));
      const similarities = before.map((a) => after.map((b) => similarity(a, b, minSimilarity, budget)));
      for (const [i, j] of pairInOrder(similarities)) {
        children[start + i]!.push(newStart + j);
        parents[newStart + j]!.push(start + i);
      }
    }
    start = end;
  }
  return budget.exhausted;
}

/** Most candidate pairs (old × new paragraphs) in a gap {@link pairReplacements} compares. */
const maxGapPairs = 2500;

/**
 * The order-keeping pairing of rows with columns that has the most pairs, and
 * among those the greatest total similarity; `similarities[i][j]` is 0 where
 * row i and column j may not pair. A weighted longest common subsequence:
 * each pair weighs 1 + similarity ÷ (most pairs + 1), so n pairs weigh less
 * than n + 1 and one more pair always wins.
 */
function pairInOrder(similarities: readonly (readonly number[])[]): [number, number][] {
  const rows = similarities.length;
  const columns = similarities[0]?.length ?? 0;
  const scale = 1 / (Math.min(rows, columns) + 1);
  // best[i][j]: the best weight pairing rows i… with columns j….
  const best = Array.from({ length: rows + 1 }, () => new Float64Array(columns + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const similar = similarities[i]![j]!;
      const pair = similar > 0 ? 1 + similar * scale + best[i + 1]![j + 1]! : 0;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const chosen: [number, number][] = [];
  for (let i = 0, j = 0; i < rows && j < columns; ) {
    const similar = similarities[i]![j]!;
    if (similar > 0 && best[i]![j] === 1 + similar * scale + best[i + 1]![j + 1]!) {
      chosen.push([i, j]);
      i++;
      j++;
    } else if (best[i]![j] === best[i + 1]![j]) i++;
    else j++;
  }
  return chosen;
}

/** The characters of `text` other than white space, lower-cased, as code points. */
function visibleCharacters(text: string): Int32Array {
  const points: number[] = [];
  for (const character of text.toLowerCase()) {
    const point = character.codePointAt(0)!;
    if (!isSpace(point)) points.push(point);
  }
  return Int32Array.from(points);
}

/**
 * 1 − (edit distance ÷ longer length) of two texts' visible characters (see
 * {@link RebaseOptions.minSimilarity}) when it reaches `minSimilarity`, else
 * 0. Spends `budget.cells`; a pair it cannot afford counts as 0.
 */
function similarity(a: Int32Array, b: Int32Array, minSimilarity: number, budget: { cells: number; exhausted: boolean }): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0 || longer > maxComparedLength) return 0;
  // The distance is at least the difference in length: often enough to decide without the table.
  if (1 - Math.abs(a.length - b.length) / longer < minSimilarity) return 0;
  const cells = a.length * b.length;
  if (cells > budget.cells) {
    budget.exhausted = true;
    return 0;
  }
  budget.cells -= cells;
  const value = 1 - editDistance(a, b) / longer;
  // Above 0 even at a minSimilarity of 0, so that 0 keeps meaning "may not pair".
  return value >= minSimilarity ? Math.max(value, Number.MIN_VALUE) : 0;
}

/** Levenshtein distance (insertions, deletions, substitutions, each 1), two rows of the table. */
function editDistance(a: Int32Array, b: Int32Array): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const character = a[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (character === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The new paragraphs, each given its old paragraph's language when its text did not change, and its mark when it
 * continues that one paragraph alone (not a join or a split of it).
 */
function carryParagraphFacts(
  old: Pick<BitextDocument, 'text' | 'paragraphs'>,
  newText: string,
  newParagraphs: readonly Paragraph[],
  children: readonly number[][],
  parents: readonly number[][],
): Paragraph[] {
  return newParagraphs.map((paragraph, q) => {
    const only = parents[q]!.length === 1 && children[parents[q]![0]!]!.length === 1 ? parents[q]![0]! : undefined;
    const before = only === undefined ? undefined : old.paragraphs[only]!;
    const mark = paragraph.mark ?? before?.mark;
    const copy: Paragraph = { start: paragraph.start, end: paragraph.end, ...(mark ? { mark } : {}) };
    if (paragraph.language) return { ...copy, language: paragraph.language };
    if (!before) return copy;
    const same = old.text.slice(before.start, before.end) === newText.slice(paragraph.start, paragraph.end);
    return same && before.language ? { ...copy, language: before.language } : copy;
  });
}

/**
 * Derived data about an alignment, computed once per alignment value: which
 * link each paragraph is in, and the figures the status bar shows. Pure.
 */
import type { Alignment, Link, Side } from '../../shared/model/alignment.ts';
import type { Paragraph } from '../../shared/model/document.ts';
import { reviewProgress } from '../../shared/review/progress.ts';
/** One banding and one way of naming links for the app and the report (shared/review/progress.ts). */
export { confidenceBand, describeLink, type ConfidenceBand } from '../../shared/review/progress.ts';

/** For each paragraph of each side, the index of its link (-1 when it is in none). */
export interface LinkIndex {
  readonly source: Int32Array;
  readonly target: Int32Array;
}

/** Maps every paragraph to its link. */
export function indexLinks(alignment: Pick<Alignment, 'source' | 'target' | 'links'>): LinkIndex {
  const source = new Int32Array(alignment.source.paragraphs.length).fill(-1);
  const target = new Int32Array(alignment.target.paragraphs.length).fill(-1);
  alignment.links.forEach((link, index) => {
    for (const paragraph of link.source) if (paragraph < source.length) source[paragraph] = index;
    for (const paragraph of link.target) if (paragraph < target.length) target[paragraph] = index;
  });
  return { source, target };
}

/**
 * True when two link lists differ at most in statuses, notes and tags (same
 * paragraphs, same confidences): then nothing the editors draw moves.
 */
export function sameLinkShapes(a: readonly Link[], b: readonly Link[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const same = (x: readonly number[], y: readonly number[]) => x === y || (x.length === y.length && x.every((value, index) => value === y[index]));
  return a.every((link, index) => {
    const other = b[index]!;
    return link === other || (link.confidence === other.confidence && same(link.source, other.source) && same(link.target, other.target));
  });
}

/** The other side. */
export function otherSide(side: Side): Side {
  return side === 'source' ? 'target' : 'source';
}

/** True when the link has paragraphs on both sides (it gets a connector). */
export function isPaired(link: Pick<Link, 'source' | 'target'>): boolean {
  return link.source.length > 0 && link.target.length > 0;
}

/** What the status bar reports. */
export interface AlignmentStats {
  readonly links: number;
  /** Links with both sides. */
  readonly paired: number;
  /** Links a reviewer confirmed. */
  readonly confirmed: number;
  /** Confirmed links as a whole percentage of all links, rounded down so 100 means all (0 when there are none). */
  readonly confirmedPercent: number;
  /** Source paragraphs in links without a target (1:0): not translated. */
  readonly untranslatedSource: number;
  /** Target paragraphs in links without a source (0:1): added in the translation. */
  readonly untranslatedTarget: number;
  /** Paragraphs whose language is not their document's. */
  readonly mismatchedSource: number;
  readonly mismatchedTarget: number;
}

/** Counts links, confirmations, untranslated and mismatched paragraphs. */
export function alignmentStats(alignment: Alignment): AlignmentStats {
  let paired = 0;
  let confirmed = 0;
  let untranslatedSource = 0;
  let untranslatedTarget = 0;
  for (const link of alignment.links) {
    if (isPaired(link)) paired++;
    else if (link.target.length === 0) untranslatedSource += link.source.length;
    else untranslatedTarget += link.target.length;
    if (link.status === 'confirmed') confirmed++;
  }
  const links = alignment.links.length;
  return {
    links,
    paired,
    confirmed,
    confirmedPercent: reviewProgress(alignment.links).percent,
    untranslatedSource,
    untranslatedTarget,
    mismatchedSource: alignment.source.paragraphs.filter((paragraph) => paragraph.language?.mismatch).length,
    mismatchedTarget: alignment.target.paragraphs.filter((paragraph) => paragraph.language?.mismatch).length,
  };
}

/**
 * The paragraph that holds `offset` (its end counts: the caret after a
 * paragraph's last character is in it), or -1 between paragraphs.
 */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const paragraph = paragraphs[middle]!;
    if (offset < paragraph.start) high = middle - 1;
    else if (offset > paragraph.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

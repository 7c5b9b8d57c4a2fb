/**
 * The figures at the top of the review report: how much of each document the
 * links cover, how far the review got, and which tags were used.
 */
import { linkShape, type Alignment, type LinkStatus } from '../model/alignment.ts';

/** Coverage of one document. */
export interface SideSummary {
  readonly paragraphs: number;
  /** Paragraphs in a link that has the other side too: translated, or translations. */
  readonly covered: number;
  /** Paragraphs in a 1:0 (or 0:1) link: marked as having no counterpart. */
  readonly untranslated: number;
  /** Paragraphs in no link at all (an alignment being edited can have them). */
  readonly unlinked: number;
}

/** The report's summary of an alignment. */
export interface AlignmentSummary {
  readonly source: SideSummary;
  readonly target: SideSummary;
  readonly links: number;
  /** Links by status. */
  readonly statuses: Readonly<Record<LinkStatus, number>>;
  /** Share of links confirmed, in [0, 1] (0 when there are no links). */
  readonly confirmedShare: number;
  /** Links by shape (`1:1`, `2:1`, `1:0`…), most frequent first. */
  readonly shapes: readonly { readonly shape: string; readonly count: number }[];
  /** Tags by number of links carrying them, most frequent first, then by name. */
  readonly tags: readonly { readonly tag: string; readonly count: number }[];
  /** Mean confidence of the links that have both sides; `undefined` when there are none. */
  readonly meanConfidence: number | undefined;
}

/** Counts the report's summary figures for `alignment`. */
export function summarizeAlignment(alignment: Alignment): AlignmentSummary {
  const side = (count: number, key: 'source' | 'target'): SideSummary => {
    const covered = new Set<number>();
    const untranslated = new Set<number>();
    for (const link of alignment.links) {
      const other = key === 'source' ? link.target : link.source;
      for (const index of link[key]) (other.length > 0 ? covered : untranslated).add(index);
    }
    const inRange = (set: Set<number>) => [...set].filter((index) => index >= 0 && index < count).length;
    const coveredCount = inRange(covered);
    const untranslatedCount = inRange(untranslated);
    return { paragraphs: count, covered: coveredCount, untranslated: untranslatedCount, unlinked: count - coveredCount - untranslatedCount };
  };
  const statuses: Record<LinkStatus, number> = { auto: 0, confirmed: 0, rejected: 0 };
  const shapes = new Map<string, number>();
  const tags = new Map<string, number>();
  let confidenceSum = 0;
  let paired = 0;
  for (const link of alignment.links) {
    statuses[link.status]++;
    shapes.set(linkShape(link), (shapes.get(linkShape(link)) ?? 0) + 1);
    for (const tag of new Set(link.tags ?? [])) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    if (link.source.length > 0 && link.target.length > 0) {
      confidenceSum += link.confidence;
      paired++;
    }
  }
  const byCount = <T extends string>(map: Map<T, number>) =>
    [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    source: side(alignment.source.paragraphs.length, 'source'),
    target: side(alignment.target.paragraphs.length, 'target'),
    links: alignment.links.length,
    statuses,
    confirmedShare: alignment.links.length > 0 ? statuses.confirmed / alignment.links.length : 0,
    shapes: byCount(shapes).map(([shape, count]) => ({ shape, count })),
    tags: byCount(tags).map(([tag, count]) => ({ tag, count })),
    meanConfidence: paired > 0 ? confidenceSum / paired : undefined,
  };
}

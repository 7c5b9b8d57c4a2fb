/**
 * What the app and the review report both say about an alignment, computed in
 * one place so they never disagree: the confidence band a link is drawn in,
 * how far the review is, how many links carry flags, and the numbers a person
 * reads for links and paragraphs.
 *
 * Numbering: the alignment file keeps 0-based indices (schema/alignment.schema.json);
 * everything a person reads (the app, the report, the dot plot, exports'
 * ids and properties, CLI messages) counts links and paragraphs from 1.
 */
import type { Link, LinkStatus } from '../model/alignment.ts';

/** The confidence bands, lowest first. */
export type ConfidenceBand = 'low' | 'medium' | 'high';

/**
 * The bands: a link's band is the last whose `from` its confidence reaches.
 * Three steps, named and coloured the same in the app (connectors, review
 * list, status bar) and in the report (rows, dot plot, legend).
 */
export const confidenceBands: readonly { readonly band: ConfidenceBand; readonly from: number; readonly color: string; readonly label: string }[] = [
  { band: 'low', from: 0, color: '#d3483f', label: 'below 0.5' },
  { band: 'medium', from: 0.5, color: '#cf9b0e', label: '0.5–0.8' },
  { band: 'high', from: 0.8, color: '#2f9a5a', label: '0.8 and above' },
];

/** Which band `confidence` falls in (NaN and values below 0 in the lowest, above 1 in the highest). */
export function confidenceBand(confidence: number): ConfidenceBand {
  const value = Number.isFinite(confidence) ? confidence : 0;
  let band: ConfidenceBand = 'low';
  for (const step of confidenceBands) if (value >= step.from) band = step.band;
  return band;
}

/** The colour of `confidence`'s band, as `#rrggbb`. */
export function confidenceColor(confidence: number): string {
  const band = confidenceBand(confidence);
  return confidenceBands.find((step) => step.band === band)!.color;
}

/** How far the review is. */
export interface ReviewProgress {
  readonly total: number;
  readonly confirmed: number;
  readonly rejected: number;
  readonly auto: number;
  /** Confirmed links as a share of all links, in whole per cent, rounded down (100 only when all are; 0 when there are none). */
  readonly percent: number;
}

/** Counts the links by status. */
export function reviewProgress(links: readonly Pick<Link, 'status'>[]): ReviewProgress {
  const counts: Record<LinkStatus, number> = { auto: 0, confirmed: 0, rejected: 0 };
  for (const link of links) counts[link.status]++;
  const total = links.length;
  return { total, ...counts, percent: total === 0 ? 0 : Math.floor((counts.confirmed / total) * 100) };
}

/** How many links carry at least one flag (the app's "Flagged" filter and the report's count), from the flagged link indices. */
export function flaggedLinkCount(flaggedLinks: Iterable<number>): number {
  return new Set(flaggedLinks).size;
}

/** The number a person reads for the link or paragraph at 0-based `index`. */
export function displayNumber(index: number): number {
  return index + 1;
}

/** Paragraph indices as a person reads them: `12, 13`, or `–` for none. */
export function displayParagraphs(indices: readonly number[]): string {
  return indices.length === 0 ? '–' : indices.map(displayNumber).join(', ');
}

/** A link as a reader names it, with 1-based paragraph numbers: `12 ↔ 1`, `18, 20 ↔ 6`, `3 ↔ –`. */
export function describeLink(link: Pick<Link, 'source' | 'target'>): string {
  return `${displayParagraphs(link.source)} ↔ ${displayParagraphs(link.target)}`;
}

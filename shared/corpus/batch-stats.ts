/**
 * What a batch tells about each pair and the whole: links, the share of
 * paragraphs left untranslated, mean confidence, links a reviewer should look
 * at. Plain data, so a worker can send it and the summary can add it up.
 */
import type { Alignment } from '../model/alignment.ts';
import { confidenceBand } from '../review/progress.ts';

/** The figures of one aligned pair. */
export interface PairStats {
  readonly links: number;
  /** Paragraphs of both documents. */
  readonly paragraphs: number;
  /** Paragraphs in a 1:0 or 0:1 link. */
  readonly untranslated: number;
  /** Sum of the confidences of links with both sides (the mean is this over `translatedLinks`). */
  readonly confidenceSum: number;
  readonly translatedLinks: number;
  /** Links with both sides in the low confidence band (shared/review/progress.ts), as the app and the report colour them. */
  readonly lowConfidenceLinks: number;
}

/** The figures of an alignment. */
export function pairStats(alignment: Alignment): PairStats {
  let untranslated = 0;
  let confidenceSum = 0;
  let translatedLinks = 0;
  let lowConfidenceLinks = 0;
  for (const link of alignment.links) {
    if (link.source.length === 0 || link.target.length === 0) {
      untranslated += link.source.length + link.target.length;
      continue;
    }
    translatedLinks++;
    confidenceSum += link.confidence;
    if (confidenceBand(link.confidence) === 'low') lowConfidenceLinks++;
  }
  return {
    links: alignment.links.length,
    paragraphs: alignment.source.paragraphs.length + alignment.target.paragraphs.length,
    untranslated,
    confidenceSum,
    translatedLinks,
    lowConfidenceLinks,
  };
}

/** Several pairs' figures added up. */
export function addStats(all: readonly PairStats[]): PairStats {
  const total = { links: 0, paragraphs: 0, untranslated: 0, confidenceSum: 0, translatedLinks: 0, lowConfidenceLinks: 0 };
  for (const stats of all) for (const key of Object.keys(total) as (keyof PairStats)[]) total[key] += stats[key];
  return total;
}

/** The share of paragraphs left untranslated, in [0, 1]. */
export function untranslatedShare(stats: PairStats): number {
  return stats.paragraphs === 0 ? 0 : stats.untranslated / stats.paragraphs;
}

/** The mean confidence of the links with both sides, in [0, 1]; 0 with none. */
export function meanConfidence(stats: PairStats): number {
  return stats.translatedLinks === 0 ? 0 : stats.confidenceSum / stats.translatedLinks;
}

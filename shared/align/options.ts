/**
 * The aligner's tuning options, each with its default. None needs setting for
 * ordinary use: the length model and the shape priors are estimated from the
 * pair being aligned.
 */
import type { Lexicon } from './lexicon.ts';
import type { LinkedShapeKind } from './shapes.ts';

/** Options of {@link alignParagraphs} and {@link alignRange}. */
export interface AlignOptions {
  /** A bilingual dictionary (see `parseLexicon`); its entries found on both sides count as anchors. Default: none. */
  readonly lexicon?: Lexicon;
  /**
   * Half-width, in paragraphs, of the search band around the previous pass's
   * path (the first pass's beam is twice as wide). Doubled, and the pass
   * redone, while the best path runs along the band's edge. Default 4.
   */
  readonly bandWidth?: number;
  /**
   * Search passes, at least 2: a beam search that finds a first path, then
   * banded searches around the previous path. After each pass but the last,
   * the length ratio and spread, the shape priors and the unlinked-length
   * model are re-estimated from the links found (hard EM). Default 2: a
   * third pass measured no better on the benchmark.
   */
  readonly passes?: number;
  /** Divides scores before the forward–backward sums: above 1 spreads confidence, below 1 sharpens it. Default 1. */
  readonly temperature?: number;
  /** Weight of the length evidence. Default 1. */
  readonly lengthWeight?: number;
  /** Weight of the anchor evidence (numbers, names, dictionary words). Default 1. */
  readonly anchorWeight?: number;
  /** Cap, in nats, on what one shared anchor can add to a link. Default 8. */
  readonly maximumAnchorReward?: number;
  /** Starting shape probabilities, overriding `defaultShapePriors` where given. */
  readonly shapePriors?: {
    readonly unlinkedSource?: number;
    readonly unlinkedTarget?: number;
    readonly linked?: Partial<Record<LinkedShapeKind, number>>;
  };
  /** Weight, in pseudo-links, of the starting priors when re-estimating them from a pass. Default 20. */
  readonly priorStrength?: number;
  /** Whether a group may skip one paragraph (`17,19-5` with `18-∅`). Default true. */
  readonly allowSkips?: boolean;
  /**
   * Weight of the learnt length evidence for leaving a paragraph unlinked
   * (unlinked-length.ts), used from the second pass on. Default 1.
   */
  readonly unlinkedLengthWeight?: number;
}

/** Options with every default filled in. */
export type ResolvedAlignOptions = Required<Omit<AlignOptions, 'lexicon' | 'shapePriors'>> & Pick<AlignOptions, 'lexicon' | 'shapePriors'>;

/** The defaults, as documented on {@link AlignOptions}. */
export const defaultAlignOptions: ResolvedAlignOptions = {
  bandWidth: 4,
  passes: 2,
  temperature: 1,
  lengthWeight: 1,
  anchorWeight: 1,
  maximumAnchorReward: 8,
  priorStrength: 20,
  allowSkips: true,
  unlinkedLengthWeight: 1,
};

/** Fills in defaults and rejects values that would break the search. */
export function resolveOptions(options: AlignOptions = {}): ResolvedAlignOptions {
  const resolved: ResolvedAlignOptions = { ...defaultAlignOptions };
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[name] = value;
  }
  return resolved;
}

/**
 * Length evidence in the manner of Gale and Church (1993): a translation's
 * length is about a fixed multiple of its original's, with a spread that grows
 * with length. Unlike their fixed c = 1, s² = 6.8, the multiple and the spread
 * are estimated from the pair being aligned (Thai runs about 0.9 characters per
 * English one; Chinese about 0.3), and the spread has a wide second component
 * because translators condense merged paragraphs far more than the normal
 * curve allows.
 *
 * The evidence is a log-likelihood ratio: how much likelier the target length
 * is given the source length if the two are translations than if they are
 * unrelated paragraphs (whose length follows the target document's own
 * log-normal distribution).
 */

/** The fitted length model of one pair. */
export interface LengthModel {
  /** Expected target characters per source character. */
  readonly ratio: number;
  /** Variance of target length per source character (Gale–Church's s², in target units). */
  readonly variance: number;
  /**
   * Relative spread that does not shrink with length: translators' style
   * makes a 1,000-character paragraph vary by more than Gale–Church's √length
   * law allows. The standard deviation is √(s²·l + (spread·c·l)²).
   */
  readonly relativeSpread: number;
  /**
   * How many times wider the relative spread is for a link of three or more
   * paragraphs. A translator who merges paragraphs rewrites them more freely
   * (the corpus's two merges run 25–30% shorter than its single paragraphs);
   * and a group mixes paragraphs of different ratios (a heading and its body).
   */
  readonly groupSpread: number;
  /** Share of links whose length misfits follow the wide component. */
  readonly outlierShare: number;
  /** How many times wider the outlier component is. */
  readonly outlierScale: number;
  /** Mean and standard deviation of the log length of target paragraphs (the unrelated model). */
  readonly targetLogMean: number;
  readonly targetLogDeviation: number;
}

/** Gale and Church's variance for European languages at c = 1. */
export const galeChurchVariance = 6.8;
const logSqrtTwoPi = 0.5 * Math.log(2 * Math.PI);

/** The length of a paragraph as the model counts it: characters other than white space. */
export function paragraphLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Low surrogates would count astral characters twice.
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000) continue;
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    count++;
  }
  return Math.max(count, 1);
}

/** The median; a typed-array sort, since it runs over every paragraph of long documents. */
function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Log-normal fit (median and MAD of log lengths, robust to a few huge paragraphs) of a document's paragraphs. */
export function fitLogLengths(lengths: ArrayLike<number>): { mean: number; deviation: number } {
  // A loop, not Float64Array.from with a mapping, which iterates a typed array one result object at a time.
  const logs = new Float64Array(lengths.length);
  for (let index = 0; index < lengths.length; index++) logs[index] = Math.log(Math.max(lengths[index]!, 1));
  if (logs.length === 0) return { mean: Math.log(100), deviation: 1 };
  const center = median(logs);
  const mad = median(logs.map((value) => Math.abs(value - center)));
  return { mean: center, deviation: Math.max(1.4826 * mad, 0.35) };
}

/** A starting model: ratio as given, spread scaled from Gale and Church's by the ratio. */
export function initialLengthModel(ratio: number, targetLengths: ArrayLike<number>): LengthModel {
  const fit = fitLogLengths(targetLengths);
  return {
    ratio,
    // A quarter of Gale and Church's s²: most of their sentence-level spread is the relative part here.
    variance: galeChurchVariance * ratio * 0.25,
    relativeSpread: 0.12,
    groupSpread: 1.5,
    outlierShare: 0.1,
    outlierScale: 4,
    targetLogMean: fit.mean,
    targetLogDeviation: fit.deviation,
  };
}

/** Paragraphs shorter than this (source characters) say little about the relative spread: headings, numbers. */
const shortestForSpread = 50;

/**
 * Re-fits the ratio and the relative spread from pairs of (source, target)
 * lengths believed to be translations, robustly (median and MAD of the log
 * ratios) and shrunk towards `prior` by `priorWeight` pseudo-pairs, so a
 * handful of links cannot swing it far. The per-character variance stays as
 * in `prior`: it matters only for short paragraphs, which are too few and too
 * noisy to fit it.
 */
export function refitLengthModel(prior: LengthModel, allPairs: readonly (readonly [number, number])[], priorWeight = 5): LengthModel {
  // Headings and numbers ("Article 5" / "ข้อ 5") have ratios of their own; fit on real paragraphs when there are enough.
  const longPairs = allPairs.filter(([source, target]) => source >= shortestForSpread && target >= shortestForSpread / 2.5);
  const pairs = longPairs.length >= 3 ? longPairs : allPairs;
  if (pairs.length < 3) return prior;
  const logRatios = pairs.map(([source, target]) => Math.log(target / source));
  const share = pairs.length / (pairs.length + priorWeight);
  const measuredLogRatio = median(logRatios);
  const ratio = Math.exp(share * measuredLogRatio + (1 - share) * Math.log(prior.ratio));
  // The spread is measured around the pairs' own centre, not the shrunk one, which would inflate it.
  const long = pairs.filter(([source]) => source >= shortestForSpread).map(([source, target]) => Math.abs(Math.log(target / source) - measuredLogRatio));
  let relativeSpread = prior.relativeSpread;
  if (long.length >= 3) {
    const longShare = long.length / (long.length + priorWeight);
    const measured = 1.4826 * median(long);
    // Bounds keep a freak sample from making the model absurdly sharp or blind.
    relativeSpread = Math.min(Math.max(longShare * measured + (1 - longShare) * prior.relativeSpread, 0.05), 0.4);
  }
  const variance = (prior.variance / prior.ratio) * ratio;
  return { ...prior, ratio, variance, relativeSpread, outlierShare: refitOutlierShare(prior, allPairs, ratio, variance, relativeSpread) };
}

/** Misfits beyond this many standard deviations of the narrow component count as outliers: the narrow part is nil there. */
const outlierDeviations = 3;
/** Pseudo-links of the starting outlier share when refitting it. */
const outlierPriorWeight = 10;

/**
 * The share of links in the wide component, refitted to the pairs: the share
 * whose misfit is beyond {@link outlierDeviations} narrow deviations, shrunk
 * towards the prior's. A translation that keeps its original's paragraphs has
 * few, and then a paragraph of one length linked to one of a wholly
 * different length (a caption against a dropped paragraph's neighbour) costs
 * what it should; a freer translation keeps the wide component it needs.
 */
function refitOutlierShare(prior: LengthModel, pairs: readonly (readonly [number, number])[], ratio: number, variance: number, relativeSpread: number): number {
  let outliers = 0;
  for (const [source, target] of pairs) {
    const mean = (source + target / ratio) / 2;
    const relative = relativeSpread * ratio * mean;
    const misfit = target - ratio * source;
    if (misfit * misfit > outlierDeviations * outlierDeviations * (variance * mean + relative * relative)) outliers++;
  }
  return (outliers + outlierPriorWeight * prior.outlierShare) / (pairs.length + outlierPriorWeight);
}

/**
 * Log-likelihood ratio of a link's lengths: `sourceLength` characters on one
 * side and `targetLength` over `targetCount` paragraphs on the other, as
 * translations versus as unrelated text. `group` is true for links of three or
 * more paragraphs. The scorer (scorer.ts) computes the same with the model's
 * constants hoisted; this is the readable form.
 */
export function lengthLogOdds(
  model: LengthModel,
  sourceLength: number,
  targetLength: number,
  targetCount: number,
  group = false,
  logTargetLength = Math.log(targetLength),
): number {
  const ratio = model.ratio;
  const mean = (sourceLength + targetLength / ratio) / 2;
  const relative = model.relativeSpread * (group ? model.groupSpread : 1) * ratio * mean;
  const variance = model.variance * mean + relative * relative;
  const misfit = targetLength - ratio * sourceLength;
  const halfDeltaSquared = (0.5 * misfit * misfit) / variance;
  const wide = model.outlierScale;
  const narrowLog = Math.log(1 - model.outlierShare) - halfDeltaSquared;
  const wideLog = Math.log(model.outlierShare / wide) - halfDeltaSquared / (wide * wide);
  // log(e^narrow + e^wide) with one exponential; the narrow term vanishes for gross misfits.
  const mixture = narrowLog > wideLog ? narrowLog + Math.log1p(Math.exp(wideLog - narrowLog)) : wideLog + Math.log1p(Math.exp(narrowLog - wideLog));
  const linked = mixture - 0.5 * Math.log(variance) - logSqrtTwoPi;
  const z = (logTargetLength - model.targetLogMean - Math.log(targetCount)) / model.targetLogDeviation;
  const unrelated = -0.5 * z * z - logTargetLength - Math.log(model.targetLogDeviation) - logSqrtTwoPi;
  return linked - unrelated;
}

/**
 * How the length of a paragraph bears on its being untranslated, learnt from
 * the pair: after a pass, the lengths of the paragraphs it linked and of those
 * it left unlinked are each fitted with a log-normal, and a paragraph's
 * log-odds of being unlinked is the ratio of the two densities at its length.
 *
 * In a news page the unlinked paragraphs are mostly short (ads, captions,
 * headlines) or a long tail the translator dropped, while the translated body
 * has paragraphs of a typical length; a UDHR with headings has linked
 * paragraphs of every length, and the learnt ratio stays near zero. No list
 * of clutter words is involved: only the pair's own lengths.
 */
import { fitLogLengths } from './length-model.ts';

/** Least paragraphs on each side of the split (linked, unlinked) for a fit to be trusted. */
const minimumSample = 3;

function logNormalDensity(logLength: number, mean: number, deviation: number): number {
  const z = (logLength - mean) / deviation;
  return -0.5 * z * z - Math.log(deviation);
}

/**
 * Per paragraph, the log-odds (clamped to ±`limit`) that a paragraph of its
 * length is unlinked rather than linked, given which paragraphs of the same
 * document the last pass left unlinked. All zero when either group is too
 * small to fit.
 */
export function unlinkedLengthLogOdds(lengths: Float64Array, unlinked: Uint8Array, limit = 3): Float64Array {
  const linkedLengths: number[] = [];
  const unlinkedLengths: number[] = [];
  lengths.forEach((length, index) => (unlinked[index] ? unlinkedLengths : linkedLengths).push(length));
  const logOdds = new Float64Array(lengths.length);
  if (linkedLengths.length < minimumSample || unlinkedLengths.length < minimumSample) return logOdds;
  const linked = fitLogLengths(linkedLengths);
  const other = fitLogLengths(unlinkedLengths);
  lengths.forEach((length, index) => {
    const logLength = Math.log(length);
    const value = logNormalDensity(logLength, other.mean, other.deviation) - logNormalDensity(logLength, linked.mean, linked.deviation);
    logOdds[index] = Math.max(-limit, Math.min(limit, value));
  });
  return logOdds;
}

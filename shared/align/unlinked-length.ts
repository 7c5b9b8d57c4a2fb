/**
 * How the length of a paragraph bears on its being untranslated, learnt from
 * the pair. Each side's paragraph lengths are modelled as log-normal twice:
 * once for the paragraphs that have a counterpart, once for those that do
 * not. A paragraph's log-odds of being unlinked is the ratio of the two
 * densities at its length.
 *
 * Before any pass, the linked model is the whole document's and the unlinked
 * one a broad model around the same median (clutter can be any length, so a
 * paragraph of an unusual length leans towards unlinked). After a pass, both
 * are refitted to what the pass linked and left unlinked, the unlinked model
 * shrunk towards the broad one by a few pseudo-paragraphs. In a news page the
 * unlinked paragraphs are mostly short (ads, captions, headlines) and the
 * translated body has paragraphs of a typical length; in a declaration whose
 * headings are linked too, the two models stay close and the evidence weak.
 * No list of clutter words is involved: only the pair's own lengths.
 *
 * This is also the "unrelated" model of length-model.ts: the length a target
 * paragraph has when nothing links it to the source paragraph at hand.
 */
import { fitLogLengths } from './length-model.ts';

/** A log-normal distribution of paragraph lengths: mean and deviation of the log length. */
export interface LogNormal {
  readonly mean: number;
  readonly deviation: number;
}

/** The length models of one side. */
export interface SideLengthModel {
  readonly linked: LogNormal;
  readonly unlinked: LogNormal;
}

/** Least deviation (log units) of the broad unlinked model: lengths within a factor of about 3.3 either way. */
const broadDeviation = 1.2;
/** Pseudo-paragraphs of the broad model when refitting the unlinked one. */
const pseudoParagraphs = 3;
/** Least linked paragraphs to refit the linked model (else the whole document's stands). */
const minimumLinked = 3;

function pool(fitted: LogNormal, count: number, prior: LogNormal, weight: number): LogNormal {
  const mean = (count * fitted.mean + weight * prior.mean) / (count + weight);
  const variance =
    (count * (fitted.deviation ** 2 + (fitted.mean - mean) ** 2) + weight * (prior.deviation ** 2 + (prior.mean - mean) ** 2)) / (count + weight);
  return { mean, deviation: Math.sqrt(variance) };
}

/**
 * Fits the side's models; `unlinked` flags the paragraphs the last pass left
 * unlinked, or is absent before the first pass.
 */
export function fitSideLengths(lengths: ArrayLike<number>, unlinked?: Uint8Array): SideLengthModel {
  const overall = fitLogLengths(lengths);
  const broad = { mean: overall.mean, deviation: Math.max(broadDeviation, 2 * overall.deviation) };
  if (!unlinked) return { linked: overall, unlinked: broad };
  const linkedLengths: number[] = [];
  const unlinkedLengths: number[] = [];
  for (let index = 0; index < lengths.length; index++) (unlinked[index] ? unlinkedLengths : linkedLengths).push(lengths[index]!);
  const linked = linkedLengths.length >= minimumLinked ? fitLogLengths(linkedLengths) : overall;
  const other = unlinkedLengths.length > 0 ? pool(fitLogLengths(unlinkedLengths), unlinkedLengths.length, broad, pseudoParagraphs) : broad;
  return { linked, unlinked: other };
}

function logDensity(logLength: number, model: LogNormal): number {
  const z = (logLength - model.mean) / model.deviation;
  return -0.5 * z * z - Math.log(model.deviation);
}

/** Per paragraph, the log-odds (clamped to ±`limit`) that a paragraph of its length is unlinked rather than linked. */
export function unlinkedLengthLogOdds(lengths: ArrayLike<number>, model: SideLengthModel, limit = 4): Float64Array {
  const odds = new Float64Array(lengths.length);
  for (let index = 0; index < lengths.length; index++) {
    const logLength = Math.log(Math.max(lengths[index]!, 1));
    const value = logDensity(logLength, model.unlinked) - logDensity(logLength, model.linked);
    odds[index] = Math.max(-limit, Math.min(limit, value));
  }
  return odds;
}

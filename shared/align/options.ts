/**
 * The aligner's tuning options, each with its default. None needs setting for
 * ordinary use: the length model and the shape priors are estimated from the
 * pair being aligned.
 */
import { BitextError } from '../errors.ts';
import type { Lexicon } from './lexicon.ts';
import type { SegmentationRules } from '../text/sentences.ts';
import { defaultShapePriors, type LinkedShapeKind } from './shapes.ts';

/**
 * Options of {@link alignParagraphs} and {@link alignRange}. Each has a
 * documented range, which {@link resolveOptions} enforces: outside it the
 * search either breaks (a NaN or infinite score, a band it cannot allocate,
 * every confidence 0) or has nothing more to give (a weight of 1000 drowns
 * every other kind of evidence as surely as one of 100 does).
 */
export interface AlignOptions {
  /** A bilingual dictionary (see `parseLexicon`); its entries found on both sides count as anchors. Default: none. */
  readonly lexicon?: Lexicon;
  /**
   * Half-width, in paragraphs, of the search band around the previous pass's
   * path (the first pass's beam is four times as wide). Doubled, and the pass
   * redone, while the best path runs along the band's edge. A whole number
   * ≥ 1; a band wider than the documents is the whole grid. Default 2:
   * against a band of 4 (with the same beam of 8), the same links, scores
   * and confidences on the corpus pair, 24 UDHR cases, 5,000 Bible verses,
   * 2,000 paragraphed independently and 3,000 synthetic paragraphs; on
   * 30,000 verses with drops and merges 43 links in place of 41 of 29,159
   * (F1 0.99316 → 0.99321, untranslated left unlinked 0.941 → 0.945); and
   * half the cells of the pass the aligner spent most on.
   */
  readonly bandWidth?: number;
  /**
   * Search passes, a whole number from 2 to 10: a beam search that finds a
   * first path, then banded searches around the previous path. After each
   * pass but the last, the length ratio and spread, the shape priors and the
   * unlinked-length model are re-estimated from the links found (hard EM).
   * Default 2: a third pass measured no better on the benchmark.
   */
  readonly passes?: number;
  /**
   * Divides scores before the forward–backward sums: above 1 spreads
   * confidence, below 1 sharpens it; and with it, which paragraphs the
   * posteriors find more likely unlinked than linked, which leave their link
   * (confidence.ts). From 0.01 to 100. Default 1.
   */
  readonly temperature?: number;
  /** Weight of the length evidence, from 0 to 100. Default 1. */
  readonly lengthWeight?: number;
  /** Weight of the anchor evidence (numbers, names, dictionary words), from 0 to 100. Default 1. */
  readonly anchorWeight?: number;
  /** Cap, in nats, on what one shared anchor can add to a link: a finite number ≥ 0. Default 8. */
  readonly maximumAnchorReward?: number;
  /**
   * Starting shape probabilities, overriding `defaultShapePriors` where given.
   * `unlinkedSource` and `unlinkedTarget` are probabilities above 0 (so that
   * leaving a paragraph unlinked is always possible) that add up to less than
   * 1; the `linked` weights are finite and ≥ 0, and are normalised, so the
   * six of them after the overrides must not all be 0.
   */
  readonly shapePriors?: {
    readonly unlinkedSource?: number;
    readonly unlinkedTarget?: number;
    readonly linked?: Partial<Record<LinkedShapeKind, number>>;
  };
  /** Weight, in pseudo-links, of the starting priors when re-estimating them from a pass: a finite number ≥ 0. Default 20. */
  readonly priorStrength?: number;
  /** Whether a group may skip one paragraph (`17,19-5` with `18-∅`). Default true. */
  readonly allowSkips?: boolean;
  /**
   * Weight of the learnt length evidence for leaving a paragraph unlinked
   * (unlinked-length.ts), used from the second pass on. From 0 to 100. Default 1.
   */
  readonly unlinkedLengthWeight?: number;
  /**
   * Whether to learn a lexicon from the pair after the passes (word pairs that
   * recur in the surest 1:1 links, learned-lexicon.ts) and search once more
   * with its words as anchors. Default true.
   */
  readonly learnLexicon?: boolean;
  /**
   * Whether links whose sides carry different numbers, or end one side in a
   * heading, get their confidence lowered (link-doubts.ts). Default true.
   */
  readonly doubtLinks?: boolean;
  /**
   * Whether a pair whose paragraph alignment joins many paragraphs (the two
   * documents paragraphed differently, any-width.ts) is aligned again by
   * sentences, its paragraph links read off the sentence links, so a link
   * may join any number of paragraphs. Default true.
   */
  readonly anyWidth?: boolean;
  /**
   * SRX rules (shared/text/srx.ts) that cut the sentences of the any-width
   * route (`anyWidth`), so its units are a team's translation-memory units.
   * Default: the built-in segmenter.
   */
  readonly segmentation?: SegmentationRules;
}

/** Options with every default filled in. */
export type ResolvedAlignOptions = Required<Omit<AlignOptions, 'lexicon' | 'shapePriors' | 'segmentation'>> & Pick<AlignOptions, 'lexicon' | 'shapePriors' | 'segmentation'>;

/** The defaults, as documented on {@link AlignOptions}. */
export const defaultAlignOptions: ResolvedAlignOptions = {
  bandWidth: 2,
  passes: 2,
  temperature: 1,
  lengthWeight: 1,
  anchorWeight: 1,
  maximumAnchorReward: 8,
  priorStrength: 20,
  allowSkips: true,
  unlinkedLengthWeight: 1,
  learnLexicon: true,
  doubtLinks: true,
  anyWidth: true,
};

/** A numeric option's range: whole numbers only or any, its bounds (inclusive), and how a message states it. */
interface NumberRange {
  readonly integer: boolean;
  readonly minimum: number;
  readonly maximum: number;
  readonly expected: string;
}

const finiteAtLeastZero: NumberRange = { integer: false, minimum: 0, maximum: Number.MAX_VALUE, expected: 'a finite number ≥ 0' };
const weight: NumberRange = { integer: false, minimum: 0, maximum: 100, expected: 'a number from 0 to 100' };

/** The ranges documented on {@link AlignOptions}, one per numeric option. */
const numberRanges: Readonly<Record<Exclude<keyof ResolvedAlignOptions, 'lexicon' | 'shapePriors' | 'segmentation' | 'allowSkips' | 'learnLexicon' | 'doubtLinks' | 'anyWidth'>, NumberRange>> = {
  bandWidth: { integer: true, minimum: 1, maximum: Number.MAX_SAFE_INTEGER, expected: 'a whole number ≥ 1' },
  passes: { integer: true, minimum: 2, maximum: 10, expected: 'a whole number from 2 to 10' },
  temperature: { integer: false, minimum: 0.01, maximum: 100, expected: 'a number from 0.01 to 100' },
  lengthWeight: weight,
  anchorWeight: weight,
  maximumAnchorReward: finiteAtLeastZero,
  priorStrength: finiteAtLeastZero,
  unlinkedLengthWeight: weight,
};

const linkedShapeKinds: readonly LinkedShapeKind[] = ['1:1', '2:1', '1:2', '2:2', '3:1', '1:3'];

/** A value as a message shows it: numbers as JavaScript prints them (`NaN`, `Infinity`), the rest as JSON, cut short. */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function invalid(name: string, value: unknown, expected: string): BitextError {
  return new BitextError('invalid-argument', `aligner option ${name} must be ${expected}, got ${show(value)}`);
}

function checkNumber(name: string, value: unknown, range: NumberRange): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    value >= range.minimum &&
    value <= range.maximum;
  if (!ok) throw invalid(name, value, range.expected);
  return value;
}

/** Checks the shape priors against their documented ranges, with the defaults they override. */
function checkShapePriors(value: unknown): NonNullable<AlignOptions['shapePriors']> {
  if (typeof value !== 'object' || value === null) throw invalid('shapePriors', value, 'an object');
  const priors = value as Record<string, unknown>;
  for (const name of Object.keys(priors)) {
    if (name !== 'unlinkedSource' && name !== 'unlinkedTarget' && name !== 'linked') {
      throw new BitextError('invalid-argument', `aligner option shapePriors.${name} does not exist (the shape priors are unlinkedSource, unlinkedTarget and linked)`);
    }
  }
  const probability = (name: 'unlinkedSource' | 'unlinkedTarget'): number => {
    const given = priors[name];
    if (given === undefined) return defaultShapePriors[name];
    if (typeof given !== 'number' || !(given > 0 && given < 1)) throw invalid(`shapePriors.${name}`, given, 'a probability above 0 and below 1');
    return given;
  };
  const unlinkedSource = probability('unlinkedSource');
  const unlinkedTarget = probability('unlinkedTarget');
  if (!(unlinkedSource + unlinkedTarget < 1)) {
    throw invalid('shapePriors.unlinkedSource + shapePriors.unlinkedTarget', unlinkedSource + unlinkedTarget, 'below 1');
  }
  if (priors['linked'] !== undefined) {
    const linked = priors['linked'];
    if (typeof linked !== 'object' || linked === null) throw invalid('shapePriors.linked', linked, 'an object');
    const weights = linked as Record<string, unknown>;
    for (const [kind, weight] of Object.entries(weights)) {
      if (!(linkedShapeKinds as readonly string[]).includes(kind)) {
        throw new BitextError('invalid-argument', `aligner option shapePriors.linked has no shape "${kind}" (the shapes are ${linkedShapeKinds.join(', ')})`);
      }
      if (weight !== undefined) checkNumber(`shapePriors.linked["${kind}"]`, weight, finiteAtLeastZero);
    }
    const total = linkedShapeKinds.reduce((sum, kind) => sum + ((weights[kind] as number | undefined) ?? defaultShapePriors.linked[kind]), 0);
    if (!(total > 0 && Number.isFinite(total))) throw invalid('shapePriors.linked', linked, 'weights that add up to a finite number above 0');
  }
  return value as NonNullable<AlignOptions['shapePriors']>;
}

/**
 * Fills in defaults and rejects values outside the ranges documented on
 * {@link AlignOptions} with a `BitextError` (`invalid-argument`) naming the
 * option and the value. Properties that are not aligner options are ignored:
 * callers pass their own options objects through (the pipeline's `now`).
 */
export function resolveOptions(options: AlignOptions = {}): ResolvedAlignOptions {
  if (typeof options !== 'object' || options === null) throw new BitextError('invalid-argument', `aligner options must be an object, got ${show(options)}`);
  const given = options as Record<string, unknown>;
  const resolved: Record<string, unknown> = { ...defaultAlignOptions };
  for (const [name, range] of Object.entries(numberRanges)) {
    if (given[name] !== undefined) resolved[name] = checkNumber(name, given[name], range);
  }
  if (given['allowSkips'] !== undefined) {
    if (typeof given['allowSkips'] !== 'boolean') throw invalid('allowSkips', given['allowSkips'], 'true or false');
    resolved['allowSkips'] = given['allowSkips'];
  }
  for (const name of ['learnLexicon', 'doubtLinks', 'anyWidth'] as const) {
    if (given[name] === undefined) continue;
    if (typeof given[name] !== 'boolean') throw invalid(name, given[name], 'true or false');
    resolved[name] = given[name];
  }
  if (given['lexicon'] !== undefined) {
    const lexicon = given['lexicon'];
    if (typeof lexicon !== 'object' || lexicon === null || !Array.isArray((lexicon as { entries?: unknown }).entries)) {
      throw invalid('lexicon', lexicon, 'a dictionary from parseLexicon');
    }
    resolved['lexicon'] = lexicon;
  }
  if (given['shapePriors'] !== undefined) resolved['shapePriors'] = checkShapePriors(given['shapePriors']);
  if (given['segmentation'] !== undefined) {
    const rules = given['segmentation'];
    if (typeof rules !== 'object' || rules === null || !((rules as { languageRules?: unknown }).languageRules instanceof Map)) {
      throw invalid('segmentation', rules, 'SRX rules from parseSrx');
    }
    resolved['segmentation'] = rules;
  }
  return resolved as ResolvedAlignOptions;
}

/**
 * A lexicon learned from the pair itself, as hunalign's `-realign` and
 * Moore's aligner do: after a first alignment, words that keep turning up
 * together in its surest 1:1 links are taken as translations of each other
 * and become anchor keys for a second look, so that a long document is judged
 * on its own vocabulary and not only on lengths and names.
 *
 * Correspondences are scored by the Dice coefficient of co-occurrence,
 * 2·c(s,t) / (c(s) + c(t)) over the training links, and kept when each word is
 * the other's best partner (competitive linking) and they co-occur at least
 * twice. Words found in a third or more of the links (function words) are
 * left out: they co-occur with everything. Thai, Chinese, Japanese and the
 * other unspaced scripts are cut into words with `Intl.Segmenter`.
 *
 * Cost is bounded: at most {@link maximumTrainingLinks} links, spread evenly
 * over the document, are learned from.
 */
import type { PairEvidence, SideEvidence } from './evidence.ts';
import { languageProfile } from './language-profile.ts';
import { PhraseMatcher } from './phrase-matcher.ts';

/** A learned correspondence: a source word, a target word and how they were counted. */
export interface LearnedPair {
  readonly source: string;
  readonly target: string;
  /** Training links holding both words, the source word, and the target word. */
  readonly joint: number;
  readonly sourceCount: number;
  readonly targetCount: number;
  /** Training links learned from. */
  readonly links: number;
}

/** A 1:1 link the lexicon may learn from, with the confidence the first pass gave it. */
export interface TrainingLink {
  readonly source: number;
  readonly target: number;
  readonly confidence: number;
}

/** Options of {@link learnLexicon}, each with its default. */
export interface LearnOptions {
  /** Links below this confidence are not learned from. Default 0.9. */
  readonly minimumConfidence?: number;
  /** Smallest Dice coefficient kept. Default 0.5. */
  readonly minimumDice?: number;
}

/** Links learned from at most: beyond a few thousand, more adds time and few new words. */
export const maximumTrainingLinks = 3000;
/** Words in this share of the training links or more are function words, left out. */
const functionWordShare = 1 / 3;
/** Fewest training links to learn from: below this, co-occurrence is chance. */
const minimumTrainingLinks = 30;

const spacedWord = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const hasLetter = /\p{L}/u;

/** The distinct words of a text, lower-cased; unspaced scripts are cut by `Intl.Segmenter`. */
export function wordsOf(text: string, segmenter: Intl.Segmenter | undefined): string[] {
  const words = new Set<string>();
  if (segmenter) {
    for (const segment of segmenter.segment(text)) {
      if (segment.isWordLike && hasLetter.test(segment.segment)) words.add(segment.segment.toLowerCase());
    }
  } else {
    // The matched strings alone (a global match), not a match object with its index and groups per word.
    for (const word of text.match(spacedWord) ?? []) if (hasLetter.test(word)) words.add(word.toLowerCase());
  }
  return [...words];
}

/** A word segmenter for a language's unspaced script, or undefined for spaced ones. */
export function segmenterFor(language: string, texts: readonly string[]): Intl.Segmenter | undefined {
  const profile = languageProfile(language, texts.slice(0, 20).join('\n'));
  return profile.unspaced ? new Intl.Segmenter(profile.locale, { granularity: 'word' }) : undefined;
}

/** At most `limit` items of `items`, spread evenly (the same ones on every run). */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, index) => items[Math.floor(index * step)]!);
}

/** Word ids of each training link's two sides, and each word's number of links. */
function countWords(texts: readonly string[], indices: readonly number[], segmenter: Intl.Segmenter | undefined) {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const lists = indices.map((index) =>
    wordsOf(texts[index]!, segmenter).map((word) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = names.length;
        ids.set(word, id);
        names.push(word);
        counts.push(0);
      }
      counts[id]!++;
      return id;
    }),
  );
  return { lists, names, counts };
}

/**
 * Learns word correspondences from the confident 1:1 links of a first
 * alignment of `sourceTexts` (in `sourceLanguage`) with `targetTexts`.
 * Returns them sorted by Dice, best first.
 */
export function learnLexicon(
  sourceTexts: readonly string[],
  sourceLanguage: string,
  targetTexts: readonly string[],
  targetLanguage: string,
  links: readonly TrainingLink[],
  options: LearnOptions = {},
): LearnedPair[] {
  const minimumConfidence = options.minimumConfidence ?? 0.9;
  const minimumDice = options.minimumDice ?? 0.5;
  const training = spread(
    links.filter((link) => link.confidence >= minimumConfidence),
    maximumTrainingLinks,
  );
  if (training.length < minimumTrainingLinks) return [];
  const source = countWords(sourceTexts, training.map((link) => link.source), segmenterFor(sourceLanguage, sourceTexts));
  const target = countWords(targetTexts, training.map((link) => link.target), segmenterFor(targetLanguage, targetTexts));
  const ceiling = training.length * functionWordShare;
  const useful = (counts: readonly number[]) => counts.map((count) => count >= 2 && count < ceiling);
  const sourceUseful = useful(source.counts);
  const targetUseful = useful(target.counts);
  const sourceWords = source.names.length;
  const targetWords = target.names.length;
  // The useful target words of each link, and the links of each useful source word: co-occurrences are counted
  // one source word at a time in a reused array, not as millions of (pair, count) map entries.
  const targetLists = target.lists.map((list) => list.filter((word) => targetUseful[word]));
  const linksOf: number[][] = Array.from({ length: sourceWords }, () => []);
  source.lists.forEach((list, link) => {
    for (const word of list) if (sourceUseful[word]) linksOf[word]!.push(link);
  });
  // Best partner of each word on either side (-1: none yet) and its Dice; ties go to the lower id (first seen), so runs agree.
  const bestOfSource = new Int32Array(sourceWords).fill(-1);
  const diceOfSource = new Float64Array(sourceWords);
  const jointOfSource = new Int32Array(sourceWords);
  const bestOfTarget = new Int32Array(targetWords).fill(-1);
  const diceOfTarget = new Float64Array(targetWords);
  const counts = new Int32Array(targetWords);
  const touched: number[] = [];
  for (let sourceWord = 0; sourceWord < sourceWords; sourceWord++) {
    for (const link of linksOf[sourceWord]!) {
      for (const targetWord of targetLists[link]!) if (counts[targetWord]!++ === 0) touched.push(targetWord);
    }
    for (const targetWord of touched) {
      const count = counts[targetWord]!;
      counts[targetWord] = 0;
      if (count < 2) continue;
      const value = (2 * count) / (source.counts[sourceWord]! + target.counts[targetWord]!);
      const sourceBest = bestOfSource[sourceWord]!;
      if (sourceBest < 0 || value > diceOfSource[sourceWord]! || (value === diceOfSource[sourceWord] && targetWord < sourceBest)) {
        bestOfSource[sourceWord] = targetWord;
        diceOfSource[sourceWord] = value;
        jointOfSource[sourceWord] = count;
      }
      const targetBest = bestOfTarget[targetWord]!;
      if (targetBest < 0 || value > diceOfTarget[targetWord]! || (value === diceOfTarget[targetWord] && sourceWord < targetBest)) {
        bestOfTarget[targetWord] = sourceWord;
        diceOfTarget[targetWord] = value;
      }
    }
    touched.length = 0;
  }
  const learned: (LearnedPair & { dice: number })[] = [];
  for (let sourceWord = 0; sourceWord < sourceWords; sourceWord++) {
    const partner = bestOfSource[sourceWord]!;
    if (partner < 0 || diceOfSource[sourceWord]! < minimumDice || bestOfTarget[partner] !== sourceWord) continue;
    learned.push({
      source: source.names[sourceWord]!,
      target: target.names[partner]!,
      joint: jointOfSource[sourceWord]!,
      sourceCount: source.counts[sourceWord]!,
      targetCount: target.counts[partner]!,
      links: training.length,
      dice: diceOfSource[sourceWord]!,
    });
  }
  learned.sort((a, b) => b.dice - a.dice || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return learned.map(({ dice: _, ...pair }) => pair);
}

/** Adds `extra` keys (sorted per paragraph) to a side's, keeping each paragraph's list sorted. */
function mergeKeys(side: SideEvidence, extra: readonly (readonly number[])[]): SideEvidence {
  const keyStart = new Int32Array(side.count + 1);
  const keys: number[] = [];
  for (let paragraph = 0; paragraph < side.count; paragraph++) {
    keyStart[paragraph] = keys.length;
    for (let at = side.keyStart[paragraph]!; at < side.keyStart[paragraph + 1]!; at++) keys.push(side.keys[at]!);
    keys.push(...extra[paragraph]!);
  }
  keyStart[side.count] = keys.length;
  return { ...side, keyStart, keys: Int32Array.from(keys) };
}

/** Highest probability a learned word is trusted to travel with: learned from a first pass, never certain. */
const maximumKeep = 0.9;

/** Which paragraphs of each side to look for learned words in. */
export interface SearchedParagraphs {
  readonly source: Uint8Array;
  readonly target: Uint8Array;
}

/**
 * The evidence with each learned pair as one more anchor key (`learned:s=t`),
 * found by word in the paragraphs of both sides that `searched` flags (all,
 * when it is absent). A key's chance to travel is what the training links
 * showed: of the links holding the source word, the share holding the target
 * word too (and the reverse). How common a word is in its document is
 * estimated from its share of the training links, as the words are looked
 * for only in the paragraphs searched.
 */
export function withLearnedKeys(
  evidence: PairEvidence,
  sourceTexts: readonly string[],
  sourceLanguage: string,
  targetTexts: readonly string[],
  targetLanguage: string,
  learned: readonly LearnedPair[],
  searched?: SearchedParagraphs,
): PairEvidence {
  if (learned.length === 0) return evidence;
  const first = evidence.keyCount;
  // A trie pass finds the words faster than cutting every paragraph into words: a whole word in spaced
  // scripts, any substring in unspaced ones (their frequencies are counted the same way, so a short word
  // that also turns up inside longer ones is judged as common as it is).
  const keysOf = (texts: readonly string[], language: string, pick: (pair: LearnedPair) => string, only: Uint8Array | undefined) => {
    const matcher = new PhraseMatcher(learned.map((pair, index) => ({ text: pick(pair), key: first + index })));
    const boundaries = segmenterFor(language, texts) ? 'none' : 'word';
    // Most paragraphs have none: they share one empty list (never written to) rather than each making its own.
    const none: readonly number[] = [];
    return texts.map((text, paragraph) => {
      if (only && !only[paragraph]) return none;
      const found = matcher.find(text, boundaries);
      return found.length === 0 ? none : found.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b);
    });
  };
  const sourceKeys = keysOf(sourceTexts, sourceLanguage, (pair) => pair.source, searched?.source);
  const targetKeys = keysOf(targetTexts, targetLanguage, (pair) => pair.target, searched?.target);
  const keyCount = first + learned.length;
  const grow = <T extends Int32Array | Float64Array>(array: T, make: (length: number) => T): T => {
    const grown = make(keyCount);
    grown.set(array);
    return grown;
  };
  const sourceFrequency = grow(evidence.sourceFrequency, (length) => new Int32Array(length));
  const targetFrequency = grow(evidence.targetFrequency, (length) => new Int32Array(length));
  for (const list of sourceKeys) for (const key of list) sourceFrequency[key]!++;
  for (const list of targetKeys) for (const key of list) targetFrequency[key]!++;
  const keepSourceToTarget = grow(evidence.keepSourceToTarget, (length) => new Float64Array(length));
  const keepTargetToSource = grow(evidence.keepTargetToSource, (length) => new Float64Array(length));
  learned.forEach((pair, index) => {
    const key = first + index;
    if (searched) {
      sourceFrequency[key] = Math.max(sourceFrequency[key]!, Math.round((pair.sourceCount / pair.links) * evidence.sourceTotal));
      targetFrequency[key] = Math.max(targetFrequency[key]!, Math.round((pair.targetCount / pair.links) * evidence.targetTotal));
    }
    const sourceCount = Math.max(sourceFrequency[key]!, 1);
    const targetCount = Math.max(targetFrequency[key]!, 1);
    keepSourceToTarget[key] = Math.min(maximumKeep, pair.joint / (pair.sourceCount + 2), targetCount / sourceCount);
    keepTargetToSource[key] = Math.min(maximumKeep, pair.joint / (pair.targetCount + 2), sourceCount / targetCount);
  });
  return {
    ...evidence,
    source: mergeKeys(evidence.source, sourceKeys),
    target: mergeKeys(evidence.target, targetKeys),
    keyCount,
    keyLabels: [...evidence.keyLabels, ...learned.map((pair) => `learned:${pair.source}=${pair.target}`)],
    sourceFrequency,
    targetFrequency,
    keepSourceToTarget,
    keepTargetToSource,
  };
}

/**
 * Turns two documents into the evidence the scorer weighs: each paragraph's
 * length and the anchor keys it shares with paragraphs on the other side.
 *
 * A key is anything two paragraphs can have in common: a number, a known name
 * (as a language-neutral concept group), a Latin-script name, a dictionary
 * entry. Keys seen on only one side of the pair say nothing about which
 * paragraphs match and are dropped. Each key carries how likely a translation
 * is to keep it, in each direction: a Latin name inside Thai text is nearly
 * always in the English original, while an English name is often transliterated
 * into Thai script; and no key is trusted to travel more often than the pair
 * shows it can (found in 30 source paragraphs but 3 target ones, at most a
 * tenth arrive).
 *
 * It also gathers what marks a paragraph as untranslated on its own
 * ({@link UnlinkedEvidence}).
 */
import { assertNever } from '../errors.ts';
import type { AlignSide } from './align.ts';
import { extractAnchorsWithProfile, type Anchor } from './anchors.ts';
import { knownNameGroups } from './known-names.ts';
import { languageProfile, type LanguageProfile } from './language-profile.ts';
import type { Lexicon } from './lexicon.ts';
import { paragraphLength } from './length-model.ts';
import { PhraseMatcher, foldForMatching } from './phrase-matcher.ts';

/** The lengths and keys of one side. */
export interface SideEvidence {
  readonly count: number;
  /** {@link paragraphLength} of each paragraph. */
  readonly lengths: Float64Array;
  /** Keys of paragraph `i` are `keys[keyStart[i] .. keyStart[i + 1])`, sorted, without repeats. */
  readonly keyStart: Int32Array;
  readonly keys: Int32Array;
}

/** Everything the scorer knows about a pair. */
export interface PairEvidence {
  readonly source: SideEvidence;
  readonly target: SideEvidence;
  /** Paragraphs in the whole documents (a slice keeps the documents' counts, which key frequencies refer to). */
  readonly sourceTotal: number;
  readonly targetTotal: number;
  readonly keyCount: number;
  /** A readable name of each key (`number:80`, `known:region:JP`, `name:kishida`), for debugging and tests. */
  readonly keyLabels: readonly string[];
  /** In how many paragraphs of each side each key occurs. */
  readonly sourceFrequency: Int32Array;
  readonly targetFrequency: Int32Array;
  /** Probability that a translation keeps the key, from source to target and from target to source. */
  readonly keepSourceToTarget: Float64Array;
  readonly keepTargetToSource: Float64Array;
  readonly unlinked: UnlinkedEvidence;
}

/**
 * Per paragraph, log-odds that it is unlinked, from what it holds rather than
 * from any candidate counterpart: anchors found nowhere in the other document
 * (a number or a country no paragraph of the translation has), and being
 * written in another script or language than its document (English left in a
 * Thai or a German text).
 */
export interface UnlinkedEvidence {
  readonly source: Float64Array;
  readonly target: Float64Array;
}

/** Kinds of key, each with how often a translation keeps it. */
type KeyKind = 'number' | 'percent' | 'link' | 'known' | 'quote' | 'marked-name' | 'plain-name' | 'shared-name' | 'lexicon';

/**
 * How likely a translation keeps a key of each kind. Numbers survive unless
 * spelt out; a Latin name written inside non-Latin text (`marked-name`) almost
 * always stands in the original too; a quotation is often turned into
 * reported speech; a name from Latin text (`plain-name`) is often
 * transliterated; names between two Latin-script languages and dictionary
 * words are looser still.
 */
const keepProbability: Readonly<Record<KeyKind, number>> = {
  number: 0.75,
  percent: 0.8,
  link: 0.95,
  known: 0.6,
  quote: 0.5,
  'marked-name': 0.95,
  'plain-name': 0.5,
  'shared-name': 0.5,
  lexicon: 0.5,
};

let wordCharacters: Uint8Array | undefined;

/** 1 for letters, marks and digits of the Basic Multilingual Plane (a table: a regex per character is slow on long texts). */
function wordCharacterTable(): Uint8Array {
  if (!wordCharacters) {
    const pattern = /[\p{L}\p{M}\p{N}]/u;
    wordCharacters = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++) {
      // Surrogates pair up into letters of other planes (Han extensions): count them as word characters.
      wordCharacters[code] = (code >= 0xd800 && code <= 0xdfff) || pattern.test(String.fromCharCode(code)) ? 1 : 0;
    }
  }
  return wordCharacters;
}

/** The words of a paragraph, lower-cased, an English possessive dropped, and which of them are capitalised names. */
interface WordScan {
  readonly words: string[];
  /** Words written with a capital that do not open a sentence (names, and German nouns). */
  readonly capitalised: string[];
}

/** Characters after which a capital opens a sentence rather than marking a name. */
const sentenceOpenerCodes = new Set(['.', '!', '?', ':', ';', '“', '"', '‘', '«', '(', '•', '–', '—', '-', '['].map((character) => character.charCodeAt(0)));

/** Splits a paragraph into words in one pass over its characters (apostrophes and hyphens inside a word stay in it). */
function scanWords(text: string): WordScan {
  const table = wordCharacterTable();
  const words: string[] = [];
  const capitalised: string[] = [];
  let opener = true;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (!table[code]) {
      if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0xa0) opener = sentenceOpenerCodes.has(code);
      index++;
      continue;
    }
    const start = index;
    index++;
    while (index < text.length) {
      const next = text.charCodeAt(index);
      if (table[next]) index++;
      else if ((next === 0x27 || next === 0x2019 || next === 0x2d) && index + 1 < text.length && table[text.charCodeAt(index + 1)]) index += 2;
      else break;
    }
    const written = text.slice(start, index);
    let word = written.toLowerCase();
    if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) word = word.slice(0, -2);
    words.push(word);
    if (!opener && written !== word && written.charAt(0) !== word.charAt(0) && word.length > 1) capitalised.push(word);
    opener = false;
  }
  return { words, capitalised };
}

/** Keys of one paragraph, as labels with their kind, before the pair's key table exists. */
type RawKeys = Map<string, KeyKind>;

function anchorKeys(anchors: readonly Anchor[], groups: ReadonlyMap<string, string>, keys: RawKeys): void {
  for (const anchor of anchors) {
    switch (anchor.kind) {
      case 'number':
        keys.set(`number:${anchor.value}`, 'number');
        break;
      case 'percent':
        keys.set(`percent:${anchor.value}`, 'percent');
        break;
      case 'url':
      case 'email':
        keys.set(`${anchor.kind}:${anchor.value}`, 'link');
        break;
      case 'known-name':
        keys.set(`known:${groups.get(anchor.value) ?? anchor.value}`, 'known');
        break;
      case 'quote':
        // Quoted words rarely survive translation; that there is a quotation does.
        keys.set('quote', 'quote');
        break;
      case 'name':
        // Names are matched word by word in `nameKeys`, which needs both sides.
        break;
      default:
        assertNever(anchor.kind, 'anchor kind');
    }
  }
}

/** The words of each paragraph's name anchors. */
function nameWords(anchors: readonly (readonly Anchor[])[]): Set<string>[] {
  return anchors.map((list) => {
    const words = new Set<string>();
    for (const anchor of list) if (anchor.kind === 'name') for (const word of anchor.value.split(' ')) words.add(word);
    return words;
  });
}

/** What evidence building keeps of one side while it works. */
interface SideWork {
  readonly profile: LanguageProfile;
  readonly texts: readonly string[];
  readonly anchors: Anchor[][];
  readonly keys: RawKeys[];
  /** Word scans, made at most once per side and only when needed. */
  scans?: WordScan[];
}

function scansOf(side: SideWork): WordScan[] {
  side.scans ??= side.texts.map(scanWords);
  return side.scans;
}

/**
 * Name keys for both sides. Where one side writes Latin names inside another
 * script, its names are looked for among all words of the Latin side (so a
 * name opening a sentence is still found). Between two Latin-script sides, a
 * capitalised word is a key where the other side has it too.
 */
function nameKeys(sides: readonly [SideWork, SideWork]): void {
  const [first, second] = sides;
  const foreignFirst = first.profile.latinIsForeign;
  const foreignSecond = second.profile.latinIsForeign;
  const words = sides.map((side) => nameWords(side.anchors));
  const vocabulary = words.map((list) => new Set(list.flatMap((set) => [...set])));
  if (foreignFirst && foreignSecond) {
    sides.forEach((side, index) => {
      const other = vocabulary[1 - index]!;
      words[index]!.forEach((set, paragraph) => {
        for (const word of set) if (other.has(word)) side.keys[paragraph]!.set(`name:${word}`, 'marked-name');
      });
    });
    return;
  }
  if (foreignFirst !== foreignSecond) {
    const marked = foreignFirst ? 0 : 1;
    const plainSide = sides[1 - marked]!;
    const markedWords = [...vocabulary[marked]!];
    // Find the few marked words in the plain text with a trie rather than tokenising every word of it. Names
    // are capitalised on the plain side too, so `In` from a Thai headline does not match every English "in".
    const matcher = new PhraseMatcher(markedWords.map((word, key) => ({ text: word.charAt(0).toUpperCase() + word.slice(1), key })));
    plainSide.texts.forEach((text, paragraph) => {
      for (const key of matcher.find(text, 'word')) plainSide.keys[paragraph]!.set(`name:${markedWords[key]!}`, 'plain-name');
    });
    // Every marked name is a key: one the plain side lacks is dropped from matching but still counts as an orphan.
    words[marked]!.forEach((set, paragraph) => {
      for (const word of set) sides[marked]!.keys[paragraph]!.set(`name:${word}`, 'marked-name');
    });
    return;
  }
  // Both Latin: capitalised words of one side, wherever the other side has the word at all.
  const scans = sides.map(scansOf);
  const capitals = scans.map((list) => {
    const set = new Set<string>();
    for (const scan of list) for (const word of scan.capitalised) set.add(word);
    return set;
  });
  const allVocabulary = scans.map((list) => {
    const set = new Set<string>();
    for (const scan of list) for (const word of scan.words) set.add(word);
    return set;
  });
  const shared = new Set<string>();
  for (const word of capitals[0]!) if (allVocabulary[1]!.has(word)) shared.add(word);
  for (const word of capitals[1]!) if (allVocabulary[0]!.has(word)) shared.add(word);
  if (shared.size === 0) return;
  sides.forEach((side, index) => {
    scans[index]!.forEach((scan, paragraph) => {
      for (const word of scan.words) if (shared.has(word)) side.keys[paragraph]!.set(`name:${word}`, 'shared-name');
    });
  });
}

class StringUnion {
  private readonly parent = new Map<string, string>();
  find(item: string): string {
    let root = item;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    if (!this.parent.has(root)) this.parent.set(root, root);
    this.parent.set(item, root);
    return root;
  }
  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent.set(rootB, rootA);
    else if (rootB < rootA) this.parent.set(rootA, rootB);
  }
}

/**
 * Dictionary keys. Entries sharing a word on either side fall into one
 * concept (war → สงคราม and war → ศึก), so synonyms do not count as misses.
 */
function lexiconKeys(lexicon: Lexicon, sides: readonly { profile: LanguageProfile; texts: readonly string[]; keys: RawKeys[] }[]): void {
  const unions = new StringUnion();
  for (const entry of lexicon.entries) unions.union(`s:${foldForMatching(entry.source)}`, `t:${foldForMatching(entry.target)}`);
  const conceptIds = new Map<string, number>();
  const conceptOf = (phrase: string, side: 's' | 't') => {
    const root = unions.find(`${side}:${foldForMatching(phrase)}`);
    let id = conceptIds.get(root);
    if (id === undefined) {
      id = conceptIds.size;
      conceptIds.set(root, id);
    }
    return id;
  };
  const matchers = [new PhraseMatcher(), new PhraseMatcher()];
  for (const entry of lexicon.entries) {
    matchers[0]!.add({ text: entry.source, key: conceptOf(entry.source, 's') });
    matchers[1]!.add({ text: entry.target, key: conceptOf(entry.target, 't') });
  }
  sides.forEach((side, index) => {
    const { profile } = side;
    // Thai and Chinese have no spaces, so word edges come from the segmenter (dictionary words, not substrings of longer ones).
    const segmenter = profile.unspaced ? new Intl.Segmenter(profile.locale, { granularity: 'word' }) : undefined;
    side.texts.forEach((text, paragraph) => {
      for (const concept of matchers[index]!.find(text, segmenter ? 'segments' : 'word', segmenter)) {
        side.keys[paragraph]!.set(`lexicon:${concept}`, 'lexicon');
      }
    });
  });
}

function sideSample(texts: readonly string[]): string {
  let sample = '';
  for (const text of texts) {
    sample += `${text}\n`;
    if (sample.length > 4000) break;
  }
  return sample;
}

/**
 * Kinds whose absence from the whole other document is evidence of an
 * untranslated paragraph. Names from Latin text are left out (translations
 * transliterate them), as are quotations (turned into reported speech) and
 * dictionary words (synonyms the dictionary lacks).
 */
const orphanKinds: ReadonlySet<KeyKind> = new Set(['number', 'percent', 'link', 'known', 'marked-name']);
/** Cap on the orphan evidence of one paragraph, in nats. */
const maximumOrphanEvidence = 6;
/** Log-odds that a paragraph in another script or language than its document's is untranslated (clutter left in the source language). */
const foreignScriptLogOdds = 6;

/** Letters of `text` in Latin script and in any other script (roughly, by code point; marks count with their letters). */
function scriptLetters(text: string): { latin: number; other: number } {
  let latin = 0;
  let other = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) {
      latin++;
    } else if (
      code >= 0x370 &&
      !(code >= 0x2000 && code <= 0x2bff) &&
      !(code >= 0x3000 && code <= 0x303f) &&
      !(code >= 0xfe30 && code <= 0xfe4f) &&
      !(code >= 0xff00 && code <= 0xff20) &&
      !(code >= 0xdc00 && code <= 0xdfff)
    ) {
      other++;
    }
  }
  return { latin, other };
}

/** True when most letters of `text` are not in the script of its document. */
function inForeignScript(text: string, profile: LanguageProfile): boolean {
  const { latin, other } = scriptLetters(text);
  const total = latin + other;
  if (total < 3) return false;
  return profile.latinIsForeign ? latin > 0.8 * total : other > 0.8 * total;
}

/** Mean log-likelihood ratio per word above which a paragraph is taken to be in the other document's language. */
const otherLanguageThreshold = 1;
/** Fewest words for the language test: a two-word line says too little. */
const otherLanguageMinimumWords = 4;

/**
 * For two documents in the same script (English and German), which
 * paragraphs read like the other document's language: a word-frequency model
 * of each document, estimated from the document itself (add-one smoothed,
 * the paragraph's own words left out of its document's counts), and the mean
 * log-likelihood ratio per word of the paragraph under the two, over the words
 * either document has elsewhere. English page
 * clutter left in a German translation scores high (the, of, from); German
 * text scores low; names and numbers, common to both, weigh little.
 */
function inOtherLanguage(sides: readonly SideWork[]): Uint8Array[] {
  const tokens = sides.map((side) => scansOf(side).map((scan) => scan.words));
  // Words numbered in sorted order, so a paragraph's numbers sorted are its words sorted: the sums below run
  // in the same order as over the strings (the same rounding), with typed arrays instead of maps and string sorts.
  const vocabularySet = new Set<string>();
  for (const paragraphs of tokens) for (const words of paragraphs) for (const word of words) vocabularySet.add(word);
  const vocabularyWords = [...vocabularySet].sort();
  const idOf = new Map<string, number>();
  vocabularyWords.forEach((word, id) => idOf.set(word, id));
  const vocabulary = vocabularyWords.length;
  const ids = tokens.map((paragraphs) =>
    paragraphs.map((words) => {
      // A loop, not `Int32Array.from(words, map)`: V8 runs that through the iterator protocol, many times slower.
      const numbered = new Int32Array(words.length);
      for (let index = 0; index < words.length; index++) numbered[index] = idOf.get(words[index]!)!;
      return numbered;
    }),
  );
  const counts = ids.map((paragraphs) => {
    const count = new Int32Array(vocabulary);
    for (const words of paragraphs) for (const id of words) count[id]!++;
    return count;
  });
  const totals = tokens.map((paragraphs) => paragraphs.reduce((sum, words) => sum + words.length, 0));
  return ids.map((paragraphs, index) => {
    const own = counts[index]!;
    const other = counts[1 - index]!;
    const otherScale = Math.log(totals[1 - index]! + vocabulary);
    const ownScale = Math.log(totals[index]! + vocabulary);
    return Uint8Array.from(paragraphs, (words) => {
      if (words.length < otherLanguageMinimumWords) return 0;
      // Each distinct word once, with how often it occurs here: its own document's count leaves these occurrences out.
      const sorted = words.slice().sort();
      let ratio = 0;
      let known = 0;
      for (let start = 0; start < sorted.length; ) {
        const word = sorted[start]!;
        let end = start + 1;
        while (end < sorted.length && sorted[end] === word) end++;
        const here = end - start;
        start = end;
        const otherCount = other[word]!;
        const ownCount = own[word]! - here;
        // A word neither document has elsewhere (a name, a rare word) tells nothing; leave it out of the mean.
        if (otherCount === 0 && ownCount === 0) continue;
        known += here;
        ratio += here * (Math.log(otherCount + 1) - otherScale - Math.log(ownCount + 1) + ownScale);
      }
      return known >= otherLanguageMinimumWords && ratio / known > otherLanguageThreshold ? 1 : 0;
    });
  });
}

/**
 * Unlinked evidence of each paragraph (see {@link UnlinkedEvidence}). A key
 * kind counts only as far as the pair shows it travels: if the translation
 * writes no digits at all (Hebrew article numbers are letters), a number
 * missing from it says nothing.
 */
function unlinkedEvidence(sides: readonly SideWork[]): Float64Array[] {
  // Different scripts tell the language apart by letters alone; the same script needs the word models.
  const sameScript = sides[0]!.profile.script === sides[1]!.profile.script;
  const otherLanguage = sameScript ? inOtherLanguage(sides) : undefined;
  const labels = sides.map((side) => {
    const all = new Map<string, KeyKind>();
    for (const raw of side.keys) for (const [label, kind] of raw) all.set(label, kind);
    return all;
  });
  return sides.map((side, index) => {
    const own = labels[index]!;
    const other = labels[1 - index]!;
    const found = new Map<KeyKind, { total: number; present: number }>();
    for (const [label, kind] of own) {
      const entry = found.get(kind) ?? { total: 0, present: 0 };
      entry.total++;
      if (other.has(label)) entry.present++;
      found.set(kind, entry);
    }
    return Float64Array.from(side.texts, (text, paragraph) => {
      let evidence = 0;
      for (const [label, kind] of side.keys[paragraph]!) {
        if (!orphanKinds.has(kind) || other.has(label)) continue;
        const coverage = found.get(kind)!;
        const travels = keepProbability[kind] * (coverage.present / coverage.total);
        evidence -= Math.log(1 - travels);
      }
      evidence = Math.min(evidence, maximumOrphanEvidence);
      if (inForeignScript(text, side.profile) || otherLanguage?.[index]![paragraph]) evidence += foreignScriptLogOdds;
      return evidence;
    });
  });
}

/** Builds the evidence for aligning `source` with `target`, optionally with a dictionary. */
export function buildEvidence(source: AlignSide, target: AlignSide, lexicon?: Lexicon): PairEvidence {
  const profiles = [languageProfile(source.language, sideSample(source.texts)), languageProfile(target.language, sideSample(target.texts))] as const;
  const groups = knownNameGroups(profiles[0].language, profiles[1].language);
  const sides = ([source, target] as const).map((side, index): SideWork => {
    const profile = profiles[index]!;
    // Name anchors are needed only for Latin runs in another script; a Latin side's names come from its word scan
    // (both Latin) or from the other side's Latin words (mixed).
    const anchors = side.texts.map((text) => extractAnchorsWithProfile(text, profile, profile.latinIsForeign));
    const keys = anchors.map((list) => {
      const raw: RawKeys = new Map();
      anchorKeys(list, groups, raw);
      return raw;
    });
    return { profile, texts: side.texts, anchors, keys };
  }) as [SideWork, SideWork];
  nameKeys(sides);
  if (lexicon) lexiconKeys(lexicon, sides);
  const [sourceUnlinked, targetUnlinked] = unlinkedEvidence(sides) as [Float64Array, Float64Array];

  // Keep keys seen on both sides; number them in order of first appearance (deterministic).
  const targetLabels = new Set<string>();
  for (const raw of sides[1].keys) for (const label of raw.keys()) targetLabels.add(label);
  const ids = new Map<string, number>();
  const labels: string[] = [];
  const kinds: KeyKind[] = [];
  for (const raw of sides[0].keys) {
    for (const [label, kind] of raw) {
      if (!targetLabels.has(label) || ids.has(label)) continue;
      ids.set(label, labels.length);
      labels.push(label);
      kinds.push(kind);
    }
  }
  const targetKinds = new Map<string, KeyKind>();
  for (const raw of sides[1].keys) for (const [label, kind] of raw) if (ids.has(label)) targetKinds.set(label, kind);

  const keyCount = labels.length;
  const sideEvidence = sides.map((side): SideEvidence => {
    const count = side.texts.length;
    const lengths = new Float64Array(count);
    const keyStart = new Int32Array(count + 1);
    const collected: number[] = [];
    side.texts.forEach((text, paragraph) => {
      lengths[paragraph] = paragraphLength(text);
      keyStart[paragraph] = collected.length;
      const paragraphKeys: number[] = [];
      for (const label of side.keys[paragraph]!.keys()) {
        const id = ids.get(label);
        if (id !== undefined) paragraphKeys.push(id);
      }
      paragraphKeys.sort((a, b) => a - b);
      collected.push(...paragraphKeys);
    });
    keyStart[count] = collected.length;
    return { count, lengths, keyStart, keys: Int32Array.from(collected) };
  }) as [SideEvidence, SideEvidence];

  const frequency = (side: SideEvidence) => {
    const counts = new Int32Array(keyCount);
    for (const key of side.keys) counts[key]!++;
    return counts;
  };
  const sourceFrequency = frequency(sideEvidence[0]);
  const targetFrequency = frequency(sideEvidence[1]);
  const keepSourceToTarget = new Float64Array(keyCount);
  const keepTargetToSource = new Float64Array(keyCount);
  labels.forEach((label, id) => {
    // A name's trust depends on which side wrote it in foreign letters: the marked side's names must recur on the plain side.
    const sourceKind = kinds[id]!;
    const targetKind = targetKinds.get(label) ?? sourceKind;
    // The pair bounds how often a key can travel: in 30 source paragraphs but 3 target ones, at most a tenth arrive.
    const sourceCount = sourceFrequency[id]!;
    const targetCount = targetFrequency[id]!;
    keepSourceToTarget[id] = Math.min(keepProbability[sourceKind], targetCount / sourceCount);
    keepTargetToSource[id] = Math.min(keepProbability[targetKind], sourceCount / targetCount);
  });
  return {
    source: sideEvidence[0],
    target: sideEvidence[1],
    sourceTotal: sideEvidence[0].count,
    targetTotal: sideEvidence[1].count,
    keyCount,
    keyLabels: labels,
    sourceFrequency,
    targetFrequency,
    keepSourceToTarget,
    keepTargetToSource,
    unlinked: { source: sourceUnlinked, target: targetUnlinked },
  };
}

/** The evidence of paragraphs `[sourceStart, sourceEnd) × [targetStart, targetEnd)`; key frequencies stay document-wide. */
export function sliceEvidence(evidence: PairEvidence, sourceStart: number, sourceEnd: number, targetStart: number, targetEnd: number): PairEvidence {
  return {
    ...evidence,
    source: sliceSide(evidence.source, sourceStart, sourceEnd),
    target: sliceSide(evidence.target, targetStart, targetEnd),
    unlinked: { source: evidence.unlinked.source.slice(sourceStart, sourceEnd), target: evidence.unlinked.target.slice(targetStart, targetEnd) },
  };
}

/** The paragraphs `[start, end)` of a side, keys and lengths unchanged (frequencies stay document-wide). */
function sliceSide(side: SideEvidence, start: number, end: number): SideEvidence {
  const from = side.keyStart[start]!;
  const to = side.keyStart[end]!;
  const keyStart = new Int32Array(end - start + 1);
  for (let index = start; index <= end; index++) keyStart[index - start] = side.keyStart[index]! - from;
  return { count: end - start, lengths: side.lengths.slice(start, end), keyStart, keys: side.keys.slice(from, to) };
}

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

/** The kinds in a fixed order: while evidence is built, a paragraph's keys carry a kind as its index here. */
const keyKinds: readonly KeyKind[] = ['number', 'percent', 'link', 'known', 'quote', 'marked-name', 'plain-name', 'shared-name', 'lexicon'];
const kindIndex = Object.fromEntries(keyKinds.map((kind, index) => [kind, index])) as Readonly<Record<KeyKind, number>>;

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

const wordPattern = /[\p{L}\p{M}\p{N}]/u;
/**
 * Per code unit of the Basic Multilingual Plane: 1 for letters, marks and
 * digits, 0 for others, -1 until first met (a regular expression per character
 * is slow on long texts, and classifying all 65,536 up front cost every
 * process 15 ms).
 */
const wordUnits = new Int8Array(0x10000).fill(-1);

function isWordUnit(code: number): boolean {
  let known = wordUnits[code]!;
  // Surrogates pair up into letters of other planes (Han extensions): count them as word characters.
  if (known < 0) known = wordUnits[code] = (code >= 0xd800 && code <= 0xdfff) || wordPattern.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

let lowerUnits: Int32Array | undefined;

/**
 * The lower case of each code unit below U+0250 (Latin, with its accented
 * letters), where `toLowerCase` makes it one code unit; -1 for `İ`, whose lower
 * case is two. Beyond the table, and for `İ`, words are lower-cased as strings.
 */
function lowerUnitTable(): Int32Array {
  if (!lowerUnits) {
    lowerUnits = new Int32Array(0x250);
    for (let unit = 0; unit < 0x250; unit++) {
      const lower = String.fromCharCode(unit).toLowerCase();
      lowerUnits[unit] = lower.length === 1 ? lower.charCodeAt(0) : -1;
    }
  }
  return lowerUnits;
}

/**
 * The words of both sides, each numbered once: a paragraph's words are kept as
 * numbers, so the vocabularies, the shared names and the word-frequency models
 * below work on typed arrays rather than on sets and maps of strings. A word of
 * Latin letters is lower-cased and looked up as code units, in an
 * open-addressing table: a whole Bible's 1.6 million words would otherwise be
 * as many strings made, hashed and thrown away.
 */
class WordTable {
  readonly words: string[] = [];
  /** Per word: its hash, and where its code units start in {@link units} (its length is the next start's distance). */
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [0];
  private units = new Uint16Array(1 << 16);
  private slots = new Int32Array(1 << 12).fill(-1);
  /** The word being looked up, lower-cased. */
  private scratch = new Uint16Array(64);
  /** Of the word last numbered by {@link numberInText}: its length, and whether lower-casing changed its first code unit. */
  length = 0;
  firstChanged = false;

  /** The number of `text.slice(start, end)` lower-cased, an English possessive (`'s`, `’s`) dropped. */
  numberInText(text: string, start: number, end: number): number {
    const table = lowerUnitTable();
    let length = end - start;
    if (this.scratch.length < length) this.scratch = new Uint16Array(2 * length);
    let scratch = this.scratch;
    let simple = true;
    for (let index = 0; index < length; index++) {
      const unit = text.charCodeAt(start + index);
      const lower = unit < 0x250 ? table[unit]! : -1;
      if (lower < 0) {
        simple = false;
        break;
      }
      scratch[index] = lower;
    }
    if (simple) {
      this.firstChanged = scratch[0] !== text.charCodeAt(start);
    } else {
      const written = text.slice(start, end);
      const word = written.toLowerCase();
      length = word.length;
      if (scratch.length < length) scratch = this.scratch = new Uint16Array(2 * length);
      for (let index = 0; index < length; index++) scratch[index] = word.charCodeAt(index);
      this.firstChanged = word.charCodeAt(0) !== written.charCodeAt(0);
    }
    if (length > 2 && scratch[length - 1] === 0x73 && (scratch[length - 2] === 0x27 || scratch[length - 2] === 0x2019)) length -= 2;
    this.length = length;
    return this.numberOfScratch(length);
  }

  private numberOfScratch(length: number): number {
    const scratch = this.scratch;
    let hash = 0x811c9dc5;
    for (let index = 0; index < length; index++) hash = Math.imul(hash ^ scratch[index]!, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.slots[slot]!;
      if (word < 0) {
        this.slots[slot] = this.add(hash, length);
        if (2 * this.words.length > this.slots.length) this.grow();
        return this.words.length - 1;
      }
      if (this.hashes[word] !== hash || this.starts[word + 1]! - this.starts[word]! !== length) continue;
      const from = this.starts[word]!;
      let same = true;
      for (let index = 0; index < length && same; index++) same = this.units[from + index] === scratch[index];
      if (same) return word;
    }
  }

  private add(hash: number, length: number): number {
    const from = this.starts[this.words.length]!;
    if (this.units.length < from + length) {
      const grown = new Uint16Array(Math.max(2 * this.units.length, from + length));
      grown.set(this.units);
      this.units = grown;
    }
    const word = this.scratch.subarray(0, length);
    this.units.set(word, from);
    this.starts.push(from + length);
    this.hashes.push(hash);
    // apply, not a spread: a spread iterates the units one result object at a time.
    this.words.push(String.fromCharCode.apply(null, word as unknown as number[]));
    return this.words.length - 1;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    this.hashes.forEach((hash, word) => {
      let slot = hash & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = word;
    });
  }
}

/** A growable list of numbers in a typed array (its data off the garbage-collected heap). */
class NumberList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The words of one side (numbers in a {@link WordTable}), lower-cased, an
 * English possessive dropped, and which of them are capitalised names: for
 * paragraph i, `words[wordStart[i] .. wordStart[i + 1])`, and the same for the
 * capitalised ones. Flat typed arrays: a whole Bible's per-paragraph lists
 * were most of what the garbage collector copied while evidence was built.
 */
interface SideWords {
  readonly wordStart: Int32Array;
  readonly words: Int32Array;
  /** Words written with a capital that do not open a sentence (names, and German nouns). */
  readonly capitalStart: Int32Array;
  readonly capitalised: Int32Array;
}

/** Characters after which a capital opens a sentence rather than marking a name. */
const sentenceOpenerCodes = new Set(['.', '!', '?', ':', ';', '“', '"', '‘', '«', '(', '•', '–', '—', '-', '['].map((character) => character.charCodeAt(0)));

/** Splits a paragraph into words in one pass over its characters (apostrophes and hyphens inside a word stay in it), appending them to `words` and `capitalised`. */
function scanWords(text: string, vocabulary: WordTable, words: NumberList, capitalised: NumberList): void {
  let opener = true;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (!isWordUnit(code)) {
      if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0xa0) opener = sentenceOpenerCodes.has(code);
      index++;
      continue;
    }
    const start = index;
    index++;
    while (index < text.length) {
      const next = text.charCodeAt(index);
      if (isWordUnit(next)) index++;
      else if ((next === 0x27 || next === 0x2019 || next === 0x2d) && index + 1 < text.length && isWordUnit(text.charCodeAt(index + 1))) index += 2;
      else break;
    }
    const number = vocabulary.numberInText(text, start, index);
    words.push(number);
    // Written with a capital: lower-casing changed its first letter.
    if (!opener && vocabulary.firstChanged && vocabulary.length > 1) capitalised.push(number);
    opener = false;
  }
}

/** The words of every paragraph of `texts` (see {@link SideWords}). */
function scanSide(texts: readonly string[], vocabulary: WordTable): SideWords {
  const wordStart = new Int32Array(texts.length + 1);
  const capitalStart = new Int32Array(texts.length + 1);
  const words = new NumberList();
  const capitalised = new NumberList();
  texts.forEach((text, paragraph) => {
    wordStart[paragraph] = words.length;
    capitalStart[paragraph] = capitalised.length;
    scanWords(text, vocabulary, words, capitalised);
  });
  wordStart[texts.length] = words.length;
  capitalStart[texts.length] = capitalised.length;
  return { wordStart, words: words.values.subarray(0, words.length), capitalStart, capitalised: capitalised.values.subarray(0, capitalised.length) };
}

/** The labels of the keys of both sides (`number:80`, `name:kishida`), each numbered once, before the pair's key table exists. */
class LabelTable {
  private readonly numbers = new Map<string, number>();
  readonly labels: string[] = [];

  number(label: string): number {
    let number = this.numbers.get(label);
    if (number === undefined) {
      number = this.labels.length;
      this.numbers.set(label, number);
      this.labels.push(label);
    }
    return number;
  }
}

/**
 * Keys of one paragraph: label numbers and kind indices interleaved
 * (`[label, kind, label, kind…]`), in the order first added. Adding a label
 * again sets its kind and keeps its place, as a `Map` would.
 */
type ParagraphKeys = number[];

function addKey(keys: ParagraphKeys, label: number, kind: KeyKind): void {
  const index = kindIndex[kind];
  for (let at = 0; at < keys.length; at += 2) {
    if (keys[at] === label) {
      keys[at + 1] = index;
      return;
    }
  }
  keys.push(label, index);
}

function anchorKeys(anchors: readonly Anchor[], groups: ReadonlyMap<string, string>, table: LabelTable, keys: ParagraphKeys): void {
  for (const anchor of anchors) {
    switch (anchor.kind) {
      case 'number':
        addKey(keys, table.number(`number:${anchor.value}`), 'number');
        break;
      case 'percent':
        addKey(keys, table.number(`percent:${anchor.value}`), 'percent');
        break;
      case 'url':
      case 'email':
        addKey(keys, table.number(`${anchor.kind}:${anchor.value}`), 'link');
        break;
      case 'known-name':
        addKey(keys, table.number(`known:${groups.get(anchor.value) ?? anchor.value}`), 'known');
        break;
      case 'quote':
        // Quoted words rarely survive translation; that there is a quotation does.
        addKey(keys, table.number('quote'), 'quote');
        break;
      case 'name':
        // Names are matched word by word in `nameKeys`, which needs both sides.
        break;
      default:
        assertNever(anchor.kind, 'anchor kind');
    }
  }
}

/** The words of a paragraph's name anchors, each once, in the order first met. */
function nameWordsOf(anchors: readonly Anchor[]): string[] {
  const words = new Set<string>();
  for (const anchor of anchors) if (anchor.kind === 'name') for (const word of anchor.value.split(' ')) words.add(word);
  return [...words];
}

/** What evidence building keeps of one side while it works. */
interface SideWork {
  readonly profile: LanguageProfile;
  readonly texts: readonly string[];
  /** The words of each paragraph's name anchors ({@link nameWordsOf}). */
  readonly nameWords: readonly (readonly string[])[];
  readonly keys: ParagraphKeys[];
  /** Word scans, numbered in the pair's vocabulary, where the plan asks for them. */
  readonly scans: SideWords | undefined;
  readonly features: SideFeatures;
}

/** What evidence building keeps of the pair while it works: both sides, the table their labels are numbered in, and their words. */
interface PairWork {
  readonly sides: readonly [SideWork, SideWork];
  readonly labels: LabelTable;
  /** The words of both sides, source first, each once: the numbers of {@link SideWork.scans}. */
  readonly vocabulary: readonly string[];
}

function scansOf(side: SideWork): SideWords {
  if (!side.scans) throw new Error('evidence: the word scans were not made (see evidencePlan)');
  return side.scans;
}

/** Per word of the table, 1 where `words` has it. */
function wordFlags(words: Int32Array, size: number): Uint8Array {
  const flags = new Uint8Array(size);
  // An index, not for…of (see inOtherLanguage): every word of a side, once.
  for (let at = 0; at < words.length; at++) flags[words[at]!] = 1;
  return flags;
}

/**
 * Name keys for both sides. Where one side writes Latin names inside another
 * script, its names are looked for among all words of the Latin side (so a
 * name opening a sentence is still found). Between two Latin-script sides, a
 * capitalised word is a key where the other side has it too.
 */
function nameKeys(pair: PairWork): void {
  const { sides, labels } = pair;
  const [first, second] = sides;
  const foreignFirst = first.profile.latinIsForeign;
  const foreignSecond = second.profile.latinIsForeign;
  if (foreignFirst || foreignSecond) {
    latinNameKeys(pair);
    return;
  }
  // Both Latin: capitalised words of one side, wherever the other side has the word at all.
  const scans = sides.map(scansOf);
  const size = pair.vocabulary.length;
  const capitals = scans.map((scan) => wordFlags(scan.capitalised, size));
  const allVocabulary = scans.map((scan) => wordFlags(scan.words, size));
  const shared = new Uint8Array(size);
  let anyShared = false;
  for (let word = 0; word < size; word++) {
    if ((capitals[0]![word]! & allVocabulary[1]![word]!) | (capitals[1]![word]! & allVocabulary[0]![word]!)) {
      shared[word] = 1;
      anyShared = true;
    }
  }
  if (!anyShared) return;
  const nameLabels = new Int32Array(size).fill(-1);
  sides.forEach((side, index) => {
    const { wordStart, words } = scans[index]!;
    for (let paragraph = 0; paragraph < side.texts.length; paragraph++) {
      for (let at = wordStart[paragraph]!; at < wordStart[paragraph + 1]!; at++) {
        const word = words[at]!;
        if (!shared[word]) continue;
        if (nameLabels[word]! < 0) nameLabels[word] = labels.number(`name:${pair.vocabulary[word]!}`);
        addKey(side.keys[paragraph]!, nameLabels[word]!, 'shared-name');
      }
    }
  });
}

/** {@link nameKeys} where one side or both write Latin names inside another script: its name anchors. */
function latinNameKeys(pair: PairWork): void {
  const { sides, labels } = pair;
  const foreignFirst = sides[0].profile.latinIsForeign;
  const foreignSecond = sides[1].profile.latinIsForeign;
  const words = sides.map((side) => side.nameWords);
  const vocabulary = words.map((list) => new Set(list.flat()));
  if (foreignFirst && foreignSecond) {
    sides.forEach((side, index) => {
      const other = vocabulary[1 - index]!;
      words[index]!.forEach((set, paragraph) => {
        for (const word of set) if (other.has(word)) addKey(side.keys[paragraph]!, labels.number(`name:${word}`), 'marked-name');
      });
    });
    return;
  }
  const marked = foreignFirst ? 0 : 1;
  const plainSide = sides[1 - marked]!;
  const markedWords = [...vocabulary[marked]!];
  // Find the few marked words in the plain text with a trie rather than tokenising every word of it. Names
  // are capitalised on the plain side too, so `In` from a Thai headline does not match every English "in".
  const matcher = new PhraseMatcher(markedWords.map((word, key) => ({ text: word.charAt(0).toUpperCase() + word.slice(1), key })));
  plainSide.texts.forEach((text, paragraph) => {
    for (const key of matcher.find(text, 'word')) addKey(plainSide.keys[paragraph]!, labels.number(`name:${markedWords[key]!}`), 'plain-name');
  });
  // Every marked name is a key: one the plain side lacks is dropped from matching but still counts as an orphan.
  words[marked]!.forEach((set, paragraph) => {
    for (const word of set) addKey(sides[marked]!.keys[paragraph]!, labels.number(`name:${word}`), 'marked-name');
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
function lexiconKeys(lexicon: Lexicon, pair: PairWork): void {
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
  pair.sides.forEach((side, index) => {
    const { profile } = side;
    // Thai and Chinese have no spaces, so word edges come from the segmenter (dictionary words, not substrings of longer ones).
    const segmenter = profile.unspaced ? new Intl.Segmenter(profile.locale, { granularity: 'word' }) : undefined;
    side.texts.forEach((text, paragraph) => {
      for (const concept of matchers[index]!.find(text, segmenter ? 'segments' : 'word', segmenter)) {
        addKey(side.keys[paragraph]!, pair.labels.number(`lexicon:${concept}`), 'lexicon');
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
/** {@link orphanKinds} and {@link keepProbability} by kind index. */
const orphanKind = Uint8Array.from(keyKinds, (kind) => (orphanKinds.has(kind) ? 1 : 0));
const keepByKind = Float64Array.from(keyKinds, (kind) => keepProbability[kind]);
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
function inOtherLanguage(pair: PairWork): Uint8Array[] {
  const scans = pair.sides.map(scansOf);
  // Words renumbered in sorted order, so a paragraph's numbers sorted are its words sorted: the sums below run
  // in the same order as over the strings would (the same rounding), with typed arrays instead of maps and string sorts.
  const words = pair.vocabulary;
  const vocabulary = words.length;
  const byWord = Array.from({ length: vocabulary }, (_, word) => word).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
  const rank = new Int32Array(vocabulary);
  byWord.forEach((word, position) => (rank[word] = position));
  // Per side, every paragraph's words by rank, each paragraph's run sorted in place.
  const ids = scans.map(({ wordStart, words: side }) => {
    const ranked = new Int32Array(side.length);
    for (let at = 0; at < side.length; at++) ranked[at] = rank[side[at]!]!;
    for (let paragraph = 0; paragraph + 1 < wordStart.length; paragraph++) ranked.subarray(wordStart[paragraph]!, wordStart[paragraph + 1]!).sort();
    return ranked;
  });
  const counts = ids.map((ranked) => {
    const count = new Int32Array(vocabulary);
    // An index, not for…of: this loop over every word of a side runs once, mostly before the optimiser takes it, and there an iterator allocates a result per word.
    for (let at = 0; at < ranked.length; at++) count[ranked[at]!]!++;
    return count;
  });
  const totals = ids.map((ranked) => ranked.length);
  return ids.map((ranked, index) => {
    const own = counts[index]!;
    const other = counts[1 - index]!;
    const otherScale = Math.log(totals[1 - index]! + vocabulary);
    const ownScale = Math.log(totals[index]! + vocabulary);
    const { wordStart } = scans[index]!;
    return Uint8Array.from({ length: wordStart.length - 1 }, (_, paragraph) => {
      const sorted = ranked.subarray(wordStart[paragraph]!, wordStart[paragraph + 1]!);
      if (sorted.length < otherLanguageMinimumWords) return 0;
      // Each distinct word once, with how often it occurs here: its own document's count leaves these occurrences out.
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

/** Per label of the table, the kind a side's paragraphs last gave it, or -1 where the side lacks it. */
function sideKinds(side: SideWork, labelCount: number): Int8Array {
  const kinds = new Int8Array(labelCount).fill(-1);
  for (const keys of side.keys) for (let at = 0; at < keys.length; at += 2) kinds[keys[at]!] = keys[at + 1]!;
  return kinds;
}

/**
 * Unlinked evidence of each paragraph (see {@link UnlinkedEvidence}). A key
 * kind counts only as far as the pair shows it travels: if the translation
 * writes no digits at all (Hebrew article numbers are letters), a number
 * missing from it says nothing.
 */
function unlinkedEvidence(pair: PairWork, kinds: readonly [Int8Array, Int8Array]): Float64Array[] {
  const { sides } = pair;
  // Different scripts tell the language apart by letters alone; the same script needs the word models.
  const sameScript = sides[0].profile.script === sides[1].profile.script;
  const otherLanguage = sameScript ? inOtherLanguage(pair) : undefined;
  return sides.map((side, index) => {
    const own = kinds[index]!;
    const other = kinds[1 - index]!;
    // Per kind, the side's distinct labels of it and how many of them the other side has.
    const total = new Int32Array(keyKinds.length);
    const present = new Int32Array(keyKinds.length);
    for (let label = 0; label < own.length; label++) {
      const kind = own[label]!;
      if (kind < 0) continue;
      total[kind]!++;
      if (other[label]! >= 0) present[kind]!++;
    }
    return Float64Array.from(side.texts, (_, paragraph) => {
      let evidence = 0;
      const keys = side.keys[paragraph]!;
      for (let at = 0; at < keys.length; at += 2) {
        const kind = keys[at + 1]!;
        if (!orphanKind[kind] || other[keys[at]!]! >= 0) continue;
        const travels = keepByKind[kind]! * (present[kind]! / total[kind]!);
        evidence -= Math.log(1 - travels);
      }
      evidence = Math.min(evidence, maximumOrphanEvidence);
      if (side.features.foreign[paragraph] || otherLanguage?.[index]![paragraph]) evidence += foreignScriptLogOdds;
      return evidence;
    });
  });
}

/**
 * What evidence building needs to know of both sides before it reads either's
 * paragraphs: each side's language profile, the pair's known-name groups, and
 * whether words are scanned (for names between two Latin-script sides, and for
 * the language test between two sides in one script). Cheap: made from the
 * languages and a sample of each side.
 */
export interface EvidencePlan {
  readonly profiles: readonly [LanguageProfile, LanguageProfile];
  readonly groups: ReadonlyMap<string, string>;
  readonly scanWords: boolean;
}

/** The {@link EvidencePlan} of a pair. */
export function evidencePlan(source: Pick<AlignSide, 'texts' | 'language'>, target: Pick<AlignSide, 'texts' | 'language'>): EvidencePlan {
  const profiles = [languageProfile(source.language, sideSample(source.texts)), languageProfile(target.language, sideSample(target.texts))] as const;
  const bothLatin = !profiles[0].latinIsForeign && !profiles[1].latinIsForeign;
  return { profiles, groups: knownNameGroups(profiles[0].language, profiles[1].language), scanWords: bothLatin || profiles[0].script === profiles[1].script };
}

/**
 * What evidence needs of one side that the other side's paragraphs do not
 * change: its anchor keys, name words and word scans, numbered in tables of
 * the side's own, and per paragraph its length and whether it is in another
 * script than its document. Strings and typed arrays only, so a worker thread
 * can make one side's while the caller makes the other's ({@link joinEvidence}
 * numbers both sides' labels and words in one table, as {@link buildEvidence}
 * does, so the evidence is the same).
 */
export interface SideFeatures {
  /** The side's key labels (`number:80`), each once, in the order first met. */
  readonly labels: readonly string[];
  /** Keys of paragraph `i`: `keys[keyStart[i] .. keyStart[i + 1])`, label numbers and kind indices interleaved (see {@link ParagraphKeys}). */
  readonly keyStart: Int32Array;
  readonly keys: Int32Array;
  /** Name words of paragraph `i`: `nameWords[nameWordStart[i] .. nameWordStart[i + 1])` (see {@link nameWordsOf}). */
  readonly nameWordStart: Int32Array;
  readonly nameWords: readonly string[];
  /** The side's words (where the plan scans them), numbered in `vocabulary`, the side's own word table. */
  readonly scans: (SideWords & { readonly vocabulary: readonly string[] }) | undefined;
  /** Per paragraph, 1 where most of its letters are not in its document's script. */
  readonly foreign: Uint8Array;
  /** {@link paragraphLength} of each paragraph. */
  readonly lengths: Float64Array;
}

/** The {@link SideFeatures} of side `index` (0 source, 1 target) of the pair `plan` was made for. */
export function sideFeatures(texts: readonly string[], index: 0 | 1, plan: EvidencePlan): SideFeatures {
  const profile = plan.profiles[index];
  const labels = new LabelTable();
  const count = texts.length;
  const keyStart = new Int32Array(count + 1);
  const keys = new NumberList();
  const nameWordStart = new Int32Array(count + 1);
  const nameWords: string[] = [];
  const foreign = new Uint8Array(count);
  const lengths = new Float64Array(count);
  const paragraphKeys: ParagraphKeys = [];
  texts.forEach((text, paragraph) => {
    // Name anchors are needed only for Latin runs in another script; a Latin side's names come from its word scan
    // (both Latin) or from the other side's Latin words (mixed).
    const anchors = extractAnchorsWithProfile(text, profile, profile.latinIsForeign);
    paragraphKeys.length = 0;
    anchorKeys(anchors, plan.groups, labels, paragraphKeys);
    keyStart[paragraph] = keys.length;
    for (const value of paragraphKeys) keys.push(value);
    nameWordStart[paragraph] = nameWords.length;
    if (profile.latinIsForeign) nameWords.push(...nameWordsOf(anchors));
    foreign[paragraph] = inForeignScript(text, profile) ? 1 : 0;
    lengths[paragraph] = paragraphLength(text);
  });
  keyStart[count] = keys.length;
  nameWordStart[count] = nameWords.length;
  const table = new WordTable();
  const scans = plan.scanWords ? { ...scanSide(texts, table), vocabulary: table.words } : undefined;
  return { labels: labels.labels, keyStart, keys: keys.values.slice(0, keys.length), nameWordStart, nameWords, scans, foreign, lengths };
}

/** The typed arrays of `features`, to transfer rather than copy to another thread. */
export function featureBuffers(features: SideFeatures): ArrayBuffer[] {
  const arrays = [features.keyStart, features.keys, features.nameWordStart, features.foreign, features.lengths];
  if (features.scans) arrays.push(features.scans.wordStart, features.scans.words, features.scans.capitalStart, features.scans.capitalised);
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/**
 * A side's word scans renumbered in the pair's vocabulary: the source's own
 * numbers are the pair's (its words come first); the target's words are
 * looked up, and those the source lacks appended, in the order the target
 * first has them, the numbers one table over both sides would give.
 */
function pairScans(scans: NonNullable<SideFeatures['scans']>, first: boolean, vocabulary: string[], wordNumbers: Map<string, number>): SideWords {
  if (first) return scans;
  const numbers = Int32Array.from(scans.vocabulary, (word) => {
    let number = wordNumbers.get(word);
    if (number === undefined) {
      number = vocabulary.length;
      wordNumbers.set(word, number);
      vocabulary.push(word);
    }
    return number;
  });
  const renumber = (words: Int32Array) => {
    const renumbered = new Int32Array(words.length);
    for (let at = 0; at < words.length; at++) renumbered[at] = numbers[words[at]!]!;
    return renumbered;
  };
  return { wordStart: scans.wordStart, words: renumber(scans.words), capitalStart: scans.capitalStart, capitalised: renumber(scans.capitalised) };
}

/** Builds the evidence for aligning `source` with `target`, optionally with a dictionary. */
export function buildEvidence(source: AlignSide, target: AlignSide, lexicon?: Lexicon): PairEvidence {
  const plan = evidencePlan(source, target);
  return joinEvidence(source, target, plan, [sideFeatures(source.texts, 0, plan), sideFeatures(target.texts, 1, plan)], lexicon);
}

/** {@link buildEvidence} from each side's {@link sideFeatures}, made with `plan`. */
export function joinEvidence(source: AlignSide, target: AlignSide, plan: EvidencePlan, features: readonly [SideFeatures, SideFeatures], lexicon?: Lexicon): PairEvidence {
  const labelTable = new LabelTable();
  // One vocabulary, the source's words first: the target's numbered after them, each word once.
  const vocabulary = features[0].scans ? [...features[0].scans.vocabulary] : [];
  const wordNumbers = new Map<string, number>();
  vocabulary.forEach((word, number) => wordNumbers.set(word, number));
  const sides = ([source, target] as const).map((side, index): SideWork => {
    const own = features[index]!;
    const labelNumbers = Int32Array.from(own.labels, (label) => labelTable.number(label));
    const keys = Array.from({ length: side.texts.length }, (_, paragraph): ParagraphKeys => {
      const paragraphKeys: ParagraphKeys = [];
      for (let at = own.keyStart[paragraph]!; at < own.keyStart[paragraph + 1]!; at += 2) paragraphKeys.push(labelNumbers[own.keys[at]!]!, own.keys[at + 1]!);
      return paragraphKeys;
    });
    const nameWords = Array.from({ length: side.texts.length }, (_, paragraph) => own.nameWords.slice(own.nameWordStart[paragraph], own.nameWordStart[paragraph + 1]));
    return { profile: plan.profiles[index]!, texts: side.texts, nameWords, keys, scans: own.scans && pairScans(own.scans, index === 0, vocabulary, wordNumbers), features: own };
  }) as [SideWork, SideWork];
  const pair: PairWork = { sides, labels: labelTable, vocabulary };
  nameKeys(pair);
  if (lexicon) lexiconKeys(lexicon, pair);
  const labelCount = labelTable.labels.length;
  const kinds = [sideKinds(sides[0], labelCount), sideKinds(sides[1], labelCount)] as const;
  const [sourceUnlinked, targetUnlinked] = unlinkedEvidence(pair, kinds) as [Float64Array, Float64Array];

  // Keep keys seen on both sides; number them in order of first appearance (deterministic).
  const ids = new Int32Array(labelCount).fill(-1);
  const labels: string[] = [];
  const sourceKinds: number[] = [];
  for (const keys of sides[0].keys) {
    for (let at = 0; at < keys.length; at += 2) {
      const label = keys[at]!;
      if (kinds[1][label]! < 0 || ids[label]! >= 0) continue;
      ids[label] = labels.length;
      labels.push(labelTable.labels[label]!);
      sourceKinds.push(keys[at + 1]!);
    }
  }
  const keyCount = labels.length;
  const sideEvidence = sides.map((side): SideEvidence => {
    const count = side.texts.length;
    const { lengths } = side.features;
    const keyStart = new Int32Array(count + 1);
    let kept = 0;
    for (const paragraphKeys of side.keys) for (let at = 0; at < paragraphKeys.length; at += 2) if (ids[paragraphKeys[at]!]! >= 0) kept++;
    const keys = new Int32Array(kept);
    let filled = 0;
    side.texts.forEach((_, paragraph) => {
      keyStart[paragraph] = filled;
      const paragraphKeys = side.keys[paragraph]!;
      for (let at = 0; at < paragraphKeys.length; at += 2) {
        const id = ids[paragraphKeys[at]!]!;
        if (id >= 0) keys[filled++] = id;
      }
      keys.subarray(keyStart[paragraph], filled).sort();
    });
    keyStart[count] = filled;
    return { count, lengths, keyStart, keys };
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
  for (let label = 0; label < labelCount; label++) {
    const id = ids[label]!;
    if (id < 0) continue;
    // A name's trust depends on which side wrote it in foreign letters: the marked side's names must recur on the plain side.
    const sourceKind = sourceKinds[id]!;
    const targetKind = kinds[1][label]!;
    // The pair bounds how often a key can travel: in 30 source paragraphs but 3 target ones, at most a tenth arrive.
    const sourceCount = sourceFrequency[id]!;
    const targetCount = targetFrequency[id]!;
    keepSourceToTarget[id] = Math.min(keepByKind[sourceKind]!, targetCount / sourceCount);
    keepTargetToSource[id] = Math.min(keepByKind[targetKind]!, sourceCount / targetCount);
  }
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

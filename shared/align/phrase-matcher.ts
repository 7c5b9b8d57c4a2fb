/**
 * Finds known phrases in text in one left-to-right pass over a character trie:
 * country names, month names, dictionary entries. For spaced scripts a match
 * must start and end at word boundaries; for Thai, Chinese and Japanese, which
 * put no spaces between words, any substring matches.
 */

interface TrieNode {
  readonly children: Map<number, TrieNode>;
  /** Keys of the phrases that end here, with whether the phrase began with a capital. */
  terminal?: { readonly keys: number[]; capitalised: boolean };
}

/** One phrase to find and the key reported when it is found. */
export interface Phrase {
  readonly text: string;
  readonly key: number;
}

/** How matches are bounded. */
export type BoundaryMode =
  /** Matches start and end at word boundaries (letters, digits and marks do not continue on either side). */
  | 'word'
  /** Any substring matches (scripts without spaces between words). */
  | 'none'
  /** Matches start and end where a word segmenter (`Intl.Segmenter`, which knows Thai and Chinese words) puts a boundary. */
  | 'segments';

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
/** Per UTF-16 code unit: 1 for a letter, digit or mark, 0 for not, -1 until first met (a regular expression per character is slow on long texts). */
const wordUnits = new Int8Array(0x10000).fill(-1);

function isWordCharacter(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  let known = wordUnits[code]!;
  if (known < 0) known = wordUnits[code] = wordCharacter.test(text[index]!) ? 1 : 0;
  return known === 1;
}

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 40503) ^ second) & 0xffff;
}

function isUpperCase(character: string): boolean {
  return character !== character.toLowerCase() && character === character.toUpperCase();
}

/** Folds text for matching: compatibility forms unified (full-width letters), case ignored. */
export function foldForMatching(text: string): string {
  return compatible(text).toLowerCase();
}

const compatibilityForms = /[\u00a0\u3300-\u33ff\ufb00-\ufb4f\uff00-\uffef]+/gu;

/**
 * NFKC only where it is wanted: full-width and half-width forms, ligatures,
 * squared CJK words, no-break spaces. Whole-text NFKC would also decompose
 * letters that are not compatibility forms in practice (Thai ำ becomes ํ + า),
 * and would cost more than the search it serves on a long document. Phrases
 * and text go through the same folding, so they always compare alike.
 */
function compatible(text: string): string {
  compatibilityForms.lastIndex = 0;
  return compatibilityForms.test(text) ? text.replace(compatibilityForms, (forms) => forms.normalize('NFKC')) : text;
}

/**
 * A set of phrases compiled for fast search. Matching is case-insensitive, but
 * a phrase written with a capital (`Turkey`, `China`) only matches capitalised
 * text, so the bird and the porcelain stay out.
 */
export class PhraseMatcher {
  private readonly root: TrieNode = { children: new Map() };
  /**
   * Hashed first two characters of every phrase, and first characters of
   * one-character phrases: a position whose pair is not here cannot start a
   * match, which rules out almost every position of a Thai text in two array
   * reads instead of trie lookups. Bit 1 marks phrases matching any case,
   * bit 2 phrases that must start with a capital, so in English a word in
   * lower case is passed over at once (country and month names are capitalised).
   */
  private readonly openings = new Uint8Array(1 << 16);
  private readonly singles = new Uint8Array(1 << 16);
  /** Number of phrases added. */
  size = 0;

  constructor(phrases: Iterable<Phrase> = []) {
    for (const phrase of phrases) this.add(phrase);
  }

  /** Adds one phrase. Empty phrases are ignored. */
  add(phrase: Phrase): void {
    const source = compatible(phrase.text).trim();
    const folded = source.toLowerCase();
    if (folded.length === 0) return;
    let node = this.root;
    for (let index = 0; index < folded.length; index++) {
      const code = folded.charCodeAt(index);
      let child = node.children.get(code);
      if (!child) {
        child = { children: new Map() };
        node.children.set(code, child);
      }
      node = child;
    }
    const capitalised = isUpperCase(source[0]!);
    const bit = capitalised ? 2 : 1;
    if (folded.length === 1) this.singles[folded.charCodeAt(0)]! |= bit;
    else this.openings[pairHash(folded.charCodeAt(0), folded.charCodeAt(1))]! |= bit;
    if (!node.terminal) node.terminal = { keys: [], capitalised };
    // Two spellings of one phrase differing in case: the lower-case one matches any case.
    node.terminal.capitalised &&= capitalised;
    if (!node.terminal.keys.includes(phrase.key)) node.terminal.keys.push(phrase.key);
    this.size++;
  }

  /**
   * The keys of the phrases found in `text`, leftmost-longest and without
   * overlaps, in text order (a key repeats if its phrase does).
   */
  find(text: string, boundaries: BoundaryMode, segmenter?: Intl.Segmenter): number[] {
    const original = compatible(text);
    const folded = original.toLowerCase();
    let segmentEdges: Uint8Array | undefined;
    if (boundaries === 'segments') {
      segmentEdges = new Uint8Array(folded.length + 1);
      segmentEdges[folded.length] = 1;
      for (const segment of (segmenter ?? new Intl.Segmenter(undefined, { granularity: 'word' })).segment(folded)) {
        segmentEdges[segment.index] = 1;
      }
    }
    // Lower-casing changed the length (rare: İ): skip the capital check rather than misread positions.
    const checkCase = folded.length === original.length;
    const found: number[] = [];
    let start = 0;
    while (start < folded.length) {
      // Inside a word no match can start (the cheapest test first).
      if (boundaries === 'word' && isWordCharacter(folded, start - 1)) {
        start++;
        continue;
      }
      const first = folded.charCodeAt(start);
      // Lower-casing changed this character: it is a capital, and capitalised phrases may start here too.
      const mask = !checkCase || original.charCodeAt(start) !== first ? 3 : 1;
      const possible = (this.singles[first]! & mask) !== 0 || (start + 1 < folded.length && (this.openings[pairHash(first, folded.charCodeAt(start + 1))]! & mask) !== 0);
      if (!possible || (segmentEdges && !segmentEdges[start])) {
        start++;
        continue;
      }
      let node: TrieNode | undefined = this.root;
      let best: { end: number; keys: readonly number[] } | undefined;
      for (let index = start; index < folded.length; index++) {
        node = node.children.get(folded.charCodeAt(index));
        if (!node) break;
        const terminal = node.terminal;
        if (!terminal) continue;
        if (boundaries === 'word' && isWordCharacter(folded, index + 1)) continue;
        if (segmentEdges && !segmentEdges[index + 1]) continue;
        if (terminal.capitalised && checkCase && !isUpperCase(original[start]!)) continue;
        best = { end: index + 1, keys: terminal.keys };
      }
      if (best) {
        found.push(...best.keys);
        start = best.end;
      } else {
        start++;
      }
    }
    return found;
  }
}

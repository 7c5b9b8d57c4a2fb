/**
 * Anchors: pieces of a paragraph that survive translation nearly unchanged and
 * so point at its counterpart. Numbers (any script's digits, Chinese numerals),
 * percentages, URLs, e-mail addresses, quotations, Latin-script names inside
 * non-Latin text (`Stoltenberg` in Thai), capitalised names in Latin text, and
 * names the platform knows in every language (`Japan` ↔ `ญี่ปุ่น`).
 *
 * Used by the aligner as evidence and by the review flags to point out a
 * number or a name that one side has and the other lacks.
 */
import { findKnownNames } from './known-names.ts';
import { languageProfile, type LanguageProfile } from './language-profile.ts';
import {
  canonicalNumber,
  cjkNumeralPattern,
  digitValue,
  hebrewHeadingNumeralPattern,
  hebrewNumeralPattern,
  normaliseDigits,
  parseCjkNumeral,
  parseHebrewNumeral,
} from './numerals.ts';

/** What an anchor is. */
export type AnchorKind = 'number' | 'name' | 'url' | 'quote' | 'percent' | 'email' | 'known-name';

/** A piece of a paragraph expected to reappear, recognisably, in its translation. */
export interface Anchor {
  readonly kind: AnchorKind;
  /**
   * Normalised value, comparable across languages where the kind allows:
   * `number` and `percent` canonical ASCII (`๘๐` → `80`, `1,000` → `1000`);
   * `url` and `email` lower-cased; `name` lower-cased words (`park jin`);
   * `quote` the quoted words, lower-cased; `known-name` a concept such as
   * `region:JP` or `weekday:1` (compare those through `knownNameGroups`).
   */
  readonly value: string;
}

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"“”‘’«»]+/giu;
const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const numberPattern = /\d+(?:[.,\u00a0\u202f]\d+)*/gu;

/**
 * Words for "per cent", by where they stand. This is knowledge of languages
 * (like the digits of a script), not of any corpus.
 */
const percentAfter =
  /^\s*(?:%|٪|％|per ?cent|pour ?cent|por ?ciento|por ?cento|per ?cento|prozent|procent\p{L}*|процент\p{L}*|відсот\p{L}*|เปอร์เซ็นต์|パーセント|퍼센트|प्रतिशत|فی ?صد|بالمائة|في المائة|אחוז\p{L}*)/iu;
const percentBefore = /(?:ร้อยละ|%|٪|％|百分之)\s*$/u;

/** Straight and typographic double quotes, guillemets and CJK corner brackets, each with its closing mark. */
const quotePairs: readonly (readonly [open: string, close: string])[] = [
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
];

/** Longest Latin run, in words, still taken for a name; longer runs are untranslated text, not names. */
const maximumNameWords = 4;
const latinRunPattern = /\p{Script=Latin}[\p{Script=Latin}\p{M}\d'’.-]*(?:[ \u00a0]\p{Script=Latin}[\p{Script=Latin}\p{M}\d'’.-]*)*/gu;
const capitalisedWordPattern = /(?<![\p{L}\p{M}\p{N}])(?:\p{Lu}[\p{L}\p{M}'’-]*\p{L}|\p{Lu}{2,})/gu;
/** Characters after which a capital starts a sentence rather than marking a name. */
const sentenceOpeners = /[.!?:;“"‘«(•–—\-[]\s*$/u;

/** A word without surrounding punctuation or an English possessive (`Stoltenberg’s` → `Stoltenberg`). */
function trimPunctuation(value: string): string {
  return value.replace(/['’]s$/u, '').replace(/^[.'’-]+|[.'’-]+$/gu, '');
}

function numberAnchors(text: string, out: Anchor[]): void {
  for (const match of text.matchAll(numberPattern)) {
    const written = match[0];
    // A time or ratio (03:33) is two numbers; `canonicalNumber` sees each part.
    for (const part of written.split(':')) {
      if (part.length === 0) continue;
      const value = canonicalNumber(part);
      out.push({ kind: 'number', value });
      const after = text.slice(match.index + written.length, match.index + written.length + 16);
      const before = text.slice(Math.max(0, match.index - 8), match.index);
      if (percentAfter.test(after) || percentBefore.test(before)) out.push({ kind: 'percent', value });
    }
  }
}

/** Chinese and Japanese numerals: ordinals (第五), percentages (百分之八十) and compounds (三十). */
function cjkNumberAnchors(text: string, out: Anchor[]): void {
  for (const match of text.matchAll(cjkNumeralPattern)) {
    const numeral = match[0];
    const ordinal = text[match.index - 1] === '第';
    const percent = text.slice(Math.max(0, match.index - 3), match.index) === '百分之';
    // A lone 一 is usually "a/one" in running text; only ordinals (第五), percentages and compound numerals count.
    if (!ordinal && !percent && (numeral.length < 2 || !/[十拾百千万萬]/u.test(numeral))) continue;
    const value = parseCjkNumeral(numeral);
    if (value === undefined) continue;
    out.push({ kind: 'number', value: String(value) });
    if (percent) out.push({ kind: 'percent', value: String(value) });
  }
}

/** Hebrew letter numerals (see numerals.ts); in a short heading, two or three letters with a full stop too. */
function hebrewNumberAnchors(text: string, out: Anchor[]): void {
  for (const match of text.matchAll(hebrewNumeralPattern)) {
    const value = parseHebrewNumeral(match[1] ?? match[2] ?? '');
    if (value !== undefined) out.push({ kind: 'number', value: String(value) });
  }
  if (text.trim().split(/\s+/u).length <= 4) {
    for (const match of text.matchAll(hebrewHeadingNumeralPattern)) {
      const value = parseHebrewNumeral(match[1]!);
      if (value !== undefined) out.push({ kind: 'number', value: String(value) });
    }
  }
}

function quoteAnchors(text: string, out: Anchor[]): void {
  for (const [open, close] of quotePairs) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + open.length);
      // An unclosed quotation runs to the end of the paragraph (a quote continuing into the next one).
      const inner = text.slice(start + open.length, end < 0 ? undefined : end);
      const value = inner.replace(/\s+/gu, ' ').trim().toLowerCase();
      if (value.length > 0) out.push({ kind: 'quote', value });
      if (end < 0) break;
      from = end + close.length;
    }
  }
}

function nameAnchors(text: string, profile: LanguageProfile, out: Anchor[]): void {
  if (profile.latinIsForeign) {
    for (const match of text.matchAll(latinRunPattern)) {
      const runWords = match[0].split(/[ \u00a0]/u);
      if (runWords.length > maximumNameWords) continue;
      // Names carry a capital (`Park Jin`, `iPhone`); lower-case words in a short Latin run are its glue (`of`, `more`).
      const words = runWords.map(trimPunctuation).filter((word) => /\p{L}{2}/u.test(word) && /\p{Lu}/u.test(word));
      if (words.length === 0) continue;
      out.push({ kind: 'name', value: words.join(' ').toLowerCase() });
    }
    return;
  }
  for (const match of text.matchAll(capitalisedWordPattern)) {
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    if (match.index === 0 || sentenceOpeners.test(before)) continue;
    out.push({ kind: 'name', value: trimPunctuation(match[0]).toLowerCase() });
  }
}

/**
 * The anchors of one paragraph, with the profile of its language already made
 * (the aligner makes it once per document). Duplicates are kept out. Without
 * `names`, name anchors are not looked for (the aligner finds a Latin side's
 * names by the other side's vocabulary instead).
 */
export function extractAnchorsWithProfile(text: string, profile: LanguageProfile, names = true): Anchor[] {
  const found: Anchor[] = [];
  // One pass over the characters says which of the costlier scans can find anything at all.
  let digits = false;
  let latin = false;
  let capitals = false;
  let quotes = false;
  let hebrew = false;
  let han = false;
  let links = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code >= 0x30 && code <= 0x39) digits = true;
      else if (code >= 0x41 && code <= 0x5a) latin = capitals = true;
      else if (code >= 0x61 && code <= 0x7a) latin = true;
      else if (code === 0x22) quotes = true;
      else if (code === 0x40 || code === 0x2f) links = true;
    } else if (code >= 0xc0 && code <= 0x24f) latin = capitals = true;
    else if (code >= 0x5d0 && code <= 0x5ea) hebrew = true;
    else if (code === 0x201c || code === 0x201e || code === 0xab || code === 0x300c || code === 0x300e) quotes = true;
    else if ((code >= 0x4e00 && code <= 0x9fff) || code === 0x3007) han = true;
    else if (!digits && digitValue(code) >= 0) digits = true;
  }
  let rest = text;
  if (links || text.includes('www.')) {
    for (const match of text.matchAll(urlPattern)) found.push({ kind: 'url', value: match[0].replace(/[.,;:!?)]+$/u, '').toLowerCase() });
    for (const match of text.matchAll(emailPattern)) found.push({ kind: 'email', value: match[0].toLowerCase() });
    if (found.length > 0) rest = rest.replace(urlPattern, ' ').replace(emailPattern, ' ');
  }
  if (digits) numberAnchors(normaliseDigits(rest), found);
  if (han) cjkNumberAnchors(rest, found);
  if (hebrew) hebrewNumberAnchors(rest, found);
  if (quotes) quoteAnchors(rest, found);
  if (names && latin && (capitals || profile.latinIsForeign)) nameAnchors(rest, profile, found);
  for (const concept of findKnownNames(rest, profile)) found.push({ kind: 'known-name', value: concept });
  if (found.length < 2) return found;
  const seen = new Set<string>();
  return found.filter((anchor) => {
    const key = `${anchor.kind}\u0000${anchor.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The anchors of `text`, a paragraph in `language` (ISO 639-3, or `und` to
 * judge the script from the text). Each kind+value appears once, in text order
 * within its kind.
 */
export function extractAnchors(text: string, language: string): Anchor[] {
  return extractAnchorsWithProfile(text, languageProfile(language, text));
}

/**
 * The writing system of a text: the ISO 15924 code of the script most of its
 * letters are in. Uses Unicode script properties, so it needs no tables of ours.
 */

/** Scripts the workbench tells apart, with their ISO 15924 codes. Han, kana and Hangul are kept apart. */
const scripts: readonly (readonly [code: string, pattern: RegExp])[] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Laoo', /\p{Script=Lao}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
];

const letter = /\p{L}/u;
/** `scripts.length`: a letter in none of the scripts above. */
const otherScript = scripts.length;
const notLetter = -1;
const unknown = -2;
/** Per UTF-16 code unit outside the surrogates: its index in `scripts`, `otherScript`, `notLetter`, or `unknown` until first met. */
const scriptOfUnit = new Int8Array(0x10000).fill(unknown);

/** The script index of one character (a code point), through the Unicode properties. */
function classify(character: string): number {
  if (!letter.test(character)) return notLetter;
  const index = scripts.findIndex(([, pattern]) => pattern.test(character));
  return index === -1 ? otherScript : index;
}

/**
 * The script index of the letter at `index` of `text` (`notLetter` for other
 * characters), with how many code units it takes. Texts run to megabytes and
 * have few distinct characters, so each code unit is classified once and
 * remembered; characters beyond the BMP (surrogate pairs) are classified each time.
 */
function scriptAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) return classify(String.fromCodePoint(text.codePointAt(index)!));
  let script = scriptOfUnit[unit]!;
  if (script === unknown) script = scriptOfUnit[unit] = classify(String.fromCharCode(unit));
  return script;
}

/** Code units of the character at `index`: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && text.codePointAt(index)! > 0xffff ? 2 : 1;
}

/** Counts the letters of `text` per script code. */
export function countScripts(text: string): Map<string, number> {
  const byIndex = new Float64Array(scripts.length + 1);
  // One loop, no callback per character: a document is millions of them, nearly all in the BMP.
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let script: number;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      script = scriptAt(text, index);
      index += unitsAt(text, index) - 1;
    } else {
      script = scriptOfUnit[unit]!;
      if (script === unknown) script = scriptOfUnit[unit] = classify(String.fromCharCode(unit));
    }
    if (script !== notLetter) byIndex[script]!++;
  }
  const counts = new Map<string, number>();
  byIndex.forEach((count, index) => {
    if (count > 0) counts.set(index === otherScript ? 'Zzzz' : scripts[index]![0], count);
  });
  return counts;
}

/**
 * The ISO 15924 code of the script most letters of `text` are in; `Zyyy` when it
 * has no letters. Japanese is `Jpan` when kana appear among Han characters.
 */
export function dominantScript(text: string): string {
  // Most European text: its letters are Latin-1's, all Latin but the micro sign (whose script is Common), and its
  // other characters Latin-1's or general punctuation (’ “ — …), which has no letters. Two scans of the platform's
  // regular expressions then decide what counting every character would.
  if (!beyondLatin1AndPunctuation.test(text) && !text.includes('\u00b5')) return latin1Letter.test(text) ? 'Latn' : 'Zyyy';
  const counts = countScripts(text);
  const kana = (counts.get('Hira') ?? 0) + (counts.get('Kana') ?? 0);
  if (kana > 0 && (counts.get('Hani') ?? 0) + kana > 0) {
    counts.set('Jpan', (counts.get('Hani') ?? 0) + kana);
    counts.delete('Hani');
    counts.delete('Hira');
    counts.delete('Kana');
  }
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}

/** A character outside Latin-1 and the General Punctuation block (U+2000–U+206F). */
const beyondLatin1AndPunctuation = /[^\u0000-\u00ff\u2000-\u206f]/u;
/** A letter of Latin-1 other than the micro sign: all are in the Latin script. */
const latin1Letter = /[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/u;

/**
 * Whether `text` has at least `count` letters, in any script. It stops at the
 * `count`th: per paragraph only "too short to judge or not" is asked, and a
 * verse has its tenth letter within a few words.
 */
export function hasLetters(text: string, count: number): boolean {
  let letters = 0;
  for (let index = 0; index < text.length && letters < count; index += unitsAt(text, index)) if (scriptAt(text, index) !== notLetter) letters++;
  return letters >= count;
}

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

/** Counts the letters of `text` per script code. */
export function countScripts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of text) {
    if (!letter.test(character)) continue;
    const code = scripts.find(([, pattern]) => pattern.test(character))?.[0] ?? 'Zzzz';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * The ISO 15924 code of the script most letters of `text` are in; `Zyyy` when it
 * has no letters. Japanese is `Jpan` when kana appear among Han characters.
 */
export function dominantScript(text: string): string {
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

/** The number of letters in `text`, in any script. */
export function letterCount(text: string): number {
  let count = 0;
  for (const character of text) if (letter.test(character)) count++;
  return count;
}

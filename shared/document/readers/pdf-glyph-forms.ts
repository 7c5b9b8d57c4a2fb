/**
 * What fonts' glyph maps leave in the text a PDF gives back, undone.
 *
 * A PDF maps each drawn glyph back to text through its font's ToUnicode map, and a writer (Chromium's Skia, for
 * one) builds that map from the font's own character map. Thai fonts draw tone marks and upper vowels in several
 * positions (lowered under no upper vowel, shifted left beside a tall consonant) and, by an old Microsoft and Apple
 * convention that the TLWG fonts of Linux follow too, give each positional form a code point in the Private Use Area
 * (U+F700–U+F720). The ToUnicode map then sends the glyph to that private code point, not to the mark: pdf.js passes
 * it on as it is (poppler's pdftotext folds it back), and the text has an unknown character where ่, ้ or ์ was.
 */

/**
 * The Private Use Area forms of Thai marks, as TLWG's Loma names them in its `post` table (uni0E48.low is U+F70A…),
 * which is the Microsoft/Apple layout: descender-less consonants, left-shifted upper vowels and tone marks,
 * lowered tone marks, lowered lower vowels, raised nikhahit, maitaikhu and yamakkan. U+F71B–U+F71D have no agreed
 * meaning and are left alone.
 */
const thaiPositionalForms: ReadonlyMap<number, string> = new Map([
  [0xf700, '\u0e10'],
  [0xf701, '\u0e34'],
  [0xf702, '\u0e35'],
  [0xf703, '\u0e36'],
  [0xf704, '\u0e37'],
  [0xf705, '\u0e48'],
  [0xf706, '\u0e49'],
  [0xf707, '\u0e4a'],
  [0xf708, '\u0e4b'],
  [0xf709, '\u0e4c'],
  [0xf70a, '\u0e48'],
  [0xf70b, '\u0e49'],
  [0xf70c, '\u0e4a'],
  [0xf70d, '\u0e4b'],
  [0xf70e, '\u0e4c'],
  [0xf70f, '\u0e0d'],
  [0xf710, '\u0e31'],
  [0xf711, '\u0e4d'],
  [0xf712, '\u0e47'],
  [0xf713, '\u0e48'],
  [0xf714, '\u0e49'],
  [0xf715, '\u0e4a'],
  [0xf716, '\u0e4b'],
  [0xf717, '\u0e4c'],
  [0xf718, '\u0e38'],
  [0xf719, '\u0e39'],
  [0xf71a, '\u0e3a'],
  [0xf71e, '\u0e4d'],
  [0xf71f, '\u0e47'],
  [0xf720, '\u0e4e'],
]);

const privateForms = /[\uf700-\uf720]/gu;

/**
 * The characters of glyphs' positional forms: Thai marks given back as Private Use Area code points become the
 * marks they draw. Character by character, so it applies to each text run before lines are built (a line ending in
 * a tone mark then ends in Thai, and joins the next line without a space).
 */
export function undoPositionalForms(text: string): string {
  return text.replace(privateForms, (form) => thaiPositionalForms.get(form.codePointAt(0)!) ?? form);
}

/**
 * Undoes what is left once lines are whole: NFKC for ligatures and presentation forms (ﬁ → fi), which also puts
 * combining marks drawn in another order back in canonical order (a lowered tone mark drawn before the lower
 * vowel under it: ปุ่ → ปุ่); and Thai's and Lao's sara am, drawn as two glyphs and mapped back as two characters
 * (ํา → ำ), which NFKC leaves alone since the decomposition is a compatibility one.
 */
export function undoGlyphMaps(text: string): string {
  return text.normalize('NFKC').replace(/\u0e4d\u0e32/gu, '\u0e33').replace(/\u0ecd\u0eb2/gu, '\u0eb3');
}

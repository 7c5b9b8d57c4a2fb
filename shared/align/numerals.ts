/**
 * Numbers as anchors: digits of any script read as ASCII, and Chinese/Japanese
 * numerals (第五条, 三十) read as values, so `๘๐`, `80` and `八十` compare equal.
 */

/**
 * Code points of the digit zero in the decimal-digit blocks of the scripts the
 * workbench meets. Each block holds 0–9 in order (a Unicode guarantee for `Nd`).
 */
const digitZeros: readonly number[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10,
];

let digitTable: Int8Array | undefined;

/** The value 0–9 of a decimal digit (a UTF-16 code unit) in any of the scripts above, or -1. */
export function digitValue(code: number): number {
  if (code < 0x660) return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1;
  if (code > 0xffff) return -1;
  if (!digitTable) {
    // One lookup per character: normalising a long Thai document touches every character.
    digitTable = new Int8Array(0x10000).fill(-1);
    for (const zero of digitZeros) for (let value = 0; value <= 9; value++) digitTable[zero + value] = value;
  }
  return digitTable[code]!;
}

/** `text` with every decimal digit of any script replaced by its ASCII digit; same length. */
export function normaliseDigits(text: string): string {
  // Most text has no other script's digits: find the first one before building anything.
  let first = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x660 && digitValue(code) >= 0) {
      first = index;
      break;
    }
  }
  if (first < 0) return text;
  const parts: string[] = [text.slice(0, first)];
  for (let index = first; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code >= 0x660 ? digitValue(code) : -1;
    parts.push(value >= 0 ? String.fromCharCode(0x30 + value) : text[index]!);
  }
  return parts.join('');
}

const cjkDigits: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const cjkUnits: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 千: 1000, 万: 10000, 萬: 10000 };

/** The characters Chinese and Japanese write numbers with. */
export const cjkNumeralPattern = /[〇零一二两兩三四五六七八九十拾百千万萬]+/gu;

/**
 * The value of a Chinese/Japanese numeral (`三十` → 30, `一百零五` → 105), or
 * undefined when the characters do not form one.
 */
export function parseCjkNumeral(numeral: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of numeral) {
    const value = cjkDigits[character];
    if (value !== undefined) {
      // Plain digit strings (二〇二三) read positionally.
      digit = digit === undefined ? value : digit * 10 + value;
      continue;
    }
    const unit = cjkUnits[character];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/**
 * The canonical form of a number written with ASCII digits and separators:
 * thousands separators dropped (`1,000` → `1000`), a decimal comma made a point
 * (`1,5` → `1.5`), leading zeros dropped (`03` → `3`).
 */
export function canonicalNumber(written: string): string {
  const groups = written.split(/[,.\u00a0\u202f' ]/u);
  const thousands = groups.length > 1 && groups.slice(1).every((group) => group.length === 3) && (groups[0]?.length ?? 0) <= 3;
  let value: string;
  if (groups.length === 1 || thousands) {
    value = groups.join('');
  } else if (groups.length === 2) {
    value = `${groups[0]}.${groups[1]}`;
  } else {
    value = groups.join('');
  }
  const [whole = '', fraction] = value.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/u, '');
  const trimmedFraction = fraction?.replace(/0+$/u, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

const hebrewValues: Readonly<Record<string, number>> = {
  א: 1, ב: 2, ג: 3, ד: 4, ה: 5, ו: 6, ז: 7, ח: 8, ט: 9, י: 10, כ: 20, ך: 20, ל: 30, מ: 40, ם: 40, נ: 50, ן: 50,
  ס: 60, ע: 70, פ: 80, ף: 80, צ: 90, ץ: 90, ק: 100, ר: 200, ש: 300, ת: 400,
};

/**
 * Hebrew numerals written with letters, where they can be told from words:
 * a single letter closed by a full stop or parenthesis (`סעיף ב.`, a list's
 * `ג)`), or letters with a geresh or gershayim (`כ״ה` = 25, `ה׳` = 5).
 */
export const hebrewNumeralPattern = /(?<![\p{L}\p{M}])(?:([\u05d0-\u05ea])(?=[.)])|([\u05d0-\u05ea]{1,3}[׳״'"][\u05d0-\u05ea]?)(?![\p{L}\p{M}]))/gu;

/**
 * In a heading (a few words: `סעיף יא.`), two or three letters closed by a
 * full stop are a number too; in running text they are more likely a word.
 */
export const hebrewHeadingNumeralPattern = /(?<![\p{L}\p{M}])([\u05d0-\u05ea]{2,3})(?=[.)]\s*$)/gu;

/** The value of a Hebrew letter numeral (`כ״ה` → 25), or undefined. */
export function parseHebrewNumeral(numeral: string): number | undefined {
  let total = 0;
  for (const character of numeral) {
    if (character === '׳' || character === '״' || character === "'" || character === '"') continue;
    const value = hebrewValues[character];
    if (value === undefined) return undefined;
    total += value;
  }
  return total > 0 ? total : undefined;
}

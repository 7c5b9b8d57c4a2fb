/**
 * Bytes to text. Detects the encodings users really have — UTF-8 with or without
 * a byte-order mark, UTF-16 with a mark (or without one, in any script), Thai
 * Windows-874 / TIS-620, Western Windows-1252 — and lets the caller force one.
 * Decoding is `TextDecoder`'s: the platform knows these tables better than we would.
 *
 * A UTF-8 file with a few damaged bytes (a bad copy, a truncated download) stays
 * UTF-8: its bad bytes become U+FFFD and a warning names the file, the lines and
 * the count. Reading it as a legacy encoding instead would turn every ’ “ – of
 * the rest of the file into Thai letters, silently. The legacy encodings are for
 * files that are not UTF-8 at all.
 */
import { BitextError } from '../errors.ts';
import type { DecodedEncoding, EncodingName } from '../model/document.ts';

/** Decoded text and how it was decoded. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  readonly text: string;
  readonly encoding: DecodedEncoding;
  /** What the user should know about the decoding (bytes replaced), each naming the file; empty when nothing. */
  readonly warnings: readonly string[];
}

/** The encodings a caller may force, with the names people use for them. */
export const encodingAliases: Readonly<Record<string, EncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-874': 'windows-874',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  'iso-8859-11': 'windows-874',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** Reads an encoding name as a user would type it (`TIS-620`, `cp874`, `utf8`). */
export function parseEncodingName(name: string): EncodingName {
  const encoding = encodingAliases[name.trim().toLowerCase()];
  if (!encoding) {
    throw new BitextError('invalid-argument', `Unknown encoding "${name}"; expected one of ${Object.keys(encodingAliases).join(', ')}`);
  }
  return encoding;
}

/**
 * Decodes `bytes` read from `fileName` (named in errors).
 *
 * Detection order: a byte-order mark; UTF-16 without a mark (NUL in every other
 * byte); strict UTF-8; then, for the legacy single-byte encodings, Windows-874
 * when bytes above 0x7F come in runs (Thai words have no ASCII inside them) and
 * Windows-1252 when they stand alone inside Latin words (é, ü, ’).
 *
 * @throws BitextError `undecodable` for binary input or bytes invalid in the forced encoding.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string, forced?: EncodingName): DecodedText {
  if (forced) return decodeForced(bytes, fileName, forced);

  const bom = byteOrderMark(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.name === 'utf-8') return decodeUtf8(body, fileName, { name: 'utf-8', bom: true, forced: false });
    return { text: decodeStrict(body, fileName, bom.name), encoding: { name: bom.name, bom: true, forced: false }, warnings: [] };
  }
  // Most files are well-formed UTF-8: the platform's strict decoder says so and decodes them in one pass.
  const wellFormed = wellFormedUtf8(bytes);
  const scan = wellFormed === undefined ? scanUtf8(bytes) : undefined;
  // Valid UTF-8 text without NUL or control bytes is not read as UTF-16: any two letters pair into some CJK character.
  const utf16 = scan || looksBinary(bytes) ? looksLikeUtf16(bytes) : undefined;
  if (utf16) {
    return { text: decodeStrict(bytes, fileName, utf16), encoding: { name: utf16, bom: false, forced: false }, warnings: [] };
  }
  rejectBinary(bytes, fileName);
  if (wellFormed !== undefined) return { text: wellFormed, encoding: { name: 'utf-8', bom: false, forced: false }, warnings: [] };
  if (mostlyUtf8(scan!)) return decodeUtf8(bytes, fileName, { name: 'utf-8', bom: false, forced: false }, scan);
  const name = guessSingleByte(bytes);
  return { text: decodeStrict(bytes, fileName, name), encoding: { name, bom: false, forced: false }, warnings: [] };
}

function decodeForced(bytes: Uint8Array, fileName: string, name: EncodingName): DecodedText {
  const bom = byteOrderMark(bytes);
  const hasBom = bom?.name === name;
  const body = hasBom && bom ? bytes.subarray(bom.length) : bytes;
  // UTF-8 is decoded alike, forced or detected, so an alignment reopened with its recorded encoding finds the same text.
  if (name === 'utf-8') return decodeUtf8(body, fileName, { name, bom: hasBom, forced: true });
  if (name === 'windows-874' || name === 'windows-1252') rejectBinary(body, fileName);
  return { text: decodeStrict(body, fileName, name), encoding: { name, bom: hasBom, forced: true }, warnings: [] };
}

/** The text of `bytes` if they are well-formed UTF-8 (what {@link scanUtf8} finds no fault in), else undefined. */
function wellFormedUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** What {@link scanUtf8} found: well-formed multi-byte sequences, and the 1-based line of each ill-formed one. */
interface Utf8Scan {
  readonly multiByte: number;
  readonly invalidLines: readonly number[];
}

/**
 * Walks the bytes as UTF-8 (the well-formed sequences of the Unicode standard,
 * table 3-7), counting the well-formed multi-byte sequences and noting the line
 * of each ill-formed one. An ill-formed sequence counts once, however many bytes
 * it spans until the next byte that could start a character, as `TextDecoder`
 * replaces it.
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  const invalidLines: number[] = [];
  let line = 1;
  let inBad = false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      if (lead === 0x0a) line++;
      inBad = false;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multiByte++;
      inBad = false;
      i += length;
      continue;
    }
    if (!inBad) invalidLines.push(line);
    inBad = true;
    i++;
  }
  return { multiByte, invalidLines };
}

/** The length of the well-formed UTF-8 sequence starting at `i`, or 0. Plain comparisons: it runs once per character of a large file. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead >= 0xc2 && lead <= 0xdf) return inRange(bytes[i + 1], 0x80, 0xbf) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return inRange(bytes[i + 1], low, high) && inRange(bytes[i + 2], 0x80, 0xbf) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return inRange(bytes[i + 1], low, high) && inRange(bytes[i + 2], 0x80, 0xbf) && inRange(bytes[i + 3], 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/** True when `byte` (undefined past the end) lies in `low`–`high`. */
function inRange(byte: number | undefined, low: number, high: number): boolean {
  return byte !== undefined && byte >= low && byte <= high;
}

/**
 * UTF-8 with damage, rather than a legacy encoding: at least 4 well-formed
 * multi-byte sequences for each ill-formed one. Text in Windows-874 or -1252
 * forms a well-formed pair only by chance (a Thai vowel before some consonants):
 * the corpus Thai text in Windows-874 has 0.3 well-formed for each ill-formed.
 */
function mostlyUtf8(scan: Utf8Scan): boolean {
  return scan.multiByte >= 1 && scan.invalidLines.length * 4 <= scan.multiByte;
}

/** UTF-8, ill-formed sequences replaced by U+FFFD, with a warning naming the file, the lines and the count. */
function decodeUtf8(bytes: Uint8Array, fileName: string, encoding: DecodedEncoding, known?: Utf8Scan): DecodedText {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const scan = known ?? scanUtf8(bytes);
  if (scan.invalidLines.length === 0) return { text, encoding, warnings: [] };
  const count = scan.invalidLines.length;
  const lines = [...new Set(scan.invalidLines)];
  const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ` and ${lines.length - 5} more` : '');
  const warning =
    `${fileName}: ${count} invalid UTF-8 byte sequence${count === 1 ? '' : 's'} replaced with U+FFFD ` +
    `(line${lines.length === 1 ? '' : 's'} ${shown}); the rest of the file is read as UTF-8`;
  return { text, encoding, warnings: [warning] };
}

function decodeStrict(bytes: Uint8Array, fileName: string, name: EncodingName): string {
  try {
    const text = new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(bytes);
    return name === 'windows-1252' ? fixC1Controls(text) : text;
  } catch (error) {
    throw new BitextError('undecodable', `the bytes are not valid ${name}`, { file: fileName }, { cause: error });
  }
}

/**
 * Windows-1252 puts curly quotes, dashes, € and others at 0x80–0x9F. Node 20's
 * `TextDecoder` decodes that label as ISO-8859-1 and returns C1 control codes
 * there instead (browsers do not), so those are mapped here. Text with real C1
 * controls does not exist in Windows-1252, which has no way to write them.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) => windows1252High[control.charCodeAt(0) - 0x80]!);
}

function byteOrderMark(bytes: Uint8Array): { name: EncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a mark. Latin text has NUL in one byte of most pairs. Text in
 * another script has its script's block in the high byte of each pair: Thai is
 * 0x0E (or 0x00 for spaces and line breaks), Chinese some 80 values, while the
 * low byte takes any value. So either the high bytes take far fewer distinct
 * values than the low ones and the text decodes to letters, marks, digits,
 * punctuation and spaces; or (short CJK text, whose high bytes vary more) it
 * reads as text in one byte order and not in the other. Single-byte text has
 * neither: its pairs read alike (as CJK, or as junk) in both orders.
 */
function looksLikeUtf16(bytes: Uint8Array): EncodingName | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  const evenValues = new Set<number>();
  const oddValues = new Set<number>();
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
    evenValues.add(bytes[i]!);
    oddValues.add(bytes[i + 1]!);
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  // Too few pairs to tell the lopsidedness from chance.
  if (pairs < 8 || bytes.length % 2 !== 0) return undefined;
  const head = bytes.subarray(0, sample);
  const little = readsAsText(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(head));
  const big = readsAsText(new TextDecoder('utf-16be', { ignoreBOM: true }).decode(head));
  if (oddValues.size * 2 <= evenValues.size) return little ? 'utf-16le' : undefined;
  if (evenValues.size * 2 <= oddValues.size) return big ? 'utf-16be' : undefined;
  return little && !big ? 'utf-16le' : big && !little ? 'utf-16be' : undefined;
}

/** Letters, marks, digits, punctuation, symbols and white space, with at most 1% else (controls, private use, unassigned, U+FFFD). */
function readsAsText(text: string): boolean {
  const characters = [...text.slice(0, -1)]; // The sample may end inside a surrogate pair.
  const odd = characters.filter((character) => /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u.test(character) && !/[\t\n\r\f]/.test(character)).length;
  return characters.length > 0 && odd <= characters.length * 0.01;
}

/** Whether {@link rejectBinary} would refuse the bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  try {
    rejectBinary(bytes, '');
    return false;
  } catch {
    return true;
  }
}

/** Text has no NUL bytes and few control characters; anything else is treated as binary. */
function rejectBinary(bytes: Uint8Array, fileName: string): void {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      throw new BitextError('undecodable', 'the file looks binary (it contains NUL bytes), not text', { file: fileName });
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > sample.length * 0.01 + 2) {
    throw new BitextError('undecodable', `the file looks binary (${control} control bytes), not text`, { file: fileName });
  }
}

/**
 * Thai in Windows-874 puts its letters above 0x7F and writes words without
 * spaces, so high bytes come in long runs; Western text in Windows-1252 has an
 * accented letter or a curly quote here and there between ASCII letters.
 */
function guessSingleByte(bytes: Uint8Array): EncodingName {
  let highBytes = 0;
  let runs = 0;
  let inRun = false;
  for (const byte of bytes) {
    const high = byte >= 0x80;
    if (high) {
      highBytes++;
      if (!inRun) runs++;
    }
    inRun = high;
  }
  const meanRun = runs === 0 ? 0 : highBytes / runs;
  return meanRun >= 2.5 ? 'windows-874' : 'windows-1252';
}

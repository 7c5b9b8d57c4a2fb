/**
 * Bytes to text. Detects the encodings users really have — UTF-8 with or without
 * a byte-order mark, UTF-16 with a mark (or plainly UTF-16 without one), Thai
 * Windows-874 / TIS-620, Western Windows-1252 — and lets the caller force one.
 * Decoding is `TextDecoder`'s: the platform knows these tables better than we would.
 */
import { BitextError } from '../errors.ts';
import type { DecodedEncoding, EncodingName } from '../model/document.ts';

/** Decoded text and how it was decoded. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  readonly text: string;
  readonly encoding: DecodedEncoding;
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
    return { text: decodeStrict(bytes.subarray(bom.length), fileName, bom.name), encoding: { name: bom.name, bom: true, forced: false } };
  }
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    return { text: decodeStrict(bytes, fileName, utf16), encoding: { name: utf16, bom: false, forced: false } };
  }
  rejectBinary(bytes, fileName);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: { name: 'utf-8', bom: false, forced: false } };
  } catch {
    const name = guessSingleByte(bytes);
    return { text: decodeStrict(bytes, fileName, name), encoding: { name, bom: false, forced: false } };
  }
}

function decodeForced(bytes: Uint8Array, fileName: string, name: EncodingName): DecodedText {
  const bom = byteOrderMark(bytes);
  const hasBom = bom?.name === name;
  const body = hasBom && bom ? bytes.subarray(bom.length) : bytes;
  if (name === 'windows-874' || name === 'windows-1252') rejectBinary(body, fileName);
  return { text: decodeStrict(body, fileName, name), encoding: { name, bom: hasBom, forced: true } };
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

/** UTF-16 text of mostly ASCII-range or single-block characters has NUL in one byte of most pairs. */
function looksLikeUtf16(bytes: Uint8Array): EncodingName | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
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

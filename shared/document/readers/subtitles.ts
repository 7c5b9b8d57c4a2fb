/**
 * Subtitles: SubRip (.srt) and WebVTT (.vtt), one cue a paragraph. Keeps the
 * cue text, its lines joined; drops cue numbers and identifiers, timings and
 * settings, WebVTT's NOTE, STYLE and REGION blocks, and the styling tags inside
 * cues (`<i>`, `<v Speaker>`, SubRip's `{\an8}`).
 */
import type { EncodingName } from '../../model/document.ts';
import { decodeBytes } from '../../text/decode.ts';
import { layOutBlocks } from './blocks.ts';
import type { ReadResult, TextBlock } from './types.ts';

/** A timing line: `00:00:01,000 --> 00:00:04,000` (SubRip) or `00:01.000 --> 00:04.000 align:start` (WebVTT). */
export const timingLine = /^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}/u;

/** Reads SubRip or WebVTT subtitles. @throws BitextError when they cannot be decoded or have no cues. */
export function readSubtitles(bytes: Uint8Array, fileName: string, format: 'srt' | 'webvtt', forcedEncoding?: EncodingName): ReadResult {
  const decoded = decodeBytes(bytes, fileName, forcedEncoding);
  const blocks: TextBlock[] = [];
  for (const cue of decoded.text.replace(/\r\n?/gu, '\n').split(/\n[ \t]*\n/u)) {
    const lines = cue.split('\n').filter((line) => line.trim() !== '');
    const timing = lines.findIndex((line) => timingLine.test(line));
    // WebVTT's header and NOTE/STYLE/REGION blocks have no timing line; neither has a SubRip cue without one.
    if (timing === -1 || timing > 1) continue;
    blocks.push({ text: lines.slice(timing + 1).map(stripCueMarkup).join(' ') });
  }
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  return { format, text, paragraphs, encoding: decoded.encoding, warnings: [] };
}

const cueEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Cue text without its tags; WebVTT's character references decoded. */
function stripCueMarkup(line: string): string {
  return line
    .replace(/<[^>\n]*>/gu, '')
    .replace(/\{\\[^}]*\}/gu, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/gu, (_match, name: string) => cueEntities[name]!);
}

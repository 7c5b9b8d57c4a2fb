/**
 * Small alignments for the edit tests, written as compact link strings so a
 * reader can check a test by eye.
 */
import type { Alignment, Link, LinkStatus } from '../../../shared/model/alignment.ts';
import { parseLinks } from '../../../shared/model/alignment.ts';
import type { BitextDocument, Paragraph } from '../../../shared/model/document.ts';

/** A document whose paragraphs are the given texts, one per line. */
export function makeDocument(path: string, texts: readonly string[], iso6393 = 'eng'): BitextDocument {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const text of texts) {
    paragraphs.push({ start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  const tag = { iso6393, bcp47: iso6393 === 'tha' ? 'th' : 'en', script: iso6393 === 'tha' ? 'Thai' : 'Latn' };
  return {
    path,
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: tag },
    text: texts.join('\n'),
    paragraphs,
  };
}

/**
 * An alignment of documents with `sourceCount` and `targetCount` paragraphs
 * (`S0`, `S1`… and `T0`, `T1`…), linked as `compact` says (`0-∅ 1,2-0`).
 * Links get score 1, confidence 0.5 and status `auto` unless `statuses` says otherwise.
 */
export function makeAlignment(
  compact: string,
  sourceCount: number,
  targetCount: number,
  statuses: readonly LinkStatus[] = [],
): Alignment {
  const links: Link[] = parseLinks(compact).map((link, index) => ({
    ...link,
    score: 1,
    confidence: 0.5,
    status: statuses[index] ?? 'auto',
  }));
  return {
    schemaVersion: 3,
    tool: { name: 'test', version: '0' },
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    source: makeDocument('source.txt', Array.from({ length: sourceCount }, (_, i) => `S${i}`)),
    target: makeDocument('target.txt', Array.from({ length: targetCount }, (_, i) => `T${i}`), 'tha'),
    links,
  };
}

/** The status letters of the links in order: `a` auto, `c` confirmed, `r` rejected. */
export function statusString(alignment: Alignment): string {
  return alignment.links.map((link) => link.status[0]).join('');
}

/** A fixed edit time. */
export const now = '2024-06-01T12:00:00.000Z';

/** Paragraphs as the corpus has them: one per non-empty line, white space trimmed. A stand-in for `splitParagraphs`. */
export function lineParagraphs(text: string): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end });
  }
  return paragraphs;
}

/** An alignment of two documents with the given paragraph texts (one per line), linked as `compact` says. */
export function makeTextAlignment(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  compact: string,
  statuses: readonly LinkStatus[] = [],
): Alignment {
  const base = makeAlignment(compact, sourceTexts.length, targetTexts.length, statuses);
  return {
    ...base,
    source: makeDocument('source.txt', sourceTexts),
    target: makeDocument('target.txt', targetTexts, 'tha'),
  };
}

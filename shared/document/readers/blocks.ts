/**
 * Lays out the blocks a markup reader found as the document's text: each block
 * one paragraph, its white space folded to single spaces, blocks separated by
 * a blank line. That layout is one `splitParagraphs` reads back as the same
 * paragraphs, so editing the text and re-splitting it keeps them.
 */
import { BitextError } from '../../errors.ts';
import { maxDocumentBytes } from '../limits.ts';
import type { ExtractedParagraph, TextBlock } from './types.ts';

/** The text and paragraphs of `blocks`, empty ones dropped. */
export function layOutBlocks(blocks: readonly TextBlock[], fileName: string): { text: string; paragraphs: ExtractedParagraph[] } {
  const parts: string[] = [];
  const paragraphs: ExtractedParagraph[] = [];
  let length = 0;
  for (const block of blocks) {
    const text = block.text.replace(/\s+/gu, ' ').trim();
    if (text === '') continue;
    if (parts.length > 0) length += 2;
    paragraphs.push({ start: length, end: length + text.length, ...(block.mark ? { mark: block.mark } : {}) });
    parts.push(text);
    length += text.length;
    // Counted in UTF-16 code units, at most the byte size of the same text in UTF-8 except for surrogate pairs.
    if (length > maxDocumentBytes) {
      throw new BitextError('too-large', `the extracted text is larger than ${maxDocumentBytes / 1024 / 1024} MiB, the most the workbench opens`, { file: fileName });
    }
  }
  if (paragraphs.length === 0) throw new BitextError('undecodable', 'the document has no text', { file: fileName });
  return { text: parts.join('\n\n'), paragraphs };
}

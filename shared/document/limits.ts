/**
 * What the workbench opens. Bytes alone do not bound memory: 3 MB of
 * one-character lines is a million paragraphs, and the aligner, the language
 * detector and the alignment file all grow with the paragraph count, so a
 * document is also limited in what it becomes. With these limits, aligning any
 * pair the workbench accepts stays under 1 GiB of memory (docs/security.md has
 * the measurements) and writes an alignment file it can open again.
 */
import { BitextError } from '../errors.ts';
import type { Paragraph } from '../model/document.ts';

/**
 * The largest document, in bytes: 20 MiB is some 100,000 paragraphs of news
 * text. One figure for every way a document comes in: a path, an upload to the
 * browser host, a document named by an alignment file.
 */
export const maxDocumentBytes = 20 * 1024 * 1024;

/** The most paragraphs a document may have (a long book has a few tens of thousands). */
export const maxParagraphs = 100_000;

/**
 * The longest paragraph, in characters (UTF-16 code units): a page of dense
 * text is 5,000; a longer "paragraph" is a file without line breaks, which
 * cannot be aligned paragraph by paragraph anyway.
 */
export const maxParagraphCharacters = 100_000;

/**
 * The largest alignment file, in bytes. It holds both documents' paragraph
 * texts (JSON-escaped: at most twice their 20 MiB each, as the binary check
 * keeps control characters rare) and, per paragraph, its offsets, language and
 * link: with {@link maxParagraphs} that stays well under this figure, so the
 * file written for any accepted pair reopens.
 */
export const maxAlignmentFileBytes = 256 * 1024 * 1024;

/**
 * Refuses a document that becomes more than the workbench handles: too many
 * paragraphs, or a paragraph too long. Runs right after the split, before the
 * costly steps (language detection, alignment).
 *
 * @throws BitextError `too-large` naming the file (and the line of a paragraph too long).
 */
export function checkDocumentShape(text: string, paragraphs: readonly Paragraph[], file: string): void {
  if (paragraphs.length > maxParagraphs) {
    throw new BitextError(
      'too-large',
      `the document has ${paragraphs.length.toLocaleString('en')} paragraphs; the workbench opens documents of up to ${maxParagraphs.toLocaleString('en')}`,
      { file },
    );
  }
  const index = paragraphs.findIndex((paragraph) => paragraph.end - paragraph.start > maxParagraphCharacters);
  if (index === -1) return;
  const paragraph = paragraphs[index]!;
  throw new BitextError(
    'too-large',
    `paragraph ${index + 1} is ${(paragraph.end - paragraph.start).toLocaleString('en')} characters long; the workbench opens paragraphs of up to ${maxParagraphCharacters.toLocaleString('en')}`,
    { file, line: lineAt(text, paragraph.start) },
  );
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * What every document reader returns: the text the editors show, its
 * paragraphs as offsets into that text, and what the file said about itself.
 */
import type { DecodedEncoding, DocumentFormat, ParagraphMark } from '../../model/document.ts';

export type { DocumentFormat, ParagraphMark } from '../../model/document.ts';

/** Every format, in the order the README and `--format` list them. */
export const documentFormats: readonly DocumentFormat[] = ['text', 'markdown', 'html', 'docx', 'odt', 'epub', 'srt', 'webvtt', 'pdf', 'xliff', 'tmx'];

/** A block of text a reader found, before it is laid out as the document's text. */
export interface TextBlock {
  readonly text: string;
  readonly mark?: ParagraphMark;
}

/** A paragraph of the extracted text: `[start, end)` in UTF-16 code units. */
export interface ExtractedParagraph {
  readonly start: number;
  readonly end: number;
  readonly mark?: ParagraphMark;
}

/** What a reader returns for a monolingual document. */
export interface ReadResult {
  readonly format: DocumentFormat;
  /** The text the editors show: for markup formats, one paragraph a block, blocks separated by a blank line. */
  readonly text: string;
  readonly paragraphs: readonly ExtractedParagraph[];
  /** How the bytes were decoded (for containers: the encoding of their XML, UTF-8 as a rule). */
  readonly encoding: DecodedEncoding;
  /** The language the file declares (`<html lang>`, `dc:language`), BCP-47: a hint, detection still reads the text. */
  readonly languageHint?: string;
  /** Things the reader left out or could not read, for a person to see. */
  readonly warnings: readonly string[];
}

/** Options of a read. */
export interface ReadOptions {
  /** The file's name or path: used to guess Markdown by extension and named in errors. */
  readonly fileName: string;
  /** Read as this format instead of detecting one. */
  readonly forcedFormat?: DocumentFormat;
  /** Decode text formats with this encoding instead of detecting one. */
  readonly forcedEncoding?: DecodedEncoding['name'];
}

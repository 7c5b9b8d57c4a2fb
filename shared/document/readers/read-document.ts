/**
 * One entry point for every monolingual reader: detect the format (or take the
 * one the user forced) and read the bytes into text and paragraphs.
 */
import { BitextError, assertNever } from '../../errors.ts';
import { decodeBytes } from '../../text/decode.ts';
import { splitParagraphs } from '../../text/paragraphs.ts';
import { detectFormat } from './detect-format.ts';
import { readSubtitles } from './subtitles.ts';
import type { ReadOptions, ReadResult } from './types.ts';

export type { DocumentFormat, ReadOptions, ReadResult, ParagraphMark } from './types.ts';
export { documentFormats } from './types.ts';

/**
 * Reads a document's bytes as the format they are in.
 *
 * @throws BitextError naming `options.fileName`: `undecodable` for bytes that are not a readable document
 *   (and for bilingual files, which open as a pair), `too-large` past the size limits.
 */
export async function readDocumentContent(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { fileName, forcedEncoding } = options;
  const format = options.forcedFormat ?? detectFormat(bytes, fileName);
  switch (format) {
    case 'text': {
      const { text, encoding, warnings } = decodeBytes(bytes, fileName, forcedEncoding);
      return { format, text, paragraphs: splitParagraphs(text), encoding, warnings };
    }
    case 'markdown':
      return (await import('./markdown.ts')).readMarkdown(bytes, fileName, forcedEncoding);
    case 'html':
      return (await import('./html.ts')).readHtml(bytes, fileName, forcedEncoding);
    case 'docx':
      return (await import('./docx.ts')).readDocx(bytes, fileName);
    case 'odt':
      return (await import('./odt.ts')).readOdt(bytes, fileName);
    case 'epub':
      return (await import('./epub.ts')).readEpub(bytes, fileName);
    case 'srt':
    case 'webvtt':
      return readSubtitles(bytes, fileName, format, forcedEncoding);
    case 'pdf':
      return (await import('./pdf.ts')).readPdf(bytes, fileName);
    case 'xliff':
    case 'tmx':
      throw new BitextError(
        'undecodable',
        `this is a bilingual ${format === 'tmx' ? 'TMX' : 'XLIFF'} file: open it on its own (bitext align FILE) to see its source and target as an aligned pair`,
        { file: fileName },
      );
    default:
      return assertNever(format, 'format');
  }
}

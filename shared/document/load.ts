/**
 * Bytes to a `BitextDocument`: read the format (plain text, or the text a
 * reader extracts from DOCX, ODT, HTML, EPUB, Markdown or subtitles), split
 * into paragraphs, detect the document's language and each paragraph's, hash
 * the bytes (and the extracted text).
 */
import type { BitextDocument, DocumentFormat, EncodingName, LanguageTag, ParagraphLanguage } from '../model/document.ts';
import type { Side } from '../model/alignment.ts';
import { effectiveLanguage } from '../model/document.ts';
import { decodeBytes } from '../text/decode.ts';
import { paragraphTexts } from '../text/paragraphs.ts';
import { commonLanguages, detectDocumentLanguage, detectParagraphLanguages, languageTag, toBcp47, type ParagraphDetectionOptions } from '../language/detect.ts';
import { readDocumentContent } from './readers/read-document.ts';
import { readBilingual } from './readers/bilingual.ts';
import { checkDocumentShape } from './limits.ts';

/** Options for {@link loadDocument}. */
export interface LoadOptions {
  /** Decode with this encoding instead of detecting one. */
  readonly encoding?: EncodingName;
  /** Read as this format instead of detecting one from the bytes. */
  readonly format?: DocumentFormat;
  /** The user's choice of language, kept beside the detected one. */
  readonly languageOverride?: LanguageTag;
  /** ISO 639-3 codes of the pair's languages, for per-paragraph detection; default: this document's language only. */
  readonly pairLanguages?: readonly string[];
  /**
   * Whether to detect each paragraph's language now. Default true; callers
   * about to align the document pass false, since the pipeline detects
   * paragraphs again among the pair's two languages (the costly part of loading).
   */
  readonly detectParagraphs?: boolean;
}

/**
 * Loads a document from its bytes. `path` is where it came from (named in errors, and its extension tells Markdown).
 *
 * @throws BitextError `undecodable` when the bytes are not a document the workbench reads, `too-large` past the
 *   size limits or when it has too many paragraphs or one too long.
 */
export async function loadDocument(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<BitextDocument> {
  const read = await readDocumentContent(bytes, {
    fileName: path,
    ...(options.format ? { forcedFormat: options.format } : {}),
    ...(options.encoding ? { forcedEncoding: options.encoding } : {}),
  });
  // Before detection, whose cost grows with the paragraphs: a hostile shape is refused first.
  checkDocumentShape(read.text, read.paragraphs, path);
  const detected = withLanguageHint(detectDocumentLanguage(read.text), read.languageHint);
  const language = options.languageOverride ? { detected, override: options.languageOverride } : { detected };
  const document: BitextDocument = {
    path,
    sha256: await sha256Hex(bytes),
    ...(read.format === 'text' ? {} : { format: read.format, textSha256: await sha256Hex(new TextEncoder().encode(read.text)) }),
    encoding: read.encoding,
    language,
    text: read.text,
    paragraphs: read.paragraphs.map((paragraph) => ({ ...paragraph })),
    ...(read.warnings.length > 0 ? { warnings: read.warnings } : {}),
  };
  if (options.detectParagraphs === false) return document;
  return withParagraphLanguages(document, options.pairLanguages ?? [effectiveLanguage(language).iso6393]);
}

/**
 * The text of a document as it was read when an alignment was made: plain text decoded in the
 * recorded encoding, or what the recorded format's reader extracts (for a bilingual file, one side of it);
 * with what the reader says about it (`ReadResult.warnings`), for the person reopening the alignment.
 *
 * @throws BitextError when the bytes no longer read as that format.
 */
export async function documentText(
  bytes: Uint8Array,
  path: string,
  record: { readonly format?: DocumentFormat; readonly encoding: { readonly name: EncodingName } },
  side: Side,
): Promise<{ readonly text: string; readonly warnings: readonly string[] }> {
  const format = record.format ?? 'text';
  if (format === 'text') return decodeBytes(bytes, path, record.encoding.name);
  if (format === 'xliff' || format === 'tmx') {
    const decoded = decodeBytes(bytes, path);
    return { text: readBilingual(decoded.text, path)[side].text, warnings: decoded.warnings };
  }
  return readDocumentContent(bytes, { fileName: path, forcedFormat: format, forcedEncoding: record.encoding.name });
}

/**
 * The detected language, or, when franc could not tell (too little text), the language the file declares
 * (`<html lang>`, `dc:language`, XLIFF's `srcLang`) if it is one of {@link commonLanguages}. Detection reads the
 * text first: a declaration is often a template's default and wrong.
 */
export function withLanguageHint(detected: LanguageTag, hint: string | undefined): LanguageTag {
  if (detected.iso6393 !== 'und' || !hint) return detected;
  const primary = hint.trim().toLowerCase().split(/[-_]/u)[0];
  const iso6393 = commonLanguages.find((code) => toBcp47(code) === primary);
  return iso6393 ? languageTag(iso6393, detected.script) : detected;
}

// Where the paragraph texts are made without a document's readers (the detection worker).
export { paragraphTexts } from '../text/paragraphs.ts';

/**
 * The document with every paragraph's language detected among `pairLanguages`
 * (ISO 639-3); `texts`, when the caller has them, are its {@link paragraphTexts}.
 */
export function withParagraphLanguages(document: BitextDocument, pairLanguages: readonly string[], texts: readonly string[] = paragraphTexts(document)): BitextDocument {
  return withLanguagesOfParagraphs(document, detectParagraphLanguages(texts, paragraphDetectionOptions(document, pairLanguages)));
}

/** How {@link withParagraphLanguages} detects a document's paragraphs among `pairLanguages`. */
export function paragraphDetectionOptions(document: BitextDocument, pairLanguages: readonly string[]): ParagraphDetectionOptions {
  return { documentLanguage: effectiveLanguage(document.language).iso6393, pairLanguages: [...new Set(pairLanguages)] };
}

/** The document with `languages[i]` as paragraph i's language (detected elsewhere, e.g. in a worker). */
export function withLanguagesOfParagraphs(document: BitextDocument, languages: readonly ParagraphLanguage[]): BitextDocument {
  return {
    ...document,
    paragraphs: document.paragraphs.map((paragraph, index) => ({
      start: paragraph.start,
      end: paragraph.end,
      language: languages[index]!,
      ...(paragraph.mark ? { mark: paragraph.mark } : {}),
    })),
  };
}

/** Hex SHA-256 through Web Crypto, which Node and browsers both have. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Bytes to a `BitextDocument`: decode, split into paragraphs, detect the
 * document's language and each paragraph's, hash the bytes.
 */
import type { BitextDocument, EncodingName, LanguageTag } from '../model/document.ts';
import { effectiveLanguage } from '../model/document.ts';
import { decodeBytes } from '../text/decode.ts';
import { foldWhitespace, splitParagraphs } from '../text/paragraphs.ts';
import { detectDocumentLanguage, detectParagraphLanguages } from '../language/detect.ts';
import { checkDocumentShape } from './limits.ts';

/** Options for {@link loadDocument}. */
export interface LoadOptions {
  /** Decode with this encoding instead of detecting one. */
  readonly encoding?: EncodingName;
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
 * Loads a document from its bytes. `path` is where it came from (named in errors).
 *
 * @throws BitextError `undecodable` when the bytes are not text, `too-large` when it has too many paragraphs or one too long.
 */
export async function loadDocument(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<BitextDocument> {
  const { text, encoding, warnings } = decodeBytes(bytes, path, options.encoding);
  const paragraphs = splitParagraphs(text);
  checkDocumentShape(text, paragraphs, path);
  const detected = detectDocumentLanguage(text);
  const language = options.languageOverride ? { detected, override: options.languageOverride } : { detected };
  const document: BitextDocument = {
    path,
    sha256: await sha256Hex(bytes),
    encoding,
    language,
    text,
    paragraphs,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  if (options.detectParagraphs === false) return document;
  return withParagraphLanguages(document, options.pairLanguages ?? [effectiveLanguage(language).iso6393]);
}

/** The document with every paragraph's language detected among `pairLanguages` (ISO 639-3). */
export function withParagraphLanguages(document: BitextDocument, pairLanguages: readonly string[]): BitextDocument {
  const texts = document.paragraphs.map((paragraph) => foldWhitespace(document.text.slice(paragraph.start, paragraph.end)));
  const languages = detectParagraphLanguages(texts, {
    documentLanguage: effectiveLanguage(document.language).iso6393,
    pairLanguages: [...new Set(pairLanguages)],
  });
  return {
    ...document,
    paragraphs: document.paragraphs.map((paragraph, index) => ({ start: paragraph.start, end: paragraph.end, language: languages[index]! })),
  };
}

/** Hex SHA-256 through Web Crypto, which Node and browsers both have. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

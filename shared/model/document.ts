/**
 * Documents as the workbench sees them: decoded text split into paragraphs,
 * each paragraph addressed by character offsets into that text.
 */

/** The encodings the decoder recognises (WHATWG names, as `TextDecoder` takes them). */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874' | 'windows-1252';

/** How a document's bytes were decoded. */
export interface DecodedEncoding {
  readonly name: EncodingName;
  /** Whether the bytes began with a byte-order mark (not part of the text). */
  readonly bom: boolean;
  /** Whether the caller forced the encoding rather than letting it be detected. */
  readonly forced: boolean;
}

/** A language as the workbench reports it. `und` when not known. */
export interface LanguageTag {
  /** ISO 639-3 code, as franc returns it (`eng`, `tha`), or `und`. */
  readonly iso6393: string;
  /** BCP-47 tag (`en`, `th`), or `und`. */
  readonly bcp47: string;
  /** ISO 15924 script code of most of the letters (`Latn`, `Thai`), or `Zyyy` when none. */
  readonly script: string;
}

/** A document's language: what franc detected and what the user chose, if anything. */
export interface DocumentLanguage {
  readonly detected: LanguageTag;
  /** Set when the user overrides the detection; it wins wherever a language is used. */
  readonly override?: LanguageTag;
}

/** Why a paragraph's language is what it is. */
export type ParagraphLanguageReason =
  /** Detected among the pair's languages with a clear margin. */
  | 'detected'
  /** Too short, or only digits and punctuation: not guessed. */
  | 'too-short'
  /** No language of the pair won with a clear margin. */
  | 'uncertain';

/** The language of one paragraph. */
export interface ParagraphLanguage {
  /** ISO 639-3 code, or `und`. */
  readonly iso6393: string;
  readonly reason: ParagraphLanguageReason;
  /** True when the paragraph is in a language other than its document's (e.g. English left in a Thai text). */
  readonly mismatch: boolean;
}

/** The formats the workbench reads (shared/document/readers/). `xliff` and `tmx` are bilingual: they open as a pair. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx' | 'odt' | 'epub' | 'srt' | 'webvtt' | 'pdf' | 'xliff' | 'tmx';

/**
 * Why a paragraph is not ordinary body text:
 * - `furniture`: page furniture of a web page (nav, header, footer, aside), kept so nothing is hidden from the reviewer;
 * - `footnote`: a footnote or endnote, placed after the body;
 * - `text-box`: the content of a text box or frame, placed after the paragraph that anchors it.
 */
export type ParagraphMark = 'furniture' | 'footnote' | 'text-box';

/** A paragraph: a half-open range `[start, end)` of UTF-16 code units in its document's text. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly language?: ParagraphLanguage;
  /** Set by readers of markup formats for paragraphs that are not body text. */
  readonly mark?: ParagraphMark;
}

/** A decoded document, split into paragraphs. */
export interface BitextDocument {
  /** Where the document came from (a path, or a file name in the browser). */
  readonly path: string;
  /** Hex SHA-256 of the bytes as read, so a later load can tell whether the file changed. */
  readonly sha256: string;
  /** The format it was read as; absent for plain text (and for documents of files older than formats). */
  readonly format?: DocumentFormat;
  /**
   * For a document whose text was extracted (any format but plain text): hex SHA-256 of the extracted text, so
   * that a changed original is told apart from a reader that extracts differently.
   */
  readonly textSha256?: string;
  readonly encoding: DecodedEncoding;
  readonly language: DocumentLanguage;
  /** The decoded text, byte-order mark removed, line ends as in the file; for other formats, the extracted text. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** What the user should know about reading it (bytes that were not valid in its encoding), each naming the file. Not saved. */
  readonly warnings?: readonly string[];
}

/** The language that applies to a document: the user's override, else the detected one. */
export function effectiveLanguage(language: DocumentLanguage): LanguageTag {
  return language.override ?? language.detected;
}

/** The text of paragraph `index` of `document`. */
export function paragraphText(document: Pick<BitextDocument, 'text' | 'paragraphs'>, index: number): string {
  const paragraph = document.paragraphs[index];
  if (!paragraph) throw new RangeError(`No paragraph ${index}: the document has ${document.paragraphs.length}`);
  return document.text.slice(paragraph.start, paragraph.end);
}

/** The length of paragraph `index` of `document`'s text, or undefined when there is no such paragraph. */
export function paragraphLength(document: Pick<BitextDocument, 'paragraphs'>, index: number): number | undefined {
  const paragraph = Number.isInteger(index) ? document.paragraphs[index] : undefined;
  return paragraph ? paragraph.end - paragraph.start : undefined;
}

/**
 * The paragraphs of an alignment file's documents: their records, and each
 * document's list as the file holds it, written and checked apart from the
 * rest of the file (alignment-json.ts joins them). A long pair's file is
 * mostly these lists and they do not depend on the links, so `bitext align`
 * has its detection worker write them while the aligner runs. Kept apart from
 * alignment-json.ts, which loads ajv's compiler for older files, so that the
 * worker loads only what it runs.
 */
import type { Side } from '../model/alignment.ts';
import type { BitextDocument, Paragraph, ParagraphLanguage } from '../model/document.ts';
import { BitextError } from '../errors.ts';
import { validateParagraph } from './alignment-validator.generated.js';
import { validate } from './alignment-schema-check.ts';

/** A paragraph as stored: its range, its text, and its language if detected. */
export interface ParagraphRecord extends Paragraph {
  /** The document text from `start` to `end`. */
  readonly text: string;
}

/** The records of a document's paragraphs, as alignment-json.ts's `toAlignmentFile` makes them. */
export function paragraphRecords(document: Pick<BitextDocument, 'text' | 'paragraphs'>): ParagraphRecord[] {
  return document.paragraphs.map((paragraph) => ({
    start: paragraph.start,
    end: paragraph.end,
    text: document.text.slice(paragraph.start, paragraph.end),
    ...(paragraph.language ? { language: copyParagraphLanguage(paragraph.language) } : {}),
    ...(paragraph.mark ? { mark: paragraph.mark } : {}),
  }));
}

/**
 * A document's paragraph list written ahead of the rest of its alignment
 * file, and checked as alignment-json.ts's `checkAlignmentFile` checks it;
 * its `alignmentFileChunks` joins two of them with the rest.
 */
export interface WrittenParagraphs {
  /** The UTF-8 of the list as `serializeAlignmentFile` writes it ({@link serializeParagraphs}). */
  readonly bytes: Uint8Array;
  /** Each paragraph's `end - start`, for checking the links (their indices and sentences) against the list. */
  readonly lengths: Int32Array;
}

/**
 * The paragraph list of the document on `side` of an alignment file (its
 * {@link paragraphRecords}), checked and written.
 *
 * @throws BitextError `invalid-alignment` naming `fileName` and the field, as `checkAlignmentFile`.
 */
export function writeParagraphs(paragraphs: readonly ParagraphRecord[], textLength: number, side: Side, fileName: string): WrittenParagraphs {
  paragraphs.forEach((paragraph, index) => validate(validateParagraph, paragraph, fileName, '', `/${side}/paragraphs/${index}`));
  checkParagraphs(paragraphs, textLength, side, fileName);
  return {
    bytes: new TextEncoder().encode(serializeParagraphs(paragraphs)),
    lengths: Int32Array.from(paragraphs, (paragraph) => paragraph.end - paragraph.start),
  };
}

/**
 * A document's paragraph list as the file holds it: `[`, one record a
 * paragraph, `]`, indented for its place (the list of a document of the
 * file). The records' keys must be in the schema's order, as
 * {@link paragraphRecords} and {@link copyParagraph} make them. Paragraph
 * records hold no lists to fold, so this is the platform's pretty-printing,
 * which indents by depth: the list is printed at its depth in the file and
 * cut out.
 */
export function serializeParagraphs(paragraphs: readonly ParagraphRecord[]): string {
  const placed = JSON.stringify({ document: { paragraphs } }, null, 2);
  return placed.slice(placed.indexOf(listKey) + listKey.length, placed.length - placedEnd.length);
}

const listKey = '"paragraphs": ';
/** What follows the list in {@link serializeParagraphs}'s print: the ends of the document and of the wrapper. */
const placedEnd = '\n  }\n}';

/** Checks what the schema cannot say of a document's paragraphs: offsets in bounds and in order, texts matching them. */
export function checkParagraphs(paragraphs: readonly ParagraphRecord[], textLength: number, side: Side, fileName: string): void {
  let previousEnd = 0;
  // The field is named only when there is a problem: the check runs over every paragraph of a long document.
  paragraphs.forEach((paragraph, index) => {
    const fail = (key: string, message: string): never => {
      throw new BitextError('invalid-alignment', message, { file: fileName, field: `/${side}/paragraphs/${index}/${key}` });
    };
    if (paragraph.end < paragraph.start) fail('end', `paragraph ends (${paragraph.end}) before it starts (${paragraph.start})`);
    if (paragraph.end > textLength) {
      fail('end', `paragraph ends (${paragraph.end}) past the end of the text (textLength ${textLength})`);
    }
    if (paragraph.start < previousEnd) {
      fail('start', `paragraph starts (${paragraph.start}) before the previous one ends (${previousEnd}): paragraphs overlap or are out of order`);
    }
    if (paragraph.text.length !== paragraph.end - paragraph.start) {
      fail('text', `text has ${paragraph.text.length} characters but the offsets span ${paragraph.end - paragraph.start}`);
    }
    previousEnd = paragraph.end;
  });
}

export function copyParagraph(paragraph: ParagraphRecord): ParagraphRecord {
  return {
    start: paragraph.start,
    end: paragraph.end,
    text: paragraph.text,
    ...(paragraph.language ? { language: copyParagraphLanguage(paragraph.language) } : {}),
    ...(paragraph.mark ? { mark: paragraph.mark } : {}),
  };
}


export function copyParagraphLanguage(language: ParagraphLanguage): ParagraphLanguage {
  return { iso6393: language.iso6393, reason: language.reason, mismatch: language.mismatch };
}

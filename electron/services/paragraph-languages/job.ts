/**
 * What crosses between the paragraph-languages worker (worker.ts) and its
 * caller (pair-worker.ts, detect-concurrently.ts): a document to read, the
 * job, and the answers. Apart from both, so that the worker loads neither the
 * aligner nor the thread's starter.
 */
import type { BitextDocument, Paragraph, ParagraphLanguage, ParagraphMark } from '../../../shared/model/document.ts';
import type { ParagraphDetectionOptions } from '../../../shared/language/detect.ts';
import type { SideFeatures } from '../../../shared/align/evidence.ts';
import type { WrittenParagraphs } from '../../../shared/formats/alignment-paragraphs.ts';

/**
 * A document as the worker is given it: its text and its paragraphs' bounds,
 * from which it folds the paragraph texts itself (two strings and a typed
 * array cross threads at once; 60,000 paragraph strings and objects cost
 * both threads tens of milliseconds, and the worker garbage collection).
 */
export interface JobDocument {
  readonly text: string;
  /** Paragraph `i` is `text` from `bounds[2 * i]` to `bounds[2 * i + 1]`. */
  readonly bounds: Int32Array;
  /** Each paragraph's reader's mark, where any has one (see {@link Paragraph}). */
  readonly marks?: readonly (ParagraphMark | undefined)[];
  /** How to detect its paragraphs' languages. */
  readonly options: ParagraphDetectionOptions;
}

/** In a job, the document the worker read ({@link DocumentRequest}): it has it already. */
export interface HeldDocument {
  readonly held: true;
  readonly options: ParagraphDetectionOptions;
}

/**
 * What the worker is given: the documents whose paragraphs' languages it
 * detects; for a pair, each document's language for the aligner, to make the
 * target's {@link SideFeatures} first; and, for a pair to be saved, `write`,
 * to write their paragraph lists last.
 */
export interface DetectionJob {
  readonly documents: readonly (JobDocument | HeldDocument)[];
  readonly alignLanguages?: readonly [string, string];
  readonly write?: boolean;
}

/** Paragraphs as bounds and marks (see {@link JobDocument}). */
interface ParagraphBounds {
  readonly bounds: Int32Array;
  readonly marks?: readonly (ParagraphMark | undefined)[];
}

function paragraphBounds(paragraphs: readonly Paragraph[]): ParagraphBounds {
  const bounds = new Int32Array(paragraphs.length * 2);
  paragraphs.forEach((paragraph, index) => {
    bounds[2 * index] = paragraph.start;
    bounds[2 * index + 1] = paragraph.end;
  });
  const marked = paragraphs.some((paragraph) => paragraph.mark);
  return { bounds, ...(marked ? { marks: paragraphs.map((paragraph) => paragraph.mark) } : {}) };
}

/** The paragraphs of bounds and marks (a job's document, a document the worker read). */
export function jobParagraphs(document: ParagraphBounds): Paragraph[] {
  return Array.from({ length: document.bounds.length / 2 }, (_, index) => {
    const mark = document.marks?.[index];
    return { start: document.bounds[2 * index]!, end: document.bounds[2 * index + 1]!, ...(mark ? { mark } : {}) };
  });
}

/** `document` as a job's document (pair-worker.ts moves its bounds to the worker rather than copy them). */
export function jobDocument(document: BitextDocument, options: ParagraphDetectionOptions): JobDocument {
  return { text: document.text, ...paragraphBounds(document.paragraphs), options };
}

/**
 * A document for the worker to read: its path, and the encoding, language and
 * format the user named for it, as typed (electron/services/documents.ts's
 * `namedLoadOptions` reads them).
 */
export interface DocumentRequest {
  readonly path: string;
  readonly encoding?: string | undefined;
  readonly language?: string | undefined;
  readonly format?: string | undefined;
}

/** A document the worker read, as it crosses back: its paragraphs as bounds. */
export type LoadedDocument = Omit<BitextDocument, 'paragraphs'> & ParagraphBounds;

/** `document` as it crosses back from the worker. */
export function loadedDocument(document: BitextDocument): LoadedDocument {
  const { paragraphs, ...rest } = document;
  return { ...rest, ...paragraphBounds(paragraphs) };
}

/** The document a {@link LoadedDocument} is. */
export function documentFromLoaded(loaded: LoadedDocument): BitextDocument {
  const { bounds, marks, ...rest } = loaded;
  return { ...rest, paragraphs: jobParagraphs({ bounds, ...(marks ? { marks } : {}) }) };
}

/** What the worker is asked: to read a document (first, if at all), then its one job. */
export type WorkerRequest = { readonly kind: 'load'; readonly request: DocumentRequest } | { readonly kind: 'job'; readonly job: DetectionJob };

/** What the worker answers a `load`. */
export type DocumentReply = { readonly ok: true; readonly document: LoadedDocument } | { readonly ok: false; readonly message: string };

/** What the worker answers: each document's paragraph languages, in the job's order. */
export type DetectionReply = { readonly ok: true; readonly languages: ParagraphLanguage[][] } | { readonly ok: false; readonly message: string };

/** What the worker answers first when the job has `alignLanguages`: the target's side of the evidence. */
export type FeaturesReply = { readonly ok: true; readonly features: SideFeatures } | { readonly ok: false; readonly message: string };

/** What the worker answers last when the job says `write`: the documents' paragraph lists, source then target. */
export type ParagraphsReply = { readonly ok: true; readonly paragraphs: WrittenParagraphs[] } | { readonly ok: false; readonly message: string };

/** The worker's messages, told apart by `kind`. */
export type WorkerReply =
  | ({ readonly kind: 'document' } & DocumentReply)
  | ({ readonly kind: 'languages' } & DetectionReply)
  | ({ readonly kind: 'features' } & FeaturesReply)
  | ({ readonly kind: 'paragraphs' } & ParagraphsReply);


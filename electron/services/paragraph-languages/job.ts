/**
 * The job of the paragraph-languages worker (worker.ts) and its answers: what
 * crosses between it and detect-concurrently.ts, which starts it. Apart from
 * both, so that the worker loads neither the aligner nor the thread's starter.
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

/**
 * What the worker is given: the documents whose paragraphs' languages it
 * detects; for a pair, each document's language for the aligner, to make the
 * target's {@link SideFeatures} first; and, for a pair to be saved, `write`,
 * to write their paragraph lists last.
 */
export interface DetectionJob {
  readonly documents: readonly JobDocument[];
  readonly alignLanguages?: readonly [string, string];
  readonly write?: boolean;
}

/** `document` as a job's document (detect-concurrently.ts moves its bounds to the worker rather than copy them). */
export function jobDocument(document: BitextDocument, options: ParagraphDetectionOptions): JobDocument {
  const bounds = new Int32Array(document.paragraphs.length * 2);
  document.paragraphs.forEach((paragraph, index) => {
    bounds[2 * index] = paragraph.start;
    bounds[2 * index + 1] = paragraph.end;
  });
  const marked = document.paragraphs.some((paragraph) => paragraph.mark);
  return { text: document.text, bounds, ...(marked ? { marks: document.paragraphs.map((paragraph) => paragraph.mark) } : {}), options };
}

/** The paragraphs of a job's document. */
export function jobParagraphs(document: JobDocument): Paragraph[] {
  return Array.from({ length: document.bounds.length / 2 }, (_, index) => {
    const mark = document.marks?.[index];
    return { start: document.bounds[2 * index]!, end: document.bounds[2 * index + 1]!, ...(mark ? { mark } : {}) };
  });
}

/** What the worker answers: each document's paragraph languages, in the job's order. */
export type DetectionReply = { readonly ok: true; readonly languages: ParagraphLanguage[][] } | { readonly ok: false; readonly message: string };

/** What the worker answers first when the job has `alignLanguages`: the target's side of the evidence. */
export type FeaturesReply = { readonly ok: true; readonly features: SideFeatures } | { readonly ok: false; readonly message: string };

/** What the worker answers last when the job says `write`: the documents' paragraph lists, source then target. */
export type ParagraphsReply = { readonly ok: true; readonly paragraphs: WrittenParagraphs[] } | { readonly ok: false; readonly message: string };

/** The worker's messages, told apart by `kind`. */
export type WorkerReply =
  | ({ readonly kind: 'languages' } & DetectionReply)
  | ({ readonly kind: 'features' } & FeaturesReply)
  | ({ readonly kind: 'paragraphs' } & ParagraphsReply);


/**
 * `bitext align` on two long documents: the paragraphs' languages detected in
 * a worker thread while the aligner runs on the main one. The aligner reads
 * only each document's language, not its paragraphs', so the two are
 * independent; on a whole Bible detection is about a sixth of the work, and on
 * a machine with a second core it costs no wall time at all. Short documents
 * are detected in line: starting a worker costs more than it saves there.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Alignment } from '../../../shared/model/alignment.ts';
import type { BitextDocument, ParagraphLanguage } from '../../../shared/model/document.ts';
import { paragraphDetectionOptions, paragraphTexts, withLanguagesOfParagraphs } from '../../../shared/document/load.ts';
import type { ParagraphDetectionOptions } from '../../../shared/language/detect.ts';
import { alignParagraphs } from '../../../shared/align/align.ts';
import { alignDocuments, alignSide, detectPairLanguages, newAlignment, pairLanguages, type PipelineOptions } from '../../../shared/pipeline.ts';
import { bundledWorkerUrl, workerEntryAt } from '../batch/worker-url.ts';

/** What the worker is given: each document's paragraph texts and how to detect them. */
export interface DetectionJob {
  readonly documents: readonly { readonly texts: readonly string[]; readonly options: ParagraphDetectionOptions }[];
}

/** What the worker answers: each document's paragraph languages, in the job's order. */
export type DetectionReply = { readonly ok: true; readonly languages: ParagraphLanguage[][] } | { readonly ok: false; readonly message: string };

/**
 * Paragraphs (both documents together) from which detection runs in a worker.
 * Below it, a worker's start (its own copy of franc's models, the texts copied
 * over) costs about what detecting in line does: a few hundred paragraphs take
 * tens of milliseconds.
 */
export const concurrentDetectionParagraphs = 4000;

/** Detects each document's paragraph languages in a worker thread. */
export function detectInWorker(job: DetectionJob): Promise<ParagraphLanguage[][]> {
  const here = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  const entry = workerEntryAt(bundledWorkerUrl(here, './worker.ts', 'paragraph-languages-worker.mjs'));
  return new Promise((resolve, reject) => {
    const worker = entry.kind === 'file' ? new Worker(entry.url, { workerData: job }) : new Worker(entry.code, { eval: true, workerData: job });
    worker.once('message', (reply: DetectionReply) => (reply.ok ? resolve(reply.languages) : reject(new Error(reply.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the language detection worker stopped (exit code ${code})`)));
  });
}

/**
 * {@link alignDocuments}, with the paragraphs' languages detected in a worker
 * while the main thread aligns, for pairs of `fromParagraphs` paragraphs or
 * more (default {@link concurrentDetectionParagraphs}). The result is the same. If the worker cannot run (no
 * threads, a missing bundle), detection runs in line after the aligner.
 */
export async function alignDocumentsConcurrently(
  source: BitextDocument,
  target: BitextDocument,
  options: PipelineOptions = {},
  fromParagraphs = concurrentDetectionParagraphs,
): Promise<Alignment> {
  if (source.paragraphs.length + target.paragraphs.length < fromParagraphs) return alignDocuments(source, target, options);
  const texts = [paragraphTexts(source), paragraphTexts(target)] as const;
  const pair = pairLanguages(source, target);
  const detection = detectInWorker({
    documents: [
      { texts: texts[0], options: paragraphDetectionOptions(source, pair) },
      { texts: texts[1], options: paragraphDetectionOptions(target, pair) },
    ],
  }).catch(() => undefined);
  const links = alignParagraphs(alignSide(source, texts[0]), alignSide(target, texts[1]), options);
  const languages = await detection;
  const [sourceDocument, targetDocument] = languages
    ? [withLanguagesOfParagraphs(source, languages[0]!), withLanguagesOfParagraphs(target, languages[1]!)]
    : detectPairLanguages(source, target, texts);
  return newAlignment(sourceDocument, targetDocument, links, options.now ?? new Date().toISOString());
}

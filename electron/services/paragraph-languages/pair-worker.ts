/**
 * The paragraph-languages worker (worker.ts) as its caller holds it: started
 * before it has work, so that its start-up (a new JavaScript engine, its
 * bundle loaded) overlaps the caller's; then asked to read one document, and
 * given one job (detect-concurrently.ts). Light on purpose: `bitext align`
 * starts it before loading the aligner.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { BitextDocument, ParagraphLanguage } from '../../../shared/model/document.ts';
import type { SideFeatures } from '../../../shared/align/evidence.ts';
import type { WrittenParagraphs } from '../../../shared/formats/alignment-paragraphs.ts';
import { bundledWorkerUrl, workerEntryAt } from '../batch/worker-url.ts';
import { documentFromLoaded, type DetectionJob, type DocumentRequest, type WorkerReply, type WorkerRequest } from './job.ts';

/** The worker's answers: the target's evidence features (when asked for), the paragraph languages, the paragraph lists (when asked for). */
export interface PairWork {
  readonly features: Promise<SideFeatures>;
  readonly languages: Promise<ParagraphLanguage[][]>;
  readonly paragraphs: Promise<WrittenParagraphs[]>;
}

/** A started worker. A worker that stops or fails rejects whatever it has not answered yet. */
export interface PairWorker {
  /**
   * Reads and loads the document at `path` there (electron/services/documents.ts's
   * `readDocument`, paragraphs not detected), while the caller reads the other.
   * It rejects with the reason where the worker cannot: the caller reads the
   * document itself then, and so reports a problem with the file as it would have.
   */
  load(request: DocumentRequest): Promise<BitextDocument>;
  /** Whether `document` is the one {@link load} gave: a job names it rather than send it back. */
  holds(document: BitextDocument): boolean;
  /** Gives the worker its one job. */
  run(job: DetectionJob): PairWork;
  /** Ends a worker that will get no job (the documents were short, or could not be read). */
  stop(): void;
}

/** Starts a {@link PairWorker}. */
export function startPairWorker(): PairWorker {
  const here = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  const entry = workerEntryAt(bundledWorkerUrl(here, './worker.ts', 'paragraph-languages-worker.mjs'));
  const document = settable<BitextDocument>();
  const features = settable<SideFeatures>();
  const languages = settable<ParagraphLanguage[][]>();
  const paragraphs = settable<WrittenParagraphs[]>();
  // An answer nobody asks for (a stopped worker's, features of a job without alignLanguages) fails unheard.
  for (const answer of [document, features, languages, paragraphs]) answer.promise.catch(() => undefined);
  const fail = (error: Error) => {
    for (const answer of [document, features, languages, paragraphs]) answer.reject(error);
  };
  let worker: Worker | undefined;
  let loaded: BitextDocument | undefined;
  try {
    worker = entry.kind === 'file' ? new Worker(entry.url) : new Worker(entry.code, { eval: true });
    worker.on('message', (reply: WorkerReply) => {
      if (!reply.ok) ({ document, features, languages, paragraphs })[reply.kind].reject(new Error(reply.message));
      else if (reply.kind === 'document') document.resolve((loaded = documentFromLoaded(reply.document)));
      else if (reply.kind === 'features') features.resolve(reply.features);
      else if (reply.kind === 'languages') languages.resolve(reply.languages);
      else paragraphs.resolve(reply.paragraphs);
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the language detection worker stopped (exit code ${code})`)));
  } catch (error) {
    fail(error instanceof Error ? error : new Error(String(error)));
  }
  const post = (request: WorkerRequest, transfer: ArrayBuffer[] = []) => {
    try {
      worker?.postMessage(request, transfer);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    load(request) {
      post({ kind: 'load', request });
      return document.promise;
    },
    holds(candidate) {
      return loaded !== undefined && candidate === loaded;
    },
    run(job) {
      post({ kind: 'job', job }, job.documents.flatMap((each) => ('bounds' in each ? [each.bounds.buffer as ArrayBuffer] : [])));
      return { features: features.promise, languages: languages.promise, paragraphs: paragraphs.promise };
    },
    stop() {
      void worker?.terminate();
    },
  };
}

/** Detects each document's paragraph languages in a worker thread. */
export function detectInWorker(job: DetectionJob): Promise<ParagraphLanguage[][]> {
  return startPairWorker().run(job).languages;
}

/** A promise with its settling functions (a later settling is ignored, as a promise does). */
function settable<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((resolved, rejected) => {
    resolve = resolved;
    reject = rejected;
  });
  return { promise, resolve, reject };
}


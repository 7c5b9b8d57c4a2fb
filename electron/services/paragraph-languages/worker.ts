/**
 * The worker that detects the paragraph languages of a pair's documents
 * (pair-worker.ts starts it). It may first be asked to read one of them
 * (while its caller reads the other); then it gets one job. Asked
 * for the aligner's languages, it first answers with the target's evidence
 * features (evidence.ts), its typed arrays moved rather than copied; then with
 * the paragraph languages; then, when the documents are to be written, with
 * their paragraph lists as the alignment file holds them, their bytes moved;
 * then it ends.
 */
import { parentPort } from 'node:worker_threads';
import { evidencePlan, featureBuffers, sideFeatures } from '../../../shared/align/evidence.ts';
import { detectParagraphLanguages } from '../../../shared/language/detect.ts';
import { paragraphRecords, writeParagraphs } from '../../../shared/formats/alignment-paragraphs.ts';
import { paragraphTexts } from '../../../shared/text/paragraphs.ts';
import { readDocument, namedLoadOptions } from '../documents.ts';
import type { BitextDocument, Paragraph, ParagraphLanguage } from '../../../shared/model/document.ts';
import { jobParagraphs, loadedDocument, type DetectionJob, type DocumentRequest, type WorkerReply, type WorkerRequest } from './job.ts';

const failure = (error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }) as const;

/** A document with its paragraphs and their folded texts, ready for the job. */
interface Prepared {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly texts: string[];
}

function prepared(text: string, paragraphs: readonly Paragraph[]): Prepared {
  return { text, paragraphs, texts: paragraphTexts({ text, paragraphs }) };
}

/** The document this worker read, prepared while its caller reads the other. */
let held: Prepared | undefined;

function detect(job: DetectionJob): void {
  const documents = job.documents.map((document) => {
    if ('held' in document) {
      if (!held) throw new Error('the job names a document this worker has not read');
      return { ...held, options: document.options };
    }
    return { ...prepared(document.text, jobParagraphs(document)), options: document.options };
  });
  if (job.alignLanguages) {
    let answer: WorkerReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const [source, target] = documents.map((document, index) => ({ texts: document.texts, language: job.alignLanguages![index]! }));
      const features = sideFeatures(target!.texts, 1, evidencePlan(source!, target!));
      answer = { kind: 'features', ok: true, features };
      transfer = featureBuffers(features);
    } catch (error) {
      answer = { kind: 'features', ...failure(error) };
    }
    parentPort!.postMessage(answer, transfer);
  }

  let languages: ParagraphLanguage[][];
  try {
    languages = documents.map((document) => detectParagraphLanguages(document.texts, document.options));
  } catch (error) {
    parentPort!.postMessage({ kind: 'languages', ...failure(error) } satisfies WorkerReply);
    return;
  }
  parentPort!.postMessage({ kind: 'languages', ok: true, languages } satisfies WorkerReply);

  if (!job.write || documents.length !== 2) return;
  let written: WorkerReply;
  try {
    const paragraphs = documents.map((document, index) => {
      const detected = document.paragraphs.map((paragraph, at) => ({ ...paragraph, language: languages[index]![at]! }));
      const records = paragraphRecords({ text: document.text, paragraphs: detected });
      // The main thread's file names the output; a list that fails here is written (and refused, naming it) there.
      return writeParagraphs(records, document.text.length, index === 0 ? 'source' : 'target', 'the alignment file');
    });
    written = { kind: 'paragraphs', ok: true, paragraphs };
  } catch (error) {
    written = { kind: 'paragraphs', ...failure(error) };
  }
  parentPort!.postMessage(written, written.ok ? written.paragraphs.flatMap((list) => [list.bytes.buffer as ArrayBuffer, list.lengths.buffer as ArrayBuffer]) : []);
}

/** Reads the document asked for; a failure is only said (the caller reads the document itself then). */
async function load(request: DocumentRequest): Promise<void> {
  let document: BitextDocument;
  try {
    document = await readDocument(request.path, { ...namedLoadOptions(request), detectParagraphs: false });
  } catch (error) {
    parentPort!.postMessage({ kind: 'document', ...failure(error) } satisfies WorkerReply);
    return;
  }
  const reply = { kind: 'document', ok: true, document: loadedDocument(document) } as const;
  parentPort!.postMessage(reply, [reply.document.bounds.buffer as ArrayBuffer]);
  held = prepared(document.text, document.paragraphs);
}

// Listening ends with the job, and the thread with it.
const listen = (request: WorkerRequest) => {
  if (request.kind === 'load') {
    void load(request.request);
    return;
  }
  parentPort!.off('message', listen);
  detect(request.job);
};
parentPort!.on('message', listen);

/**
 * The worker that detects the paragraph languages of a pair's documents
 * (detect-concurrently.ts starts it): one job, its first message. Asked
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
import type { ParagraphLanguage } from '../../../shared/model/document.ts';
import { paragraphTexts } from '../../../shared/text/paragraphs.ts';
import { jobParagraphs, type DetectionJob, type WorkerReply } from './job.ts';

const failure = (error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }) as const;

parentPort!.once('message', (job: DetectionJob) => {
  const documents = job.documents.map((document) => {
    const paragraphs = jobParagraphs(document);
    return { ...document, paragraphs, texts: paragraphTexts({ text: document.text, paragraphs }) };
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
    const paragraphs = documents.map(({ text, paragraphs: bounds }, index) => {
      const records = paragraphRecords({ text, paragraphs: bounds.map((paragraph, at) => ({ ...paragraph, language: languages[index]![at]! })) });
      // The main thread's file names the output; a list that fails here is written (and refused, naming it) there.
      return writeParagraphs(records, text.length, index === 0 ? 'source' : 'target', 'the alignment file');
    });
    written = { kind: 'paragraphs', ok: true, paragraphs };
  } catch (error) {
    written = { kind: 'paragraphs', ...failure(error) };
  }
  parentPort!.postMessage(written, written.ok ? written.paragraphs.flatMap((list) => [list.bytes.buffer as ArrayBuffer, list.lengths.buffer as ArrayBuffer]) : []);
});

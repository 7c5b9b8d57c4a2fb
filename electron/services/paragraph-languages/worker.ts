/**
 * The worker that detects the paragraph languages of a pair's documents
 * (detect-concurrently.ts starts it): one job, its first message. Asked
 * for the aligner's languages, it first answers with the target's evidence
 * features (evidence.ts), its typed arrays moved rather than copied; then with
 * the paragraph languages; then it ends.
 */
import { parentPort } from 'node:worker_threads';
import { evidencePlan, featureBuffers, sideFeatures } from '../../../shared/align/evidence.ts';
import { detectParagraphLanguages } from '../../../shared/language/detect.ts';
import type { DetectionJob, WorkerReply } from './detect-concurrently.ts';

const failure = (error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }) as const;

parentPort!.once('message', (job: DetectionJob) => {
  if (job.alignLanguages) {
    let answer: WorkerReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const [source, target] = job.documents.map((document, index) => ({ texts: document.texts, language: job.alignLanguages![index]! }));
      const features = sideFeatures(target!.texts, 1, evidencePlan(source!, target!));
      answer = { kind: 'features', ok: true, features };
      transfer = featureBuffers(features);
    } catch (error) {
      answer = { kind: 'features', ...failure(error) };
    }
    parentPort!.postMessage(answer, transfer);
  }

  let reply: WorkerReply;
  try {
    reply = { kind: 'languages', ok: true, languages: job.documents.map((document) => detectParagraphLanguages(document.texts, document.options)) };
  } catch (error) {
    reply = { kind: 'languages', ...failure(error) };
  }
  parentPort!.postMessage(reply);
});

/**
 * The worker that detects the paragraph languages of a pair's documents
 * (detect-concurrently.ts starts it): one job, given as `workerData`, answered
 * with one message, then the worker ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { detectParagraphLanguages } from '../../../shared/language/detect.ts';
import type { DetectionJob, DetectionReply } from './detect-concurrently.ts';

const job = workerData as DetectionJob;
let reply: DetectionReply;
try {
  reply = { ok: true, languages: job.documents.map((document) => detectParagraphLanguages(document.texts, document.options)) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply);

/**
 * The entry of a batch worker thread: runs each job the pool posts and posts
 * back its result or failure. Bundled as `batch-worker.mjs` beside the CLI
 * bundle (see worker-url.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runJob, toFailure, type BatchJob } from './job.ts';

/** A job as the pool posts it. */
export interface JobMessage {
  readonly id: number;
  readonly job: BatchJob;
}

if (!parentPort) throw new Error('batch worker: started outside a worker thread');
const port = parentPort;
port.on('message', (message: JobMessage) => {
  runJob(message.job).then(
    (result) => port.postMessage({ id: message.id, ok: true, result }),
    (error: unknown) => port.postMessage({ id: message.id, ok: false, failure: toFailure(error) }),
  );
});

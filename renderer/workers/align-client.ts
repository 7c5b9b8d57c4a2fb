/**
 * Runs aligner jobs in a worker (align-worker.ts, bundled by Vite's `?worker`):
 * one worker per job, so cancelling is terminating it, and a job that hangs
 * or fails cannot leave a half-done state behind.
 */
import type { Alignment, Link } from '../../shared/model/alignment.ts';
import type { AlignJob, AlignMessage, AlignPhase } from './align-protocol.ts';
import AlignWorker from './align-worker.ts?worker';

/** The job was cancelled by the user. */
export class AlignCancelled extends Error {
  override readonly name = 'AlignCancelled';
  constructor() {
    super('Cancelled');
  }
}

/** Progress of a running job. */
export interface AlignProgress {
  readonly phase: AlignPhase;
  readonly step: number;
  readonly steps: number;
}

/** A running job: its result, and a way to stop it. */
export interface RunningJob<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

function run<T>(job: AlignJob, onProgress: (progress: AlignProgress) => void, take: (message: AlignMessage) => T | undefined): RunningJob<T> {
  const worker = new AlignWorker();
  let settle: { resolve(value: T): void; reject(error: Error): void } | undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<AlignMessage>) => {
    const message = event.data;
    if (message.kind === 'progress') return onProgress(message);
    const done = settle;
    finish();
    if (message.kind === 'failed') return done?.reject(new Error(message.message));
    const value = take(message);
    if (value === undefined) done?.reject(new Error(`The aligner answered ${message.kind}`));
    else done?.resolve(value);
  };
  worker.onerror = (event) => {
    const done = settle;
    finish();
    done?.reject(new Error(event.message || 'The aligner worker failed'));
  };
  worker.postMessage(job);
  return {
    result,
    cancel() {
      const done = settle;
      finish();
      done?.reject(new AlignCancelled());
    },
  };
}

/** Re-aligns a range in the worker; resolves with the range's new links. */
export function realignInWorker(job: Extract<AlignJob, { kind: 'range' }>, onProgress: (progress: AlignProgress) => void): RunningJob<{ links: readonly Link[]; milliseconds: number }> {
  return run(job, onProgress, (message) => (message.kind === 'realigned' ? { links: message.links, milliseconds: message.milliseconds } : undefined));
}

/**
 * A job started before anything shows it (the pair read at start-up, aligned
 * while the page still loads): the progress so far is kept, and `watch` hands
 * the job and its progress from then on to whoever shows it.
 */
export type StartedJob<T> = (onProgress: (progress: AlignProgress) => void) => RunningJob<T>;

/** Starts a job now, to be watched later (see {@link StartedJob}). */
export function startUnwatched<T>(start: (onProgress: (progress: AlignProgress) => void) => RunningJob<T>): StartedJob<T> {
  let last: AlignProgress | undefined;
  let listener: ((progress: AlignProgress) => void) | undefined;
  const job = start((progress) => {
    last = progress;
    listener?.(progress);
  });
  // Failures are reported to whoever watches (or nobody, when the page went another way).
  job.result.catch(() => undefined);
  return (onProgress) => {
    listener = onProgress;
    if (last) onProgress(last);
    return job;
  };
}

/** Aligns two documents in the worker; resolves with the alignment. */
export function alignInWorker(job: Extract<AlignJob, { kind: 'documents' }>, onProgress: (progress: AlignProgress) => void): RunningJob<{ alignment: Alignment; milliseconds: number }> {
  return run(job, onProgress, (message) => (message.kind === 'aligned' ? { alignment: message.alignment, milliseconds: message.milliseconds } : undefined));
}

/**
 * A fixed pool of worker threads running batch jobs. `run` queues a job and
 * resolves with its result, or rejects with a {@link JobError}; at most one
 * job runs on each worker at a time. A worker that dies (out of memory, a
 * crash) fails its job and is replaced, so one bad input cannot stop a batch.
 */
import { Worker } from 'node:worker_threads';
import type { BatchJob, BatchJobResult, JobFailure } from './job.ts';
import { batchWorkerEntry, type WorkerEntry } from './worker-url.ts';

/** A job that failed, with what the worker said about it. */
export class JobError extends Error {
  override readonly name = 'JobError';
  constructor(readonly failure: JobFailure) {
    super(failure.message);
  }
}

/** A pool of batch workers. */
export interface BatchPool {
  run(job: BatchJob): Promise<BatchJobResult>;
  /** Stops every worker; jobs not finished reject. */
  close(): Promise<void>;
}

interface Pending {
  readonly id: number;
  readonly job: BatchJob;
  readonly resolve: (result: BatchJobResult) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { readonly id: number; readonly ok: true; readonly result: BatchJobResult } | { readonly id: number; readonly ok: false; readonly failure: JobFailure };

/** Starts `size` workers (at least 1). */
export function createPool(size: number, entry: WorkerEntry = batchWorkerEntry()): BatchPool {
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let nextId = 1;
  let closed = false;

  const start = (): void => {
    const worker = entry.kind === 'file' ? new Worker(entry.url) : new Worker(entry.code, { eval: true });
    worker.on('message', (reply: Reply) => {
      const pending = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (pending) {
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new JobError(reply.failure));
      }
      dispatch();
    });
    worker.on('error', (error) => lost(worker, error));
    worker.on('exit', (code) => lost(worker, new Error(`the worker stopped (exit code ${code})`)));
    idle.push(worker);
  };

  const lost = (worker: Worker, error: Error): void => {
    const index = idle.indexOf(worker);
    if (index >= 0) idle.splice(index, 1);
    const pending = busy.get(worker);
    if (!pending && index < 0) return;
    busy.delete(worker);
    pending?.reject(new JobError({ code: 'internal', message: error.message }));
    if (!closed) {
      start();
      dispatch();
    }
  };

  const dispatch = (): void => {
    while (!closed && idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  };

  for (let index = 0; index < Math.max(1, size); index++) start();

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('the batch pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const stopped = new JobError({ code: 'internal', message: 'cancelled' });
      for (const pending of queue.splice(0)) pending.reject(stopped);
      for (const pending of busy.values()) pending.reject(stopped);
      const workers = [...idle, ...busy.keys()];
      idle.length = 0;
      busy.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The app's Align all: batches started from the corpus view, each running in
 * the background on worker threads while the renderer asks how it stands (a
 * request/answer API has no push), and stoppable. The last few finished
 * batches are kept so a late status request still gets its answer.
 */
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { BatchPairResult, BatchStatus } from '../../../shared/api.ts';
import { BitextError } from '../../../shared/errors.ts';
import { meanConfidence } from '../../../shared/corpus/batch-stats.ts';
import { outputPath, runBatch, type BatchPair, type PairOutcome } from './run-batch.ts';

/** The batches of one host. */
export interface FolderBatches {
  /** Starts aligning `pairs` into `outFolder`; answers at once with the batch's first status. */
  start(folder: string, outFolder: string, pairs: readonly BatchPair[]): BatchStatus;
  /** The batch's status; with `cancel`, stops it first. Throws `invalid-argument` for an unknown id. */
  status(id: string, cancel?: boolean): BatchStatus;
}

interface Running {
  status: BatchStatus;
  readonly controller: AbortController;
}

/** Finished batches kept for status requests. */
const keptBatches = 8;

/** A registry of batches, each on `jobs` workers (default: the machine's cores). */
export function createFolderBatches(options: { readonly jobs?: number } = {}): FolderBatches {
  const batches = new Map<string, Running>();
  const jobs = options.jobs ?? availableParallelism();

  const forget = (): void => {
    const over = [...batches.entries()].filter(([, batch]) => batch.status.state !== 'running');
    for (const [id] of over.slice(0, Math.max(0, over.length - keptBatches))) batches.delete(id);
  };

  return {
    start(folder, outFolder, pairs) {
      const id = randomUUID();
      const running: Running = {
        controller: new AbortController(),
        status: {
          id,
          folder,
          outFolder,
          state: pairs.length === 0 ? 'finished' : 'running',
          total: pairs.length,
          done: 0,
          failed: 0,
          pairs: pairs.map((pair) => ({ name: pair.name, source: pair.source, target: pair.target, output: outputPath(outFolder, pair), state: 'waiting' })),
        },
      };
      batches.set(id, running);
      forget();
      if (pairs.length > 0) {
        const update = (index: number, outcome: PairOutcome) => {
          const results = [...running.status.pairs];
          results[index] = result(outcome);
          running.status = { ...running.status, pairs: results };
        };
        runBatch(pairs, {
          outDir: outFolder,
          jobs,
          signal: running.controller.signal,
          onProgress: ({ done, failed, outcome }) => {
            update(pairs.indexOf(outcome.pair), outcome);
            running.status = { ...running.status, done, failed };
          },
        }).then(
          (outcomes) => {
            running.status = {
              ...running.status,
              state: running.controller.signal.aborted ? 'cancelled' : 'finished',
              pairs: outcomes.map(result),
            };
          },
          (error: unknown) => {
            // The output folder could not be made: every pair fails with that reason.
            const reason = error instanceof Error ? error.message : String(error);
            running.status = {
              ...running.status,
              state: 'finished',
              done: pairs.length,
              failed: pairs.length,
              pairs: running.status.pairs.map((pair) => ({ ...pair, state: 'failed', reason })),
            };
          },
        );
      }
      return running.status;
    },

    status(id, cancel = false) {
      const running = batches.get(id);
      if (!running) throw new BitextError('invalid-argument', `no batch ${id}`);
      if (cancel && running.status.state === 'running') running.controller.abort();
      return running.status;
    },
  };
}

function result(outcome: PairOutcome): BatchPairResult {
  const base = { name: outcome.pair.name, source: outcome.pair.source, target: outcome.pair.target, output: outcome.output };
  switch (outcome.kind) {
    case 'aligned':
      return { ...base, state: 'aligned', links: outcome.stats.links, meanConfidence: meanConfidence(outcome.stats) };
    case 'up-to-date':
      return { ...base, state: 'up-to-date' };
    case 'failed':
      return { ...base, state: 'failed', reason: outcome.reason };
    case 'cancelled':
      return { ...base, state: 'cancelled' };
  }
}

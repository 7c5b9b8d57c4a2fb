/**
 * Running a batch of file pairs on a pool of workers: each pair's alignment
 * written to `OUT/NAME.bitext` (atomically, by the alignment store), pairs
 * whose output is newer than both documents skipped unless forced (so an
 * interrupted batch resumes where it stopped), and a failing pair reported
 * with its file and reason while the others go on.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PairStats } from '../../../shared/corpus/batch-stats.ts';
import { JobError, createPool, type BatchPool } from './pool.ts';

/** A pair to align, with its output's name (without `.bitext`). */
export interface BatchPair {
  readonly source: string;
  readonly target: string;
  readonly name: string;
  /** ISO 639-3 codes overriding detection. */
  readonly sourceLanguage?: string;
  readonly targetLanguage?: string;
}

/** What became of one pair. */
export type PairOutcome =
  | {
      readonly kind: 'aligned';
      readonly pair: BatchPair;
      readonly output: string;
      readonly stats: PairStats;
      readonly sourceLanguage: string;
      readonly targetLanguage: string;
      readonly milliseconds: number;
    }
  /** The output is newer than both documents: left as it is. */
  | { readonly kind: 'up-to-date'; readonly pair: BatchPair; readonly output: string }
  /** `file` is the input the failure is about, when it is about one. */
  | { readonly kind: 'failed'; readonly pair: BatchPair; readonly output: string; readonly file?: string; readonly reason: string }
  | { readonly kind: 'cancelled'; readonly pair: BatchPair; readonly output: string };

/** Progress after each pair. */
export interface BatchProgress {
  readonly total: number;
  /** Pairs finished in any way (aligned, up to date, failed). */
  readonly done: number;
  readonly failed: number;
  readonly outcome: PairOutcome;
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** The folder the alignment files go to (made if missing). */
  readonly outDir: string;
  /** Worker threads. Default: `os.availableParallelism()`. */
  readonly jobs: number;
  /** Align pairs whose output is up to date too. Default `false`. */
  readonly force?: boolean;
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Aborting stops the workers; pairs not finished come back `cancelled`. */
  readonly signal?: AbortSignal;
  /** The pool to use (tests); default: a new one of `jobs` workers, closed at the end. */
  readonly pool?: BatchPool;
}

/** Where a pair's alignment goes. */
export function outputPath(outDir: string, pair: Pick<BatchPair, 'name'>): string {
  return join(outDir, `${pair.name}.bitext`);
}

/** Aligns every pair; outcomes in the order of `pairs`. Never throws for one pair's failure. */
export async function runBatch(pairs: readonly BatchPair[], options: BatchOptions): Promise<PairOutcome[]> {
  await mkdir(options.outDir, { recursive: true });
  const outcomes: (PairOutcome | undefined)[] = pairs.map(() => undefined);
  let done = 0;
  let failed = 0;
  const finish = (index: number, outcome: PairOutcome): void => {
    outcomes[index] = outcome;
    if (outcome.kind === 'cancelled') return;
    done++;
    if (outcome.kind === 'failed') failed++;
    options.onProgress?.({ total: pairs.length, done, failed, outcome });
  };

  const toRun: number[] = [];
  for (const [index, pair] of pairs.entries()) {
    const output = outputPath(options.outDir, pair);
    if (!options.force && (await upToDate(output, pair))) finish(index, { kind: 'up-to-date', pair, output });
    else toRun.push(index);
  }
  if (toRun.length === 0 || options.signal?.aborted) return fill(pairs, outcomes, options.outDir);

  const pool = options.pool ?? createPool(Math.min(options.jobs, toRun.length));
  const abort = () => void pool.close();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.all(
      toRun.map(async (index) => {
        const pair = pairs[index]!;
        const output = outputPath(options.outDir, pair);
        const started = performance.now();
        try {
          const result = await pool.run({
            kind: 'files',
            source: pair.source,
            target: pair.target,
            output,
            ...(pair.sourceLanguage ? { sourceLanguage: pair.sourceLanguage } : {}),
            ...(pair.targetLanguage ? { targetLanguage: pair.targetLanguage } : {}),
          });
          if (result.kind !== 'files') throw new Error('a file job returned a text result');
          const { stats, sourceLanguage, targetLanguage } = result;
          finish(index, { kind: 'aligned', pair, output, stats, sourceLanguage, targetLanguage, milliseconds: performance.now() - started });
        } catch (error) {
          if (options.signal?.aborted) return;
          const failure = error instanceof JobError ? error.failure : { message: String(error) };
          finish(index, { kind: 'failed', pair, output, reason: failure.message, ...('file' in failure && failure.file ? { file: failure.file } : {}) });
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', abort);
    if (!options.pool) await pool.close();
  }
  return fill(pairs, outcomes, options.outDir);
}

function fill(pairs: readonly BatchPair[], outcomes: readonly (PairOutcome | undefined)[], outDir: string): PairOutcome[] {
  return pairs.map((pair, index) => outcomes[index] ?? { kind: 'cancelled', pair, output: outputPath(outDir, pair) });
}

/** Whether `output` exists and is newer than both documents. */
async function upToDate(output: string, pair: BatchPair): Promise<boolean> {
  try {
    const [out, source, target] = await Promise.all([stat(output), stat(pair.source), stat(pair.target)]);
    return out.mtimeMs > source.mtimeMs && out.mtimeMs > target.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * The aligner, off the UI thread: a dedicated worker that runs one job
 * (align-protocol.ts) and reports its phases. The page cancels a job by
 * terminating the worker, so the aligner itself needs no cancellation points.
 */
import { alignRange } from '../../shared/align/align.ts';
import { sortLinks } from '../../shared/edits/sort-links.ts';
import { alignDocuments, alignSide, detectPairLanguages } from '../../shared/pipeline.ts';
import type { AlignJob, AlignMessage, AlignPhase } from './align-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<AlignJob>) => void) | null;
  postMessage(message: AlignMessage): void;
}

const scope = self as unknown as WorkerScope;
const phases: readonly AlignPhase[] = ['starting', 'reading', 'aligning', 'finishing'];

function progress(phase: AlignPhase): void {
  scope.postMessage({ kind: 'progress', phase, step: phases.indexOf(phase) + 1, steps: phases.length });
}

scope.onmessage = (event) => {
  const job = event.data;
  const started = performance.now();
  try {
    progress('reading');
    if (job.kind === 'documents') {
      progress('aligning');
      const alignment = alignDocuments(job.source, job.target, { now: job.now });
      progress('finishing');
      scope.postMessage({ kind: 'aligned', alignment, milliseconds: performance.now() - started });
      return;
    }
    // The paragraphs' languages as the pipeline sees them, so the range is judged as the whole pair was.
    const [source, target] = detectPairLanguages(job.source, job.target);
    progress('aligning');
    const links = sortLinks(alignRange(alignSide(source), alignSide(target), job.range));
    progress('finishing');
    scope.postMessage({ kind: 'realigned', links, milliseconds: performance.now() - started });
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};

progress('starting');

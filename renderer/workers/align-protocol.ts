/**
 * The messages between the renderer and its aligner worker (align-worker.ts):
 * a job goes in, phases of progress and one result come out. Plain data, so
 * structured cloning carries them as they are.
 */
import type { AlignRange } from '../../shared/align/align.ts';
import type { Alignment, Link } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';

/** What the worker is asked to do. */
export type AlignJob =
  /** Align two documents from scratch (languages per paragraph, then the aligner). */
  | { readonly kind: 'documents'; readonly source: BitextDocument; readonly target: BitextDocument; readonly now: string }
  /** Re-align one stretch of an alignment (`alignRange`), with the models of the whole pair. */
  | { readonly kind: 'range'; readonly source: BitextDocument; readonly target: BitextDocument; readonly range: AlignRange };

/** The phases a job goes through, in order. */
export type AlignPhase = 'starting' | 'reading' | 'aligning' | 'finishing';

/** Phase names for the progress indicator. */
export const phaseLabels: Readonly<Record<AlignPhase, string>> = {
  starting: 'Starting the aligner',
  reading: 'Reading the paragraphs',
  aligning: 'Aligning',
  finishing: 'Finishing',
};

/** A message from the worker. */
export type AlignMessage =
  | { readonly kind: 'progress'; readonly phase: AlignPhase; readonly step: number; readonly steps: number }
  | { readonly kind: 'aligned'; readonly alignment: Alignment; readonly milliseconds: number }
  | { readonly kind: 'realigned'; readonly links: readonly Link[]; readonly milliseconds: number }
  | { readonly kind: 'failed'; readonly message: string };

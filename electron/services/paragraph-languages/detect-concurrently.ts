/**
 * `bitext align` on two long documents: the paragraphs' languages detected in
 * a worker thread while the aligner runs on the main one. The aligner reads
 * only each document's language, not its paragraphs', so the two are
 * independent; on a whole Bible detection is about a sixth of the work, and on
 * a machine with a second core it costs no wall time at all. The worker first
 * makes the target's half of the aligner's evidence (its anchors and words:
 * evidence.ts's `sideFeatures`) while the main thread makes the source's, then
 * detects: the main thread, the longer of the two, waits less. For a caller
 * about to save the alignment, it then writes each document's paragraph list
 * as the alignment file holds it (most of the file, and independent of the
 * links), so that only the links are left to write once the aligner is done.
 * Short documents are aligned and detected in line: starting a worker costs
 * more than it saves there.
 */
import type { Alignment, Side } from '../../../shared/model/alignment.ts';
import type { BitextDocument, ParagraphLanguage } from '../../../shared/model/document.ts';
import type { WrittenParagraphs } from '../../../shared/formats/alignment-paragraphs.ts';
import { paragraphDetectionOptions, paragraphTexts, withLanguagesOfParagraphs } from '../../../shared/document/load.ts';
import { alignParagraphs, type AlignSide } from '../../../shared/align/align.ts';
import { evidencePlan, sideFeatures, type SideFeatures } from '../../../shared/align/evidence.ts';
import { alignDocuments, alignSide, detectPairLanguages, newAlignment, pairLanguages, type PipelineOptions } from '../../../shared/pipeline.ts';
import { jobDocument } from './job.ts';
import { startPairWorker, type PairWorker } from './pair-worker.ts';

export type { DetectionJob, DetectionReply, FeaturesReply, JobDocument, ParagraphsReply, WorkerReply } from './job.ts';
export { detectInWorker, startPairWorker, type PairWorker } from './pair-worker.ts';

/**
 * Paragraphs (both documents together) from which detection runs in a worker.
 * Below it, a worker's start (its own copy of franc's models, the texts copied
 * over) costs about what detecting in line does: a few hundred paragraphs take
 * tens of milliseconds.
 */
export const concurrentDetectionParagraphs = 4000;

/**
 * {@link alignDocuments}, with the paragraphs' languages detected in a worker
 * while the main thread aligns, for pairs of `fromParagraphs` paragraphs or
 * more (default {@link concurrentDetectionParagraphs}), in `worker` when the
 * caller started one beforehand. The result is the same. If the worker cannot
 * run (no threads, a missing bundle), detection runs in line after the aligner.
 */
export async function alignDocumentsConcurrently(
  source: BitextDocument,
  target: BitextDocument,
  options: PipelineOptions = {},
  fromParagraphs = concurrentDetectionParagraphs,
  worker?: PairWorker,
): Promise<Alignment> {
  return (await alignInWorker(source, target, options, fromParagraphs, worker, false)).alignment;
}

/** An alignment about to be saved, and its documents' paragraph lists as its file holds them, where the worker wrote them. */
export interface AlignmentToSave {
  readonly alignment: Alignment;
  /** For alignment-store.ts's `saveAlignment`; undefined where the worker did not run or could not write them. */
  readonly paragraphs: Promise<Record<Side, WrittenParagraphs> | undefined>;
}

/**
 * {@link alignDocumentsConcurrently} for a caller about to save the
 * alignment: where the worker runs, it also writes the documents' paragraph
 * lists once it has their languages, while the aligner still runs.
 */
export async function alignDocumentsToSave(
  source: BitextDocument,
  target: BitextDocument,
  options: PipelineOptions = {},
  fromParagraphs = concurrentDetectionParagraphs,
  worker?: PairWorker,
): Promise<AlignmentToSave> {
  return alignInWorker(source, target, options, fromParagraphs, worker, true);
}

async function alignInWorker(
  source: BitextDocument,
  target: BitextDocument,
  options: PipelineOptions,
  fromParagraphs: number,
  worker: PairWorker | undefined,
  write: boolean,
): Promise<AlignmentToSave> {
  if (source.paragraphs.length + target.paragraphs.length < fromParagraphs) {
    worker?.stop();
    return { alignment: alignDocuments(source, target, options), paragraphs: Promise.resolve(undefined) };
  }
  const pair = pairLanguages(source, target);
  const pairWorker = worker ?? startPairWorker();
  // A document the worker read is there already.
  const sent = (document: BitextDocument) => {
    const detection = paragraphDetectionOptions(document, pair);
    return pairWorker.holds(document) ? { held: true as const, options: detection } : jobDocument(document, detection);
  };
  // Sent before the texts are folded here: the worker folds its own meanwhile. The aligner's languages are the pair's.
  const work = pairWorker.run({ documents: [sent(source), sent(target)], alignLanguages: [pair[0]!, pair[1]!], write });
  const texts = [paragraphTexts(source), paragraphTexts(target)] as const;
  const sides = [alignSide(source, texts[0]), alignSide(target, texts[1])] as const;
  const detection = work.languages.catch(() => undefined);
  const links = alignParagraphs(sides[0], sides[1], options, await preparedSides(sides, work.features));
  const languages = await detection;
  const [sourceDocument, targetDocument] = languages
    ? [withLanguagesOfParagraphs(source, languages[0]!), withLanguagesOfParagraphs(target, languages[1]!)]
    : detectPairLanguages(source, target, texts);
  const alignment = newAlignment(sourceDocument, targetDocument, links, options.now ?? new Date().toISOString());
  // Lists written from other languages than the alignment's (detection failed in the worker) are not the alignment's.
  const paragraphs = write && languages ? work.paragraphs.then(([sourceList, targetList]) => ({ source: sourceList!, target: targetList! }), () => undefined) : Promise.resolve(undefined);
  return { alignment, paragraphs };
}

/**
 * Both sides' evidence features: the source's made here while the worker makes
 * the target's. Where the worker cannot (no threads, a missing bundle), the
 * target's are made here too; the evidence, and so the links, are the same.
 */
async function preparedSides(sides: readonly [AlignSide, AlignSide], targetFeatures: Promise<SideFeatures>) {
  const plan = evidencePlan(sides[0], sides[1]);
  const sourceFeatures = sideFeatures(sides[0].texts, 0, plan);
  const target = await targetFeatures.catch(() => sideFeatures(sides[1].texts, 1, plan));
  return { plan, features: [sourceFeatures, target] as const };
}

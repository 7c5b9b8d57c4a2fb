/**
 * The work of `bitext align` (align.ts parses its arguments and starts the
 * detection worker early): read the pair, align it, write the alignment file
 * or print it; or open a bilingual file's pair. Loaded once the worker is on
 * its way, so that its start-up overlaps the loading of all this.
 * `--sentences` also stores every link's sentence pairs, with the rules that
 * cut them; `--srx FILE` records its rules' name and hash.
 */
import { resolve } from 'node:path';
import { namedLoadOptions, readDocument, readDocumentBytes } from '../services/documents.ts';
import { isBilingualFile, openBilingualFile } from '../../shared/document/open-bilingual.ts';
import { saveAlignment } from '../services/alignment-store.ts';
import { alignDocumentsConcurrently, alignDocumentsToSave, type AlignmentToSave } from '../services/paragraph-languages/detect-concurrently.ts';
import type { PairWorker } from '../services/paragraph-languages/pair-worker.ts';
import { serializeAlignment } from '../../shared/formats/alignment-json.ts';
import { parseLexicon } from '../../shared/align/lexicon.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import type { Alignment, SegmentationRecord } from '../../shared/model/alignment.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import { sentencesOfLinks, toStoredSentences } from '../../shared/align/link-sentences.ts';
import { builtInRules } from '../../shared/model/segmentation-record.ts';
import { expectPositionals } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.align;

/** The options of `bitext align`, as parsed. */
export interface AlignValues {
  readonly output?: string | undefined;
  readonly force: boolean;
  readonly dictionary?: string | undefined;
  readonly srx?: string | undefined;
  readonly sentences?: boolean | undefined;
  readonly 'source-encoding'?: string | undefined;
  readonly 'target-encoding'?: string | undefined;
  readonly 'source-lang'?: string | undefined;
  readonly 'target-lang'?: string | undefined;
  readonly 'source-format'?: string | undefined;
  readonly 'target-format'?: string | undefined;
}

/** The detection worker align.ts started, and the target document it is reading. */
export interface EarlyWorker {
  readonly worker: PairWorker;
  readonly target: Promise<BitextDocument>;
}

/** Runs `bitext align` on its positionals (one bilingual file, or a pair), with `early` where align.ts started the worker. */
export async function alignCommand(values: AlignValues, positionals: string[], early?: EarlyWorker): Promise<number> {
  const bilingual = positionals.length === 1 ? await readDocumentBytes(positionals[0]!) : undefined;
  // One file is a bilingual file's pair; anything else alone is a mistake of usage.
  if (bilingual && !isBilingualFile(bilingual, positionals[0]!)) expectPositionals(positionals, 2, 2, usage);
  // SRX rules cut the sentences of the any-width route (documents paragraphed differently) and the stored
  // sentence pairs; their reader is loaded only when they are given.
  const srx = values.srx !== undefined ? await (await import('./srx-file.ts')).readSrxFile(values.srx, 'align') : undefined;
  const aligned: AlignmentToSave = bilingual
    ? { alignment: await openBilingualFile(bilingual, positionals[0]!, new Date().toISOString()), paragraphs: Promise.resolve(undefined) }
    : await alignPair(positionals as [string, string], values, srx?.rules, values.output !== undefined, early);
  const recorded = srx ? { ...aligned.alignment, segmentation: srx.record } : aligned.alignment;
  const alignment = values.sentences ? withSentencePairs(recorded, srx) : recorded;
  const paragraphs = aligned.paragraphs;
  const [sourcePath, targetPath] = [alignment.source.path, alignment.target.path];
  if (values.output) {
    // The file records document paths relative to its own folder, so it can move with them.
    const absolute = { ...alignment, source: { ...alignment.source, path: resolve(sourcePath) }, target: { ...alignment.target, path: resolve(targetPath) } };
    const written = await paragraphs;
    await saveAlignment(values.output, absolute, { overwrite: values.force, ...(written ? { paragraphs: written } : {}) });
    const stored = alignment.links.filter((link) => link.sentences).length;
    process.stderr.write(`Wrote ${alignment.links.length} links${values.sentences ? ` (sentence pairs stored for ${stored})` : ''} to ${values.output}\n`);
  } else {
    process.stdout.write(serializeAlignment(alignment));
  }
  return 0;
}

/**
 * Every link with both sides stores its sentence pairs as the sentence aligner
 * makes them (status `auto`, its confidences), with the rules that cut them;
 * the file records those rules as the aligner's too.
 */
function withSentencePairs(alignment: Alignment, srx: { rules: SegmentationRules; record: SegmentationRecord } | undefined): Alignment {
  const rules = srx?.record ?? builtInRules;
  const blocks = sentencesOfLinks(alignment, srx?.rules);
  const links = alignment.links.map((link, index) => {
    const block = blocks.get(index);
    return block && !link.sentences ? { ...link, sentences: { ...toStoredSentences(block), rules } } : link;
  });
  return { ...alignment, segmentation: rules, links };
}

async function alignPair(
  [sourcePath, targetPath]: [string, string],
  values: AlignValues,
  segmentation: SegmentationRules | undefined,
  toFile: boolean,
  early: EarlyWorker | undefined,
): Promise<AlignmentToSave> {
  // A failure here stops the worker in align.ts, which started it.
  // Both read before either is: a name the workbench does not know is reported first, whatever the files.
  const sourceOptions = namedLoadOptions({ encoding: values['source-encoding'], language: values['source-lang'], format: values['source-format'] });
  const targetOptions = namedLoadOptions({ encoding: values['target-encoding'], language: values['target-lang'], format: values['target-format'] });
  const source = await readDocument(sourcePath, { ...sourceOptions, detectParagraphs: false });
  // The worker reads the target meanwhile; where it could not, it is read here, and any problem with the file said as usual.
  const readTarget = () => readDocument(targetPath, { ...targetOptions, detectParagraphs: false });
  const target = early ? await early.target.catch(readTarget) : await readTarget();
  // Bytes replaced while decoding: the alignment is made, but the user must know its text is not quite the file's.
  for (const warning of [...(source.warnings ?? []), ...(target.warnings ?? [])]) process.stderr.write(`bitext align: warning: ${warning}\n`);
  // Read as documents are: a missing or oversized file is refused naming it.
  const lexicon = values.dictionary ? parseLexicon(new TextDecoder().decode(await readDocumentBytes(values.dictionary)), values.dictionary) : undefined;
  const options = { ...(lexicon ? { lexicon } : {}), ...(segmentation ? { segmentation } : {}) };
  // Standard output gets the file in one piece: only a file's paragraph lists are written ahead in the worker.
  if (toFile) return await alignDocumentsToSave(source, target, options, undefined, early?.worker);
  return { alignment: await alignDocumentsConcurrently(source, target, options, undefined, early?.worker), paragraphs: Promise.resolve(undefined) };
}

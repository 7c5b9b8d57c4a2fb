/**
 * `bitext align SOURCE TARGET`: aligns two documents and prints the alignment
 * JSON (the file format, with each paragraph's text) to stdout or `-o FILE`.
 * `bitext align FILE.xlf` (or a TMX file): the pair the bilingual file holds,
 * one link a unit, without aligning.
 */
import { readFile, stat } from 'node:fs/promises';
import { readDocument, readDocumentBytes } from '../services/documents.ts';
import { isBilingualFile, openBilingualFile } from '../../shared/document/open-bilingual.ts';
import { parseFormatName } from '../../shared/document/readers/extensions.ts';
import { saveAlignment } from '../services/alignment-store.ts';
import { resolve } from 'node:path';
import { alignDocumentsConcurrently, alignDocumentsToSave, startPairWorker, type AlignmentToSave } from '../services/paragraph-languages/detect-concurrently.ts';
import { serializeAlignment } from '../../shared/formats/alignment-json.ts';
import { parseLexicon } from '../../shared/align/lexicon.ts';
import { parseEncodingName } from '../../shared/text/decode.ts';
import { languageTag } from '../../shared/language/detect.ts';
import type { LoadOptions } from '../../shared/document/load.ts';
import { expectPositionals, parse } from './args.ts';
import { readSrxFile } from './srx-file.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.align;

export const summary = 'align two documents paragraph by paragraph; print the alignment JSON';

/** Runs `bitext align`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    dictionary: { type: 'string' },
    srx: { type: 'string' },
    'source-encoding': { type: 'string' },
    'target-encoding': { type: 'string' },
    'source-lang': { type: 'string' },
    'source-format': { type: 'string' },
    'target-format': { type: 'string' },
    'target-lang': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`);
    return 0;
  }
  expectPositionals(positionals, 1, 2, usage);
  const bilingual = positionals.length === 1 ? await readDocumentBytes(positionals[0]!) : undefined;
  // One file is a bilingual file's pair; anything else alone is a mistake of usage.
  if (bilingual && !isBilingualFile(bilingual, positionals[0]!)) expectPositionals(positionals, 2, 2, usage);
  const { alignment, paragraphs }: AlignmentToSave = bilingual
    ? { alignment: await openBilingualFile(bilingual, positionals[0]!, new Date().toISOString()), paragraphs: Promise.resolve(undefined) }
    : await alignPair(positionals as [string, string], values, values.output !== undefined);
  const [sourcePath, targetPath] = [alignment.source.path, alignment.target.path];
  if (values.output) {
    // The file records document paths relative to its own folder, so it can move with them.
    const absolute = { ...alignment, source: { ...alignment.source, path: resolve(sourcePath) }, target: { ...alignment.target, path: resolve(targetPath) } };
    const written = await paragraphs;
    await saveAlignment(values.output, absolute, { overwrite: values.force, ...(written ? { paragraphs: written } : {}) });
    process.stderr.write(`Wrote ${alignment.links.length} links to ${values.output}\n`);
  } else {
    process.stdout.write(serializeAlignment(alignment));
  }
  return 0;
}

async function alignPair(
  [sourcePath, targetPath]: [string, string],
  values: { dictionary?: string | undefined; srx?: string | undefined } & Partial<Record<`${'source' | 'target'}-${'encoding' | 'lang' | 'format'}`, string>>,
  toFile: boolean,
): Promise<AlignmentToSave> {
  // Started before the reading, so its start-up overlaps it, where the files are large enough that the documents
  // are likely long enough to give it work (detect-concurrently.ts); a worker left without work is stopped.
  const worker = (await fileBytes(sourcePath)) + (await fileBytes(targetPath)) >= prestartBytes ? startPairWorker() : undefined;
  try {
    const [source, target] = await Promise.all([
      readDocument(sourcePath, { ...loadOptions(values['source-encoding'], values['source-lang'], values['source-format']), detectParagraphs: false }),
      readDocument(targetPath, { ...loadOptions(values['target-encoding'], values['target-lang'], values['target-format']), detectParagraphs: false }),
    ]);
    // Bytes replaced while decoding: the alignment is made, but the user must know its text is not quite the file's.
    for (const warning of [...(source.warnings ?? []), ...(target.warnings ?? [])]) process.stderr.write(`bitext align: warning: ${warning}\n`);
    const lexicon = values.dictionary ? parseLexicon(await readFile(values.dictionary, 'utf8'), values.dictionary) : undefined;
    // SRX rules cut the sentences of the any-width route (documents paragraphed differently).
    const segmentation = values.srx !== undefined ? await readSrxFile(values.srx, 'align') : undefined;
    const options = { ...(lexicon ? { lexicon } : {}), ...(segmentation ? { segmentation } : {}) };
    // Standard output gets the file in one piece: only a file's paragraph lists are written ahead in the worker.
    if (toFile) return await alignDocumentsToSave(source, target, options, undefined, worker);
    return { alignment: await alignDocumentsConcurrently(source, target, options, undefined, worker), paragraphs: Promise.resolve(undefined) };
  } catch (error) {
    worker?.stop();
    throw error;
  }
}

/**
 * Bytes of the two files from which `bitext align` starts the worker before
 * reading them: about half the size of documents of detect-concurrently.ts's
 * `concurrentDetectionParagraphs` paragraphs of Bible verses (about 130
 * bytes each). Below it no worker is started early: for a small pair its
 * start costs more than the reading it would overlap.
 */
const prestartBytes = 256 * 1024;

/** Size of the file at `path`; 0 where it cannot be read (the reading says why). */
async function fileBytes(path: string): Promise<number> {
  return stat(path).then(
    (status) => status.size,
    () => 0,
  );
}

function loadOptions(encoding: string | undefined, language: string | undefined, format: string | undefined): LoadOptions {
  return {
    ...(format ? { format: parseFormatName(format) } : {}),
    ...(encoding ? { encoding: parseEncodingName(encoding) } : {}),
    ...(language ? { languageOverride: languageTag(language, 'Zyyy') } : {}),
  };
}

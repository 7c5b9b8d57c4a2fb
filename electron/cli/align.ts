/**
 * `bitext align SOURCE TARGET`: aligns two documents and prints the alignment
 * JSON (the file format, with each paragraph's text) to stdout or `-o FILE`.
 * `bitext align FILE.xlf` (or a TMX file): the pair the bilingual file holds,
 * one link a unit, without aligning. `--sentences` also stores every link's
 * sentence pairs in the file (so a reader gets them without the app), with
 * the rules that cut them; `--srx FILE` records its rules' name and hash.
 */
import { readFile, stat } from 'node:fs/promises';
import { readDocument, readDocumentBytes } from '../services/documents.ts';
import { isBilingualFile, openBilingualFile } from '../../shared/document/open-bilingual.ts';
import { parseFormatName } from '../../shared/document/readers/extensions.ts';
import type { Alignment, SegmentationRecord } from '../../shared/model/alignment.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import { sentencesOfLinks, toStoredSentences } from '../../shared/align/link-sentences.ts';
import { builtInRules } from '../../shared/model/segmentation-record.ts';
import { saveAlignment } from '../services/alignment-store.ts';
import { resolve } from 'node:path';
import { alignDocumentsConcurrently, startPairWorker } from '../services/paragraph-languages/detect-concurrently.ts';
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

const help = `Usage: ${usage}

Aligns SOURCE and TARGET paragraph by paragraph and writes the alignment file
(JSON, with each paragraph's text) to FILE, or to stdout without -o.

  -o, --output FILE         where to write; an existing FILE is refused unless --force
  --force                   replace FILE if it exists
  --dictionary FILE         a bilingual dictionary as evidence (TSV, or hunalign's .dic)
  --srx FILE                cut sentences by the SRX 2.0 rules in FILE (where documents are
                            paragraphed differently, and for --sentences); the file records
                            the rules' name and the SHA-256 of their text
  --sentences               also store every link's sentence pairs in the file, as the app
                            shows them and \`bitext export --unit sentence\` writes them,
                            with the rules that cut them (the built-in ones, or --srx)
  --source-encoding NAME    decode SOURCE as NAME (utf-8, utf-16le, utf-16be, windows-874,
  --target-encoding NAME    windows-1252) instead of detecting it; the same for TARGET
  --source-lang ISO639-3    take SOURCE to be in this language instead of detecting it
  --target-lang ISO639-3    the same for TARGET
  --source-format F         read SOURCE as format F instead of detecting it; the same
  --target-format F         for TARGET
`;

/** Runs `bitext align`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    dictionary: { type: 'string' },
    srx: { type: 'string' },
    sentences: { type: 'boolean', default: false },
    'source-encoding': { type: 'string' },
    'target-encoding': { type: 'string' },
    'source-lang': { type: 'string' },
    'source-format': { type: 'string' },
    'target-format': { type: 'string' },
    'target-lang': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  expectPositionals(positionals, 1, 2, usage);
  const bilingual = positionals.length === 1 ? await readDocumentBytes(positionals[0]!) : undefined;
  // One file is a bilingual file's pair; anything else alone is a mistake of usage.
  if (bilingual && !isBilingualFile(bilingual, positionals[0]!)) expectPositionals(positionals, 2, 2, usage);
  // SRX rules cut the sentences of the any-width route (documents paragraphed differently) and the stored sentence pairs.
  const srx = values.srx !== undefined ? await readSrxFile(values.srx, 'align') : undefined;
  const aligned = bilingual
    ? await openBilingualFile(bilingual, positionals[0]!, new Date().toISOString())
    : await alignPair(positionals as [string, string], values, srx?.rules);
  const recorded = srx ? { ...aligned, segmentation: srx.record } : aligned;
  const alignment = values.sentences ? withSentencePairs(recorded, srx) : recorded;
  const [sourcePath, targetPath] = [alignment.source.path, alignment.target.path];
  if (values.output) {
    // The file records document paths relative to its own folder, so it can move with them.
    const absolute = { ...alignment, source: { ...alignment.source, path: resolve(sourcePath) }, target: { ...alignment.target, path: resolve(targetPath) } };
    await saveAlignment(values.output, absolute, { overwrite: values.force });
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
  values: { dictionary?: string | undefined } & Partial<Record<`${'source' | 'target'}-${'encoding' | 'lang' | 'format'}`, string>>,
  segmentation: SegmentationRules | undefined,
): Promise<Alignment> {
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
    return await alignDocumentsConcurrently(source, target, { ...(lexicon ? { lexicon } : {}), ...(segmentation ? { segmentation } : {}) }, undefined, worker);
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

/**
 * `bitext align SOURCE TARGET`: aligns two documents and prints the alignment
 * JSON (the file format, with each paragraph's text) to stdout or `-o FILE`.
 * `bitext align FILE.xlf` (or a TMX file): the pair the bilingual file holds,
 * one link a unit, without aligning. `--sentences` also stores every link's
 * sentence pairs in the file (so a reader gets them without the app), with
 * the rules that cut them; `--srx FILE` records its rules' name and hash.
 *
 * This module is light on purpose: for a long pair it starts the detection
 * worker and has it read the target before loading the aligner and the
 * readers (align-pair.ts), so that the worker's start-up and that reading
 * overlap this thread's loading and its reading of the source.
 */
import { stat } from 'node:fs/promises';
import { startPairWorker } from '../services/paragraph-languages/pair-worker.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';
import type { AlignValues, EarlyWorker } from './align-pair.ts';

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
  const early = positionals.length === 2 ? await startEarly(positionals[0]!, positionals[1]!, values) : undefined;
  try {
    const { alignCommand } = await import('./align-pair.ts');
    return await alignCommand(values, positionals, early);
  } catch (error) {
    // A worker waiting for work keeps the process alive.
    early?.worker.stop();
    throw error;
  }
}

/**
 * The worker, started and reading the target, where the files are large
 * enough that the documents are likely long enough to give it work
 * (detect-concurrently.ts); a worker left without work is stopped.
 */
async function startEarly(sourcePath: string, targetPath: string, values: AlignValues): Promise<EarlyWorker | undefined> {
  if ((await fileBytes(sourcePath)) + (await fileBytes(targetPath)) < prestartBytes) return undefined;
  const worker = startPairWorker();
  const target = worker.load({ path: targetPath, encoding: values['target-encoding'], language: values['target-lang'], format: values['target-format'] });
  return { worker, target };
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

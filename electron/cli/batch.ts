/**
 * `bitext batch`: aligns many pairs at once on worker threads.
 *
 * - `bitext batch MANIFEST --out DIR`: the pairs a manifest lists (TSV or JSONL,
 *   see shared/corpus/manifest.ts), each to `DIR/NAME.bitext`;
 * - `bitext batch --folder DIR --out OUT`: the pairs `bitext pair` proposes;
 * - `bitext batch --stdin-jsonl`: records with both texts inline on stdin, one
 *   result record each on stdout, in order (a map step for Spark or Hadoop).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { BitextError } from '../../shared/errors.ts';
import { parseManifest } from '../../shared/corpus/manifest.ts';
import { uniqueNames } from '../../shared/corpus/batch-names.ts';
import { addStats, meanConfidence, untranslatedShare, type PairStats } from '../../shared/corpus/batch-stats.ts';
import { pairDocuments } from '../../shared/corpus/pairing.ts';
import { alignSide } from '../../shared/pipeline.ts';
import { listFolder } from '../services/folder.ts';
import { runBatch, type BatchPair, type BatchProgress, type PairOutcome } from '../services/batch/run-batch.ts';
import { createPool } from '../services/batch/pool.ts';
import { alignJsonlStream } from '../services/batch/stream.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';
import { originals, sourceLanguageOption } from './pair.ts';

const { usage } = commandInfo.batch;

const help = `Usage: ${usage}

Aligns many pairs of documents on worker threads.

  MANIFEST                  TSV (SOURCE<TAB>TARGET[<TAB>NAME], # comments) or JSONL
                            ({"source", "target", "name"?}); relative paths are
                            read from the manifest's folder
  --folder DIR              align the pairs \`bitext pair DIR\` proposes
  --out DIR                 write DIR/NAME.bitext for each pair (NAME defaults to
                            one made from the two file names)
  --jobs N                  worker threads (default: ${availableParallelism()}, the machine's)
  --force                   align pairs whose output is newer than both documents too
                            (by default they are skipped, so a stopped batch resumes)
  --source-lang CODE        with --folder: the originals' language (eng or en)
  --threshold N             with --folder: the lowest pair score proposed (default 0.5)
  --stdin-jsonl             read {"id", "source_text", "target_text", "source_lang"?,
                            "target_lang"?} lines on stdin; write {"id", "source_lang",
                            "target_lang", "links"} lines on stdout, in input order
                            (links: 0-based paragraph indices and confidence); a record
                            that fails becomes {"id", "error"}
  --pairs                   with --stdin-jsonl: add "pairs", the texts of each link
  --in-flight N             with --stdin-jsonl: records read ahead at most (default 4 per job)

Exit code 1 when any pair failed (with --stdin-jsonl, failures are records and
the exit code is 0 unless the stream itself fails).
`;

/** Runs `bitext batch`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    folder: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    force: { type: 'boolean', default: false },
    'source-lang': { type: 'string' },
    threshold: { type: 'string', default: '0.5' },
    'stdin-jsonl': { type: 'boolean', default: false },
    pairs: { type: 'boolean', default: false },
    'in-flight': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const jobs = positiveInteger(values.jobs, '--jobs') ?? availableParallelism();
  if (values['stdin-jsonl']) {
    expectPositionals(positionals, 0, 0, usage);
    return runStream(jobs, positiveInteger(values['in-flight'], '--in-flight') ?? jobs * 4, values.pairs);
  }
  if (values.out === undefined) throw new BitextError('invalid-argument', `give the output folder with --out\nUsage: ${usage}`);
  let pairs: BatchPair[];
  if (values.folder !== undefined) {
    expectPositionals(positionals, 0, 0, usage);
    pairs = await folderPairs(values.folder, Number(values.threshold), values['source-lang']);
  } else {
    expectPositionals(positionals, 1, 1, usage);
    pairs = await manifestPairs(positionals[0]!);
  }
  if (pairs.length === 0) {
    process.stderr.write('No pairs to align.\n');
    return 0;
  }
  const started = performance.now();
  const progress = process.stderr.isTTY ? terminalProgress(started, pairs.length) : plainProgress();
  const outcomes = await runBatch(pairs, { outDir: resolve(values.out), jobs, force: values.force, onProgress: progress.update });
  progress.end();
  process.stdout.write(summaryTable(outcomes, performance.now() - started));
  const failures = outcomes.filter((outcome) => outcome.kind === 'failed');
  for (const failure of failures) process.stderr.write(`bitext batch: ${failure.pair.name}: ${failure.reason}\n`);
  return failures.length > 0 ? 1 : 0;
}

async function manifestPairs(manifest: string): Promise<BatchPair[]> {
  let text: string;
  try {
    text = await readFile(manifest, 'utf8');
  } catch (error) {
    throw new BitextError('io', `cannot read the manifest (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: manifest }, { cause: error });
  }
  const folder = dirname(resolve(manifest));
  const listed = parseManifest(text, manifest).map((pair) => ({ ...pair, source: resolve(folder, pair.source), target: resolve(folder, pair.target) }));
  const names = uniqueNames(listed);
  return listed.map((pair, index) => ({ source: pair.source, target: pair.target, name: names[index]! }));
}

async function folderPairs(folder: string, threshold: number, sourceLang: string | undefined): Promise<BatchPair[]> {
  const { documents, skipped } = await listFolder(folder);
  for (const { path, reason } of skipped) process.stderr.write(`skipped ${basename(path)}: ${reason}\n`);
  const { proposals } = pairDocuments(documents.map((document) => ({ id: document.path, ...alignSide(document) })), { threshold, ...sourceLanguageOption(sourceLang) });
  process.stderr.write(`${proposals.length} pair(s) proposed in ${folder}:\n`);
  for (const pair of proposals) process.stderr.write(`  ${pair.score.toFixed(2)}  ${basename(pair.source)} → ${basename(pair.target)}\n`);
  for (const [original, by] of originals(proposals)) process.stderr.write(`  ${basename(original)} is the original: ${by}\n`);
  const names = uniqueNames(proposals);
  return proposals.map((pair, index) => ({ source: pair.source, target: pair.target, name: names[index]! }));
}

async function runStream(jobs: number, inFlight: number, pairs: boolean): Promise<number> {
  const pool = createPool(jobs);
  try {
    const { records, errors } = await alignJsonlStream(process.stdin, process.stdout, { pool, inFlight, pairs });
    process.stderr.write(`bitext batch: ${records} record(s), ${errors} error(s)\n`);
    // A record's failure is in its output record; failing the whole task would make Spark or Hadoop retry every record.
    return 0;
  } finally {
    await pool.close();
  }
}

interface ProgressView {
  readonly update: (progress: BatchProgress) => void;
  readonly end: () => void;
}

/** One line redrawn in place: a bar, pairs done, failures, time left (drawn at once, at 0 of `total`). */
function terminalProgress(started: number, total: number): ProgressView {
  const draw = (done: number, failed: number) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const elapsed = performance.now() - started;
    const left = done > 0 && done < total ? ` · ${clock(((total - done) * elapsed) / done)} left` : '';
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pairs${failed > 0 ? ` · ${failed} failed` : ''}${left}`);
  };
  draw(0, 0);
  return {
    update: ({ done, failed }) => draw(done, failed),
    end: () => void process.stderr.write('\n'),
  };
}

/** A line per pair, for logs and pipes. */
function plainProgress(): ProgressView {
  return {
    update({ total, done, outcome }) {
      const where = `${done}/${total} ${outcome.pair.name}`;
      switch (outcome.kind) {
        case 'aligned':
          process.stderr.write(`aligned ${where}: ${outcome.stats.links} links in ${seconds(outcome.milliseconds)}\n`);
          break;
        case 'up-to-date':
          process.stderr.write(`skipped ${where}: up to date\n`);
          break;
        case 'failed':
          process.stderr.write(`FAILED  ${where}: ${outcome.reason}\n`);
          break;
        case 'cancelled':
          break;
      }
    },
    end() {},
  };
}

/** The summary: one row per pair, then the total. */
export function summaryTable(outcomes: readonly PairOutcome[], milliseconds: number): string {
  const header = ['pair', 'links', 'untranslated', 'mean conf.', 'low conf.', 'time'];
  const rows: string[][] = outcomes.map((outcome) => {
    switch (outcome.kind) {
      case 'aligned':
        return [outcome.pair.name, ...figures(outcome.stats), seconds(outcome.milliseconds)];
      case 'up-to-date':
        return [outcome.pair.name, 'up to date', '', '', '', ''];
      case 'failed':
        return [outcome.pair.name, 'FAILED', '', '', '', ''];
      case 'cancelled':
        return [outcome.pair.name, 'cancelled', '', '', '', ''];
    }
  });
  const aligned = outcomes.flatMap((outcome) => (outcome.kind === 'aligned' ? [outcome.stats] : []));
  const failed = outcomes.filter((outcome) => outcome.kind === 'failed').length;
  const skipped = outcomes.filter((outcome) => outcome.kind === 'up-to-date').length;
  rows.push([`total: ${aligned.length} aligned, ${skipped} up to date, ${failed} failed`, ...figures(addStats(aligned)), seconds(milliseconds)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return `${[line(header), rule, ...rows.slice(0, -1).map(line), rule, line(rows.at(-1)!)].join('\n')}\n`;
}

function figures(stats: PairStats): string[] {
  return [
    String(stats.links),
    `${(untranslatedShare(stats) * 100).toFixed(1)}%`,
    stats.translatedLinks === 0 ? '–' : meanConfidence(stats).toFixed(3),
    String(stats.lowConfidenceLinks),
  ];
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function clock(milliseconds: number): string {
  const total = Math.round(milliseconds / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new BitextError('invalid-argument', `${option} takes a whole number of 1 or more, got "${text}"`);
  return value;
}

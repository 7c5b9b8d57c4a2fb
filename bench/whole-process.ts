/**
 * What users run, timed as whole processes (`npm run bench`, after the aligner
 * benchmark): a bare `node -e 0` for scale, `bitext --help`, `bitext align` on
 * the corpus pair and on real translated text at 1k, 10k and 30k paragraphs a
 * side (the King James Bible against the Reina-Valera 1909, verse per
 * paragraph, verses dropped and merged: bench/bible-corpus.ts), each with its
 * peak resident memory (`/usr/bin/time`) and, for alignments, the F1 of the
 * file it wrote against the gold. Then the same alignments in-process, phase
 * by phase (bench/align-phases.ts), and the targets of issue 9.
 *
 * `bitext` is run as a user runs it: `node bin/bitext.js`, the launcher that
 * `npm link`, `npx bitext` and the package's `bin` all start, which runs the
 * prebuilt bundle (dist/node/cli.mjs) after a staleness check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scoreAlignment } from '../shared/align/metrics.ts';
import { parseLinks } from '../shared/model/alignment.ts';
import type { PhaseTimes } from './align-phases.ts';
import { bibleCase, loadBibleVerses } from './bible-corpus.ts';
import { corpusCase, writeCaseDocuments, type BitextCase } from './cases.ts';
import { fixed, heading, mark, table } from './tables.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const time = '/usr/bin/time';

/** The targets of issue 9 for whole processes on this 2-core machine. */
const targets = { helpOverNode: 3, smallAlignSeconds: 0.3, seconds30k: 3, megabytes30k: 1024 };

/** The command that runs `bitext`: its launcher, as the package's `bin` does. */
export function bitextCommand(): { readonly argv: readonly string[]; readonly label: string } {
  return { argv: [process.execPath, join(root, 'bin/bitext.js')], label: 'node bin/bitext.js' };
}

/** One run of a process: wall and CPU seconds, peak resident MiB (NaN without /usr/bin/time). */
interface ProcessRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMegabytes: number;
}

const haveTime = existsSync(time);

function runProcess(argv: readonly string[]): ProcessRun {
  // `%e %U %S %M`: elapsed, user, system seconds and peak resident kilobytes, on the last line of stderr.
  const command = haveTime ? [time, '-f', '%e %U %S %M', ...argv] : [...argv];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
  if (!haveTime) return { seconds, cpuSeconds: Number.NaN, peakMegabytes: Number.NaN };
  const [, user, system, kilobytes] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user! + system!, peakMegabytes: kilobytes! / 1024 };
}

/** The fastest of `runs` runs (the usual way to read a timing on a shared machine), with every run's time. */
function fastestOf(runs: number, argv: readonly string[]): { readonly best: ProcessRun; readonly all: readonly number[] } {
  const all = Array.from({ length: runs }, () => runProcess(argv));
  return { best: all.reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest)), all: all.map((run) => run.seconds) };
}

/** F1 of the links in the alignment file at `path` against `gold` (compact links). */
function fileF1(path: string, gold: string): number {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { links: { source: number[]; target: number[] }[] };
  return scoreAlignment(file.links, parseLinks(gold)).f1;
}

const hunalign = spawnSync('sh', ['-c', 'command -v hunalign'], { encoding: 'utf8' }).stdout.trim();
const work = mkdtempSync(join(tmpdir(), 'bitext-bench-'));
const bitext = bitextCommand();
const loadAverage = loadavg()[0]!.toFixed(2);
const rows: string[][] = [];
const phaseRows: string[][] = [];
/** Each target with the wall time (what the target is about) and the CPU time (what the load on a shared machine does not inflate). */
const checks: { target: string; measured: string; cpu: string; met: boolean }[] = [];

try {
  const node = fastestOf(5, [process.execPath, '-e', '0']);
  const help = fastestOf(5, [...bitext.argv, '--help']);
  const row = (name: string, measured: ReturnType<typeof fastestOf>, paragraphs = '', f1 = '') => [
    name,
    paragraphs,
    fixed(measured.best.seconds, 2),
    measured.all.map((seconds) => fixed(seconds, 2)).join(' '),
    fixed(measured.best.cpuSeconds, 2),
    fixed(measured.best.peakMegabytes, 0),
    f1,
  ];
  rows.push(row('node -e 0', node), row('bitext --help', help));
  checks.push({ target: `bitext --help within ${targets.helpOverNode}× node -e 0`, measured: `${fixed(help.best.seconds, 2)} s vs ${fixed(node.best.seconds, 2)} s (${fixed(help.best.seconds / node.best.seconds, 1)}×)`, cpu: `${fixed(help.best.cpuSeconds, 2)} s vs ${fixed(node.best.cpuSeconds, 2)} s`, met: help.best.seconds <= targets.helpOverNode * node.best.seconds });

  const cases: { readonly bitext: BitextCase; readonly runs: number; readonly stem: string }[] = [{ bitext: corpusCase(), runs: 5, stem: 'corpus' }];
  if (loadBibleVerses()) for (const [paragraphs, runs] of [[1000, 3], [10000, 2], [30000, 2]] as const) cases.push({ bitext: bibleCase({ paragraphs }), runs, stem: `bible-${paragraphs}` });
  for (const { bitext: pair, runs, stem } of cases) {
    const documents = writeCaseDocuments(pair, work, stem);
    const output = join(work, `${stem}.bitext`);
    const measured = fastestOf(runs, [...bitext.argv, 'align', documents.source, documents.target, '-o', output, '--force']);
    const size = `${pair.source.texts.length} × ${pair.target.texts.length}`;
    const f1 = fileF1(output, pair.gold);
    rows.push(row(`bitext align ${pair.name}`, measured, size, fixed(f1)));
    if (stem === 'corpus' && hunalign) {
      // hunalign with an empty dictionary: its length-based mode, the point of comparison.
      const dictionary = join(work, 'empty.dic');
      writeFileSync(dictionary, '');
      rows.push(row('hunalign (empty dictionary)', fastestOf(runs, [hunalign, '-text', dictionary, documents.source, documents.target]), size));
    }
    if (stem === 'corpus') {
      checks.push({ target: `bitext align on the corpus pair (${size}) within ${targets.smallAlignSeconds} s`, measured: `${fixed(measured.best.seconds, 2)} s`, cpu: `${fixed(measured.best.cpuSeconds, 2)} s`, met: measured.best.seconds <= targets.smallAlignSeconds });
    }
    if (stem === 'bible-30000') {
      checks.push({ target: `bitext align, 30k real pair, < ${targets.seconds30k} s`, measured: `${fixed(measured.best.seconds, 2)} s`, cpu: `${fixed(measured.best.cpuSeconds, 2)} s`, met: measured.best.seconds < targets.seconds30k });
      checks.push({ target: 'bitext align, 30k real pair, < 1 GiB peak', measured: `${fixed(measured.best.peakMegabytes, 0)} MiB`, cpu: '', met: measured.best.peakMegabytes < targets.megabytes30k });
    }
    // The same work in-process, phase by phase (through tsx: TypeScript compiled at start, not counted in the phases).
    const phasesOutput = join(work, `${stem}.phases.bitext`);
    const gold = join(work, `${stem}.gold`);
    writeFileSync(gold, pair.gold);
    const phases = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/align-phases.ts'), documents.source, documents.target, phasesOutput, gold], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (phases.status !== 0) throw new Error(`bench/align-phases.ts failed: ${phases.stderr}`);
    const result = JSON.parse(phases.stdout.trim().split('\n').at(-1)!) as PhaseTimes;
    const both = (wall: number, cpu: number) => `${fixed(wall / 1000, 2)} (${fixed(cpu / 1000, 2)})`;
    phaseRows.push([
      pair.name,
      size,
      both(result.read, result.cpuPhases.read),
      both(result.detect, result.cpuPhases.detect),
      both(result.align, result.cpuPhases.align),
      both(result.write, result.cpuPhases.write),
      both(result.total, result.cpu),
      fixed(result.peakMegabytes, 0),
      fixed(result.fileMegabytes, 1),
      fixed(result.f1 ?? Number.NaN),
    ]);
  }
  if (cases.length === 1) console.log('\nThe Bible cases were skipped: see above for how to install diatheke and its modules.');
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(heading(`Whole processes (${bitext.label}; fastest of several runs; load average at start ${loadAverage})`));
console.log(table(['command', 'paragraphs', 'seconds', 'all runs (s)', 'CPU s', 'peak MiB', 'F1'], rows));
if (!hunalign) console.log('\n(hunalign is not installed, so it is not measured beside bitext; Debian has no package of it.)');
console.log(heading('The same alignments in-process, by phase, one after another: seconds wall (CPU); the write phase serialises, checks and saves the file; `bitext align` detects the paragraph languages of pairs of 4,000 paragraphs or more in a worker thread while the aligner runs'));
console.log(table(['case', 'paragraphs', 'read', 'detect', 'align', 'write', 'total', 'peak MiB', 'file MiB', 'F1'], phaseRows));
console.log(heading('Targets of issue 9 (whole processes)'));
console.log(table(['target', 'measured (wall)', 'CPU', 'met'], checks.map((check) => [check.target, check.measured, check.cpu, mark(check.met)])));

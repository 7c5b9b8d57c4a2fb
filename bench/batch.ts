/**
 * The corpus benchmark: `node --import tsx bench/batch.ts [--pairs 20] [--jobs 2] [--records 1000] [--markdown]`.
 *
 * 1. A batch of small pairs (perturbed UDHR declarations, English against ten
 *    languages) through `bitext batch MANIFEST --jobs 2`, against `bitext align`
 *    run on each pair one by one — whole processes both, as a user runs them,
 *    wall time side by side — and the links of every pair compared.
 * 2. `bitext batch --stdin-jsonl` on UDHR-sized records fed through a pipe as
 *    fast as it takes them: pairs per second, peak RSS, and the resident
 *    memory sampled as the output passes each tenth of the records (flat
 *    when memory does not grow with the number of records).
 *
 * Timings depend on the machine and on what else runs on it: the script prints
 * the cores and the load average.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseAlignmentFile } from '../shared/formats/alignment-json.ts';
import { formatLinks } from '../shared/model/alignment.ts';
import { udhrCase, udhrLanguages } from './udhr-cases.ts';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number, got ${process.argv[index + 1]}`);
  return value;
};
const pairCount = argument('pairs', 20);
const jobs = argument('jobs', 2);
const recordCount = argument('records', 1000);
const markdown = process.argv.includes('--markdown');
const bitext = fileURLToPath(new URL('../bin/bitext.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bitext-bench-batch-'));

/** The i-th case: the ten languages in turn, a new perturbation seed each round. */
function caseAt(index: number) {
  const language = udhrLanguages[index % udhrLanguages.length]!;
  return { language, bitext: udhrCase(language.code, 1 + Math.floor(index / udhrLanguages.length)) };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (markdown) return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function heading(text: string): string {
  return markdown ? `\n#### ${text}\n` : `\n${text}\n`;
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

// --- 1. A batch against one process per pair --------------------------------------------------

const documents = join(work, 'documents');
mkdirSync(documents);
const manifest: string[] = [];
for (let index = 0; index < pairCount; index++) {
  const { language, bitext: pair } = caseAt(index);
  const name = `udhr-${String(index + 1).padStart(2, '0')}-eng-${language.iso6393}`;
  writeFileSync(join(documents, `${name}.eng.txt`), `${pair.source.texts.join('\n\n')}\n`);
  writeFileSync(join(documents, `${name}.${language.iso6393}.txt`), `${pair.target.texts.join('\n\n')}\n`);
  manifest.push(`documents/${name}.eng.txt\tdocuments/${name}.${language.iso6393}.txt\t${name}`);
}
writeFileSync(join(work, 'pairs.tsv'), `${manifest.join('\n')}\n`);

const oneByOne = join(work, 'one-by-one');
mkdirSync(oneByOne);
const loadBefore = loadavg()[0]!.toFixed(2);
let started = performance.now();
for (const line of manifest) {
  const [source, target, name] = line.split('\t') as [string, string, string];
  const result = spawnSync(process.execPath, [bitext, 'align', source, target, '-o', join(oneByOne, `${name}.bitext`)], { cwd: work, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bitext align failed on ${name}: ${result.stderr}`);
}
const oneByOneMs = performance.now() - started;

started = performance.now();
const batch = spawnSync(process.execPath, [bitext, 'batch', 'pairs.tsv', '--out', 'batch', '--jobs', String(jobs)], { cwd: work, encoding: 'utf8' });
const batchMs = performance.now() - started;
if (batch.status !== 0) throw new Error(`bitext batch failed: ${batch.stderr}`);

let identical = 0;
for (const name of readdirSync(oneByOne)) {
  const links = (folder: string) => formatLinks(parseAlignmentFile(readFileSync(join(work, folder, name), 'utf8'), name).links);
  if (links('one-by-one') === links('batch')) identical++;
  else console.error(`links differ: ${name}`);
}
const ratio = batchMs / oneByOneMs;
console.log(heading(`Batch of ${pairCount} UDHR pairs: bitext batch --jobs ${jobs} against bitext align one by one (whole processes; ${availableParallelism()} cores; load average ${loadBefore} at start)`));
console.log(
  table(
    ['run', 'wall s', 's per pair', 'identical links', 'target'],
    [
      [`bitext align × ${pairCount}, one by one`, seconds(oneByOneMs), seconds(oneByOneMs / pairCount), '', ''],
      [`bitext batch --jobs ${jobs}`, seconds(batchMs), seconds(batchMs / pairCount), `${identical} of ${pairCount}`, `${ratio <= 0.5 ? '✓' : '✗'} ${ratio.toFixed(2)} × (≤ 0.5 ×)`],
    ],
  ),
);

// --- 2. The map step: records through --stdin-jsonl ------------------------------------------

/** Resident memory of a process now, in MiB (Linux). */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const records = Array.from({ length: Math.min(recordCount, 50) }, (_, index) => {
  const { language, bitext: pair } = caseAt(index);
  return { source_text: pair.source.texts.join('\n\n'), target_text: pair.target.texts.join('\n\n'), target_lang: language.iso6393 };
});
const recordBytes = records.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record)), 0) / records.length;
const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, bitext, 'batch', '--stdin-jsonl', '--jobs', String(jobs)], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
const samples: [number, number][] = [];
const tenth = Math.max(1, Math.floor(recordCount / 10));
let lines = 0;
let errors = 0;
let firstAt = 0;
started = performance.now();
const reading = (async () => {
  for await (const line of createInterface({ input: child.stdout })) {
    lines++;
    if (lines === 1) firstAt = performance.now();
    if ((JSON.parse(line) as { error?: string }).error !== undefined) errors++;
    // The node process is /usr/bin/time's only child. Not after the last record: by then the workers may be stopping.
    if (lines % tenth === 0 && lines < recordCount) {
      const node = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
      if (node) samples.push([lines, residentMegabytes(Number(node))]);
    }
  }
})();
for (let index = 0; index < recordCount; index++) {
  const record = records[index % records.length]!;
  if (!child.stdin.write(`${JSON.stringify({ id: index + 1, ...record })}\n`)) await new Promise((done) => child.stdin.once('drain', done));
}
child.stdin.end();
await reading;
const ended = performance.now();
const streamMs = ended - started;
await new Promise((done) => child.once('close', done));
const peak = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
console.log(heading(`${recordCount} UDHR-sized records (${(recordBytes / 1024).toFixed(0)} KiB each on average) through bitext batch --stdin-jsonl --jobs ${jobs} (load average ${loadavg()[0]!.toFixed(2)} at the end)`));
console.log(
  table(
    ['records', 'errors', 'wall s', 'pairs / s', 'after first record, pairs / s', 'peak RSS MiB'],
    [[String(lines), String(errors), seconds(streamMs), (lines / (streamMs / 1000)).toFixed(1), ((lines - 1) / ((ended - firstAt) / 1000)).toFixed(1), peak.toFixed(0)]],
  ),
);
console.log(heading('Resident memory of the batch process as the output passes each tenth of the records'));
console.log(table(['records written', 'RSS MiB'], samples.map(([count, megabytes]) => [String(count), megabytes.toFixed(0)])));
rmSync(work, { recursive: true, force: true });

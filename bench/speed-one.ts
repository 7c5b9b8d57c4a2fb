/**
 * One speed measurement, run in its own process so its peak memory is its own:
 * `node --import tsx bench/speed-one.ts 30000` aligns a synthetic pair with at
 * least 30,000 paragraphs on each side and prints one JSON line; with
 * `--previous`, by the previous aligner (no learned lexicon, no link doubts,
 * no sentence-level route), to measure what those cost.
 */
import { performance } from 'node:perf_hooks';
import { alignParagraphsDetailed } from '../shared/align/align.ts';
import { scoreAlignment } from '../shared/align/metrics.ts';
import { parseLinks } from '../shared/model/alignment.ts';
import { syntheticCase } from './udhr-cases.ts';

/** What one run measured. */
export interface SpeedResult {
  readonly sourceParagraphs: number;
  readonly targetParagraphs: number;
  /** Wall time of `alignParagraphs` alone (building the case is excluded). */
  readonly milliseconds: number;
  /** CPU time (user + system) of the same: what the run cost when other work shares the machine. */
  readonly cpuMilliseconds: number;
  /** Peak resident memory of the whole process, in MiB. */
  readonly peakMegabytes: number;
  readonly cells: number;
  readonly bandWidths: readonly number[];
  readonly f1: number;
}

const size = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(size) || size <= 0) {
  console.error('usage: node --import tsx bench/speed-one.ts PARAGRAPHS  (at least that many on each side)');
  process.exit(2);
}
const bitext = syntheticCase(size);
const cpuStarted = process.cpuUsage();
const started = performance.now();
const options = process.argv.includes('--previous') ? { learnLexicon: false, doubtLinks: false, anyWidth: false } : {};
const result = alignParagraphsDetailed(bitext.source, bitext.target, options);
const milliseconds = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const scores = scoreAlignment(result.links, parseLinks(bitext.gold));
const measured: SpeedResult = {
  sourceParagraphs: bitext.source.texts.length,
  targetParagraphs: bitext.target.texts.length,
  milliseconds,
  cpuMilliseconds: (cpu.user + cpu.system) / 1000,
  // maxRSS is in kilobytes on Linux.
  peakMegabytes: process.resourceUsage().maxRSS / 1024,
  cells: result.stats.cells,
  bandWidths: result.stats.bandWidths,
  f1: scores.f1,
};
console.log(JSON.stringify(measured));

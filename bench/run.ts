/**
 * The aligner benchmark: `npm run bench` (add `-- --markdown` for Markdown).
 *
 * 1. Quality: the corpus pair and the perturbed UDHR cases, scored against
 *    their gold (pairwise precision, recall, F1; share of untranslated
 *    paragraphs left unlinked), for the workbench aligner, the previous
 *    aligner (the paragraph search alone: {@link previousAligner}) and the
 *    Gale–Church baseline side by side, with the mean confidence of right and
 *    wrong links; the same languages under four more perturbation seeds (held
 *    out: the aligner was tuned looking at seed 1 only); the whole Bible
 *    (verse per paragraph, and paragraphed independently on each side);
 *    confidence calibration per band and its expected calibration error.
 * 2. Speed and memory: synthetic pairs of 1k, 10k and 30k paragraphs, each in
 *    a child process (bench/speed-one.ts) so peak memory is measured alone;
 *    30k once more with the previous aligner, to show what the new parts cost.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { alignParagraphs, type AlignOptions } from '../shared/align/align.ts';
import { galeChurchAlign } from '../shared/align/gale-church.ts';
import { confidenceByCorrectness, linkKey, scoreAlignment, type AlignmentScores } from '../shared/align/metrics.ts';
import { parseLinks, type Link } from '../shared/model/alignment.ts';
import { bibleCase, bibleParagraphCase, loadBibleVerses } from './bible-corpus.ts';
import { corpusCase, type BitextCase } from './cases.ts';
import type { SpeedResult } from './speed-one.ts';
import { udhrCases } from './udhr-cases.ts';
import { fixed, heading, mark, table } from './tables.ts';

const speedSizes = [1000, 10000, 30000];
/** Runs per size; the table reports the fastest, the usual way to read a timing on a shared machine. */
const speedRuns = 3;

/**
 * The previous aligner, for comparison: the paragraph-level search alone,
 * without the lexicon learned from the pair, the link doubts and the
 * sentence-level route for documents paragraphed differently.
 */
const previousAligner: AlignOptions = { learnLexicon: false, doubtLinks: false, anyWidth: false };

/** The targets the issues set, checked beside the figures. */
const targets = {
  corpusF1: 1,
  corpusUntranslated: 0.9,
  udhrMeanF1: 0.97,
  udhrMinimumF1: 0.9,
  udhrUntranslated: 0.9,
  bibleF1: 0.995,
  paragraphedPrecision: 0.9,
  paragraphedF1: 0.7,
  seconds30k: 3,
  megabytes30k: 1024,
};

interface Row {
  readonly name: string;
  readonly gold: string;
  readonly ours: AlignmentScores;
  readonly previous: AlignmentScores;
  readonly baseline: AlignmentScores | undefined;
  readonly confidence: ReturnType<typeof confidenceByCorrectness>;
  readonly links: Link[];
  readonly previousLinks: Link[];
  readonly seconds: number;
  readonly previousSeconds: number;
}

/** Scores a case with the workbench aligner, the previous one and (unless the pair is too large for its full grid) Gale–Church. */
function evaluate(bitext: BitextCase, withBaseline = true): Row {
  const gold = parseLinks(bitext.gold);
  let started = performance.now();
  const links = alignParagraphs(bitext.source, bitext.target);
  const seconds = (performance.now() - started) / 1000;
  started = performance.now();
  const previousLinks = alignParagraphs(bitext.source, bitext.target, previousAligner);
  const previousSeconds = (performance.now() - started) / 1000;
  const baseline = withBaseline ? scoreAlignment(galeChurchAlign(bitext.source.texts, bitext.target.texts), gold) : undefined;
  return {
    name: bitext.name,
    gold: bitext.gold,
    ours: scoreAlignment(links, gold),
    previous: scoreAlignment(previousLinks, gold),
    baseline,
    confidence: confidenceByCorrectness(links, gold),
    links,
    previousLinks,
    seconds,
    previousSeconds,
  };
}

const corpus = evaluate(corpusCase());
const udhr = udhrCases().map((bitext) => evaluate(bitext));
const mean = (rows: readonly Row[], pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
const scoreCells = (scores: AlignmentScores | undefined) =>
  scores ? [fixed(scores.precision), fixed(scores.recall), fixed(scores.f1), fixed(scores.untranslatedShare, 2)] : ['–', '–', '–', '–'];
const qualityRow = (row: Row) => [
  row.name,
  ...scoreCells(row.ours),
  fixed(row.previous.f1),
  fixed(row.previous.untranslatedShare, 2),
  fixed(row.baseline?.f1 ?? Number.NaN),
  fixed(row.baseline?.untranslatedShare ?? Number.NaN, 2),
  fixed(row.confidence.correct.mean, 2),
  `${fixed(row.confidence.wrong.mean, 2)} (${row.confidence.wrong.count})`,
];
const meanRow = (name: string, rows: readonly Row[]) => [
  name,
  fixed(mean(rows, (row) => row.ours.precision)),
  fixed(mean(rows, (row) => row.ours.recall)),
  fixed(mean(rows, (row) => row.ours.f1)),
  fixed(mean(rows, (row) => row.ours.untranslatedShare), 2),
  fixed(mean(rows, (row) => row.previous.f1)),
  fixed(mean(rows, (row) => row.previous.untranslatedShare), 2),
  fixed(mean(rows, (row) => row.baseline!.f1)),
  fixed(mean(rows, (row) => row.baseline!.untranslatedShare), 2),
  '',
  '',
];
const qualityHeader = ['case', 'P', 'R', 'F1', 'U', 'prev F1', 'prev U', 'GC F1', 'GC U', 'conf right', 'conf wrong (n)'];

console.log(heading('Alignment quality, tuning cases (pairwise links; U = share of untranslated paragraphs left unlinked; prev = the previous aligner; GC = Gale–Church)'));
console.log(table(qualityHeader, [...[corpus, ...udhr].map(qualityRow), meanRow('mean of UDHR cases', udhr)]));

// The same languages under other perturbation seeds: figures not tuned on.
const heldOutSeeds = [2, 3, 4, 5];
const heldOut = heldOutSeeds.flatMap((seed) => udhrCases(seed)).map((bitext) => evaluate(bitext));
const summaryRow = (name: string, rows: readonly Row[], pick: (row: Row) => AlignmentScores | undefined) => [
  name,
  fixed(mean(rows, (row) => pick(row)!.precision)),
  fixed(mean(rows, (row) => pick(row)!.recall)),
  fixed(mean(rows, (row) => pick(row)!.f1)),
  fixed(mean(rows, (row) => pick(row)!.untranslatedShare), 2),
  fixed(Math.min(...rows.map((row) => pick(row)!.f1))),
];
console.log(heading(`Held-out perturbations (UDHR, seeds ${heldOutSeeds.join(', ')}; ${heldOut.length} cases)`));
console.log(
  table(
    ['aligner', 'P', 'R', 'F1', 'U', 'min F1'],
    [summaryRow('workbench', heldOut, (row) => row.ours), summaryRow('previous', heldOut, (row) => row.previous), summaryRow('Gale–Church', heldOut, (row) => row.baseline)],
  ),
);

// Real translations at scale (Debian's SWORD Bibles through diatheke): verse per paragraph, and paragraphed independently.
const verses = loadBibleVerses();
const bibleRows: Row[] = [];
if (verses) {
  const all = verses.keys.length;
  bibleRows.push(evaluate({ ...bibleCase({ paragraphs: all, dropRate: 0, mergeRate: 0 }), name: `bible eng–spa ×${all} clean` }, false));
  bibleRows.push(evaluate({ ...bibleCase({ paragraphs: all }), name: `bible eng–spa ×${all} drops and merges` }, false));
  bibleRows.push(evaluate(bibleParagraphCase({ verses: all }), false));
  const left = verses.renumbered;
  console.log(
    heading(
      `Whole Bible, KJV against Reina-Valera 1909, ${all} verses (${left.verses} verses of ${left.chapters.length} chapters the two modules number differently left out; Gale–Church: its full grid is too large; seconds of the aligner in this process)`,
    ),
  );
  console.log(
    table(
      ['case', 'paragraphs', 'P', 'R', 'F1', 'U', 'prev P', 'prev F1', 'prev U', 'seconds', 'prev seconds'],
      bibleRows.map((row) => [
        row.name,
        `${row.links.reduce((sum, link) => sum + link.source.length, 0)} × ${row.links.reduce((sum, link) => sum + link.target.length, 0)}`,
        ...scoreCells(row.ours),
        fixed(row.previous.precision),
        fixed(row.previous.f1),
        fixed(row.previous.untranslatedShare, 2),
        fixed(row.seconds, 1),
        fixed(row.previousSeconds, 1),
      ]),
    ),
  );
} else {
  console.log(heading('Whole Bible: skipped (install diatheke, sword-text-kjv and sword-text-sparv)'));
}

/** Calibration of a set of links: per confidence band, the share matching the gold exactly; and the expected calibration error. */
function calibrationOf(rows: readonly Row[], pick: (row: Row) => readonly Link[]) {
  const bands = Array.from({ length: 10 }, (_, index) => ({ low: index / 10, high: index === 9 ? 1.0001 : (index + 1) / 10, links: 0, right: 0, sum: 0 }));
  for (const row of rows) {
    const gold = new Set(parseLinks(row.gold).map(linkKey));
    for (const link of pick(row)) {
      const band = bands.find((candidate) => link.confidence >= candidate.low && link.confidence < candidate.high)!;
      band.links++;
      band.sum += link.confidence;
      if (gold.has(linkKey(link))) band.right++;
    }
  }
  const total = bands.reduce((sum, band) => sum + band.links, 0);
  // ECE: the links' weighted mean gap between confidence and share right, band by band.
  const ece = bands.reduce((sum, band) => (band.links === 0 ? sum : sum + (band.links / total) * Math.abs(band.right / band.links - band.sum / band.links)), 0);
  return { bands, ece };
}

const calibrated = [corpus, ...udhr, ...heldOut];
const ours = calibrationOf(calibrated, (row) => row.links);
const previous = calibrationOf(calibrated, (row) => row.previousLinks);
console.log(heading(`Confidence calibration (corpus and all ${udhr.length + heldOut.length} UDHR cases): share of links matching the gold exactly, by confidence`));
console.log(
  table(
    ['confidence', 'links', 'mean confidence', 'share right', 'prev links', 'prev share right'],
    ours.bands.map((band, index) => {
      const before = previous.bands[index]!;
      return [
        `${band.low.toFixed(1)}–${Math.min(band.high, 1).toFixed(1)}`,
        String(band.links),
        fixed(band.sum / band.links, 2),
        fixed(band.right / band.links, 2),
        String(before.links),
        fixed(before.right / before.links, 2),
      ];
    }),
  ),
);
const bibleCalibration = bibleRows.length > 0 ? calibrationOf(bibleRows, (row) => row.links) : undefined;
console.log(`Expected calibration error (ECE, 10 bands): workbench ${fixed(ours.ece, 4)}, previous ${fixed(previous.ece, 4)}${bibleCalibration ? `; on the Bible cases ${fixed(bibleCalibration.ece, 4)}` : ''}`);

const udhrMeanF1 = mean(udhr, (row) => row.ours.f1);
const udhrMinimumF1 = Math.min(...udhr.map((row) => row.ours.f1));
const udhrUntranslated = mean(udhr, (row) => row.ours.untranslatedShare);
const heldOutMeanF1 = mean(heldOut, (row) => row.ours.f1);
const correctCount = calibrated.reduce((sum, row) => sum + row.confidence.correct.count, 0);
const wrongCount = calibrated.reduce((sum, row) => sum + row.confidence.wrong.count, 0);
const correctMean = calibrated.reduce((sum, row) => sum + (row.confidence.correct.count ? row.confidence.correct.mean * row.confidence.correct.count : 0), 0) / Math.max(correctCount, 1);
const wrongMean = calibrated.reduce((sum, row) => sum + (row.confidence.wrong.count ? row.confidence.wrong.mean * row.confidence.wrong.count : 0), 0) / Math.max(wrongCount, 1);
const targetRows: string[][] = [
  [`corpus F1 = ${targets.corpusF1}`, fixed(corpus.ours.f1), mark(corpus.ours.f1 >= targets.corpusF1)],
  [`corpus untranslated left unlinked ≥ ${targets.corpusUntranslated}`, fixed(corpus.ours.untranslatedShare), mark(corpus.ours.untranslatedShare >= targets.corpusUntranslated)],
  [`UDHR (${udhr.length} languages, seed 1) mean F1 ≥ ${targets.udhrMeanF1}`, `${fixed(udhrMeanF1)} (held out ${fixed(heldOutMeanF1)})`, mark(udhrMeanF1 >= targets.udhrMeanF1)],
  [`UDHR: no case below F1 ${targets.udhrMinimumF1}`, `${fixed(udhrMinimumF1)} (held out ${fixed(Math.min(...heldOut.map((row) => row.ours.f1)))})`, mark(udhrMinimumF1 >= targets.udhrMinimumF1)],
  [`UDHR untranslated left unlinked ≥ ${targets.udhrUntranslated}`, `${fixed(udhrUntranslated)} (held out ${fixed(mean(heldOut, (row) => row.ours.untranslatedShare))})`, mark(udhrUntranslated >= targets.udhrUntranslated)],
  [`confidence: right links above wrong ones`, `${fixed(correctMean, 2)} (${correctCount}) vs ${fixed(wrongMean, 2)} (${wrongCount})`, mark(correctMean > wrongMean)],
];
if (bibleRows.length === 3) {
  const [clean, perturbed, paragraphed] = bibleRows as [Row, Row, Row];
  targetRows.push(
    // The issue's target is the clean pair; the perturbed one is shown beside it. Both golds pair verses by reference,
    // without the chapters the two SWORD modules number differently (bible-corpus.ts: renumberedChapters).
    [`large clean pair (whole Bible, verse per paragraph) F1 ≥ ${targets.bibleF1}`, `${fixed(clean.ours.f1, 4)} (with drops and merges ${fixed(perturbed.ours.f1, 4)})`, mark(clean.ours.f1 >= targets.bibleF1)],
    [`independently paragraphed: precision ≥ ${targets.paragraphedPrecision}`, fixed(paragraphed.ours.precision), mark(paragraphed.ours.precision >= targets.paragraphedPrecision)],
    [`independently paragraphed: F1 ≥ ${targets.paragraphedF1}`, fixed(paragraphed.ours.f1), mark(paragraphed.ours.f1 >= targets.paragraphedF1)],
  );
}
console.log(heading('Targets'));
console.log(table(['target', 'measured', 'met'], targetRows));

const speedRows: string[][] = [];
let met30k = { time: false, memory: false };
const here = fileURLToPath(new URL('.', import.meta.url));
// Other work on the machine slows the timings; the load average says how much there was.
const loadAverage = loadavg()[0]!.toFixed(2);
for (const [size, variant] of [...speedSizes.map((size) => [size, ''] as const), [30000, '--previous'] as const]) {
  const runs = Array.from({ length: speedRuns }, () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', `${here}speed-one.ts`, String(size), ...(variant ? [variant] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(output.trim().split('\n').at(-1)!) as SpeedResult;
  });
  const result = runs.reduce((fastest, run) => (run.milliseconds < fastest.milliseconds ? run : fastest));
  const seconds = result.milliseconds / 1000;
  if (size === 30000 && !variant) met30k = { time: seconds < targets.seconds30k, memory: result.peakMegabytes < targets.megabytes30k };
  speedRows.push([
    `${result.sourceParagraphs} × ${result.targetParagraphs}${variant ? ' (previous aligner)' : ''}`,
    fixed(seconds, 2),
    runs.map((run) => fixed(run.milliseconds / 1000, 2)).join(' '),
    fixed(result.cpuMilliseconds / 1000, 2),
    fixed(result.peakMegabytes, 0),
    String(result.cells),
    fixed(result.cells / (result.sourceParagraphs + result.targetParagraphs), 1),
    result.bandWidths.join('/'),
    fixed(result.f1),
    size === 30000 && !variant ? `${mark(met30k.time)} < ${targets.seconds30k} s, ${mark(met30k.memory)} < 1 GB` : '',
  ]);
}
console.log(heading(`Speed and memory (synthetic eng–tha pairs; each run a fresh child process; fastest of ${speedRuns} runs; load average at start ${loadAverage})`));
console.log(table(['paragraphs', 'seconds', 'all runs (s)', 'CPU s', 'peak MiB', 'DP cells', 'cells / paragraph', 'band widths', 'F1', 'target'], speedRows));

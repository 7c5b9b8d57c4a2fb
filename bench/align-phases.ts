/**
 * `bitext align SOURCE TARGET -o OUT` in-process, phase by phase, in its own
 * process so its peak memory is its own:
 *
 *   node --import tsx bench/align-phases.ts SOURCE TARGET OUT [GOLD]
 *
 * runs the same calls as the command (read and decode both documents, detect
 * their paragraphs' languages among the pair's, align, serialise and save the
 * alignment file atomically) and prints one JSON line with each phase's wall
 * time, the CPU time and the peak resident memory; with a gold file (compact
 * links), also the F1.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { readDocument } from '../electron/services/documents.ts';
import { saveAlignment } from '../electron/services/alignment-store.ts';
import { alignSide, detectPairLanguages } from '../shared/pipeline.ts';
import { paragraphTexts } from '../shared/document/load.ts';
import { alignParagraphs } from '../shared/align/align.ts';
import { scoreAlignment } from '../shared/align/metrics.ts';
import { parseLinks, type Alignment } from '../shared/model/alignment.ts';
import { toolInfo } from '../shared/version.ts';

/** What one run measured; times in milliseconds. */
export interface PhaseTimes {
  readonly sourceParagraphs: number;
  readonly targetParagraphs: number;
  readonly read: number;
  readonly detect: number;
  readonly align: number;
  readonly write: number;
  readonly total: number;
  readonly cpu: number;
  /** CPU time (user + system) of each phase: what it cost when other work shares the machine. */
  readonly cpuPhases: { readonly read: number; readonly detect: number; readonly align: number; readonly write: number };
  readonly peakMegabytes: number;
  readonly fileMegabytes: number;
  readonly links: number;
  readonly f1?: number;
}

const [sourcePath, targetPath, outputPath, goldPath] = process.argv.slice(2);
if (!sourcePath || !targetPath || !outputPath) {
  console.error('usage: node --import tsx bench/align-phases.ts SOURCE TARGET OUT [GOLD]');
  process.exit(2);
}
const cpuStarted = process.cpuUsage();
const cpuMilliseconds = () => {
  const used = process.cpuUsage(cpuStarted);
  return (used.user + used.system) / 1000;
};
const started = performance.now();
const [source, target] = await Promise.all([readDocument(sourcePath, { detectParagraphs: false }), readDocument(targetPath, { detectParagraphs: false })]);
const read = performance.now();
const cpuRead = cpuMilliseconds();
// As alignDocuments does: paragraph texts folded once, for detection and the aligner (counted with detection).
const texts = [paragraphTexts(source), paragraphTexts(target)] as const;
const [sourceDocument, targetDocument] = detectPairLanguages(source, target, texts);
const detected = performance.now();
const cpuDetected = cpuMilliseconds();
const links = alignParagraphs(alignSide(sourceDocument, texts[0]), alignSide(targetDocument, texts[1]));
const aligned = performance.now();
const cpuAligned = cpuMilliseconds();
const now = new Date().toISOString();
const alignment: Alignment = {
  schemaVersion: 3,
  tool: toolInfo,
  created: now,
  modified: now,
  source: { ...sourceDocument, path: resolve(sourcePath) },
  target: { ...targetDocument, path: resolve(targetPath) },
  links,
};
await saveAlignment(outputPath, alignment, { overwrite: true });
const written = performance.now();
const cpu = cpuMilliseconds();
const measured: PhaseTimes = {
  sourceParagraphs: source.paragraphs.length,
  targetParagraphs: target.paragraphs.length,
  read: read - started,
  detect: detected - read,
  align: aligned - detected,
  write: written - aligned,
  total: written - started,
  cpu,
  cpuPhases: { read: cpuRead, detect: cpuDetected - cpuRead, align: cpuAligned - cpuDetected, write: cpu - cpuAligned },
  // maxRSS is in kilobytes on Linux.
  peakMegabytes: process.resourceUsage().maxRSS / 1024,
  fileMegabytes: statSync(outputPath).size / (1024 * 1024),
  links: links.length,
  ...(goldPath ? { f1: scoreAlignment(links, parseLinks(readFileSync(goldPath, 'utf8'))).f1 } : {}),
};
console.log(JSON.stringify(measured));

#!/usr/bin/env node
// `npm run bench`: the aligner benchmark (accuracy, speed, memory), then whole
// processes as users run them (`bitext --help`, `bitext align` up to 30k
// paragraphs of real text), sentence alignment against a verse gold, corpus
// batches (`bitext batch` beside one `bitext align` a pair; `--stdin-jsonl`
// throughput and memory), then the user interface under load (a 5,000-paragraph
// pair in Chromium). Arguments such as --markdown go to all.
// `npm run bench -- --aligner-only` skips the user interface.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2).filter((arg) => arg !== '--aligner-only');
const parts = [
  ['bench/run.ts', 'aligner'],
  ['bench/whole-process.ts', 'whole-process'],
  ['bench/sentences.ts', 'sentence'],
  ['bench/batch.ts', 'batch'],
];
if (!process.argv.includes('--aligner-only')) parts.push(['bench/ui.ts', 'user interface']);
for (const [script, label] of parts) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The ${label} benchmark failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

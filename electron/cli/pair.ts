/**
 * `bitext pair FOLDER`: lists the folder's documents with their languages and
 * proposes which are translations of which, with the evidence for each score.
 */
import { basename } from 'node:path';
import { listFolder } from '../services/folder.ts';
import { alignSide } from '../../shared/pipeline.ts';
import { pairDocuments } from '../../shared/corpus/pairing.ts';
import { effectiveLanguage } from '../../shared/model/document.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.pair;


/** Runs `bitext pair`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean', default: false },
    threshold: { type: 'string', default: '0.5' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`);
    return 0;
  }
  expectPositionals(positionals, 1, 1, usage);
  const threshold = Number(values.threshold);
  const { documents, skipped } = await listFolder(positionals[0]!);
  const { candidates, proposals } = pairDocuments(
    documents.map((document) => ({ id: document.path, ...alignSide(document) })),
    { threshold },
  );
  if (values.json) {
    const listed = documents.map((document) => ({
      path: document.path,
      language: effectiveLanguage(document.language),
      encoding: document.encoding.name,
      size: document.size,
      paragraphs: document.paragraphs.length,
    }));
    process.stdout.write(`${JSON.stringify({ documents: listed, skipped, proposals, candidates }, null, 2)}\n`);
    return 0;
  }
  const lines = ['Documents:'];
  for (const document of documents) {
    const language = effectiveLanguage(document.language);
    lines.push(`  ${language.bcp47.padEnd(4)} ${String(document.size).padStart(8)} B ${String(document.paragraphs.length).padStart(5)} ¶  ${basename(document.path)}`);
  }
  for (const { path, reason } of skipped) lines.push(`  skipped ${basename(path)}: ${reason}`);
  lines.push('', proposals.length > 0 ? 'Proposed pairs (longer document first):' : `No pair scores ${threshold} or more.`);
  for (const pair of proposals) {
    lines.push(`  ${pair.score.toFixed(2)}  ${basename(pair.source)} ⇄ ${basename(pair.target)}  (anchors ${percent(pair.anchorContainment)}, aligned ${percent(pair.alignedShare)})`);
  }
  const rejected = candidates.filter((candidate) => !proposals.includes(candidate));
  if (rejected.length > 0) {
    lines.push('', 'Other candidates:');
    for (const pair of rejected) lines.push(`  ${pair.score.toFixed(2)}  ${basename(pair.source)} ⇄ ${basename(pair.target)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
